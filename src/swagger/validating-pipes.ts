import { type INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { hasNestDefaultFactory } from '../validation/adopt-validation-pipe.js';
import { EnvelopeValidationPipe } from '../validation/envelope-validation.pipe.js';

/**
 * The pipes that validate DTO classes on every route, and the module's own pipe (it alone reads Standard Schemas).
 *
 * @example
 * const pipes: ValidatingPipes = { classes: [new EnvelopeValidationPipe()], module: undefined };
 */
export interface ValidatingPipes {
  readonly classes: readonly ValidationPipe[];
  readonly module: ValidationPipe | undefined;
}

function tryGet<T>(app: INestApplicationContext, token: abstract new (...args: never[]) => T): T | undefined {
  try {
    return app.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}

/**
 * The pipes that validate the app's DTO classes, as `GlobalValidationPipe` will decide once the app starts: the
 * app's own global `ValidationPipe`s that the module adopts, or else the module's pipe (unless `validation.pipe` is
 * `false`). Read before `app.init()` too: the document is usually built before `listen`.
 *
 * @example
 * const pipes = validatingPipes(app, app.get(RESPONSE_OPTIONS));
 */
export function validatingPipes(app: INestApplicationContext, options: ResolvedResponseOptions): ValidatingPipes {
  const config = tryGet(app, ApplicationConfig);
  const own = (config?.getGlobalPipes() ?? []).filter((pipe) => pipe instanceof ValidationPipe);
  // A request-scoped APP_PIPE ValidationPipe cannot be adopted, but it stops the module's pipe from validating.
  const scoped = (config?.getGlobalRequestPipes() ?? []).some(({ metatype }) => isPipeClass(metatype));
  const modulePipe = options.validation.pipe === false ? undefined : tryGet(app, EnvelopeValidationPipe);
  const adopted = own.filter((pipe) => pipe instanceof EnvelopeValidationPipe || hasNestDefaultFactory(pipe));
  const classes = own.length > 0 || scoped ? adopted : modulePipe ? [modulePipe] : [];
  return { classes, module: modulePipe };
}

function isPipeClass(metatype: unknown): boolean {
  if (typeof metatype !== 'function') return false;
  return metatype === ValidationPipe || (metatype as { prototype?: unknown }).prototype instanceof ValidationPipe;
}
