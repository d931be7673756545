import {
  type ArgumentMetadata,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type PipeTransform,
  ValidationPipe,
} from '@nestjs/common';
import { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { adoptValidationPipe } from './adopt-validation-pipe.js';
import { EnvelopeValidationPipe } from './envelope-validation.pipe.js';
import type { InputLimits } from './input-limits.js';
import { findRouteValidationPipes, paramKey } from './route-validation-pipes.js';
import { isStandardSchema } from './standard-schema-violations.js';

/**
 * The module's global pipe (`APP_PIPE`). Once the app is set up, it looks for the app's own global
 * `ValidationPipe`s (`app.useGlobalPipes(…)`, `APP_PIPE` providers): each one with Nest's default `exceptionFactory`
 * is adopted (its failures become violations), and then this pipe validates DTO classes no more (a value is
 * validated once), only Standard Schemas, which Nest's pipe does not read. The same for the `ValidationPipe`s on
 * controllers, routes and params (`@UsePipes(new ValidationPipe())`, `@UsePipes(ValidationPipe)`,
 * `@Body(new ValidationPipe())`): each is adopted, and a param such a pipe validates on every route it appears on
 * is left to it. Without such pipes it is `EnvelopeValidationPipe` with `validation.pipe`'s options; with
 * `validation.pipe: false` it does nothing.
 *
 * @example
 * { provide: APP_PIPE, useExisting: GlobalValidationPipe }
 */
@Injectable()
export class GlobalValidationPipe implements PipeTransform, OnApplicationBootstrap {
  private readonly enabled: boolean;
  private readonly limits: InputLimits;
  private validatesClasses = true;
  /** By metatype, the params (type and data) a route's own validation pipe validates wherever they appear. */
  private ownedByRoutes: ReadonlyMap<unknown, ReadonlySet<string>> = new Map();

  constructor(
    @Inject(RESPONSE_OPTIONS) options: ResolvedResponseOptions,
    private readonly pipe: EnvelopeValidationPipe,
    private readonly config: ApplicationConfig,
    private readonly modules: ModulesContainer,
  ) {
    this.enabled = options.validation.pipe !== false;
    this.limits = { maxDepth: options.validation.maxDepth, maxNodes: options.validation.maxNodes };
  }

  /** After `app.useGlobalPipes()` and before the first request (Nest calls it from `app.init()`). */
  onApplicationBootstrap(): void {
    const own = this.config
      .getGlobalPipes()
      .filter((pipe): pipe is ValidationPipe => pipe !== this && pipe instanceof ValidationPipe);
    for (const pipe of own) adoptValidationPipe(pipe, this.limits);
    // A request-scoped APP_PIPE exists once per request: it cannot be adopted, but it does validate.
    const scoped = this.config
      .getGlobalRequestPipes()
      .some(
        ({ metatype }) =>
          metatype === ValidationPipe ||
          (typeof metatype === 'function' && metatype.prototype instanceof ValidationPipe),
      );
    this.validatesClasses = own.length === 0 && !scoped;
    const routes = findRouteValidationPipes(this.modules);
    for (const pipe of routes.instances) adoptValidationPipe(pipe, this.limits);
    this.ownedByRoutes = routes.ownedEverywhere;
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!this.enabled) return value;
    if (isStandardSchema((metadata as { schema?: unknown }).schema)) return this.pipe.transform(value, metadata);
    // One Map lookup per param; the key is built only for a DTO that some route's own pipe validates.
    if (
      this.validatesClasses &&
      !this.ownedByRoutes.get(metadata.metatype)?.has(paramKey(metadata.type, metadata.data))
    ) {
      return this.pipe.transform(value, metadata);
    }
    return value;
  }
}
