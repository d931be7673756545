import { type ArgumentMetadata, type Type, ValidationPipe } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  PATH_METADATA,
  PIPES_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
import type { ModulesContainer } from '@nestjs/core';
import { methodNames, methodOf } from '../http/controller-methods.js';

/** Nest's `RouteParamtypes` (the same numbers in Nest 11 and 12): the ones a pipe sees as body, query, param. */
const PARAM_TOKENS: Readonly<Record<number, ArgumentMetadata['type']>> = { 3: 'body', 4: 'query', 5: 'param' };
/** The other param types Nest runs pipes on (raw body, file, files, cookies, signed cookies): `custom` to a pipe. */
const OTHER_PIPEABLE = new Set([8, 9, 12, 14, 15]);

/** What a route param looks like to a global pipe: its metatype, type and data. */
type ParamKey = string;

/**
 * The validation pipes an app applied to its routes, found once at start-up, and which params they validate.
 *
 * @example
 * const found = findRouteValidationPipes(app.get(ModulesContainer));
 * found.instances.forEach((pipe) => adoptValidationPipe(pipe));
 */
export interface RouteValidationPipes {
  /** Each `ValidationPipe` instance (given as an instance, or Nest's instance of a class) on a controller, a route or a param. */
  readonly instances: ReadonlySet<ValidationPipe>;
  /**
   * By metatype, the params (`type` and `data`) that a route's own validation pipe validates on every route they
   * appear on: a global pipe that validated them too would validate them twice.
   */
  readonly ownedEverywhere: ReadonlyMap<unknown, ReadonlySet<ParamKey>>;
}

/** `type` and `data` of a param, as one key. */
export function paramKey(type: string, data: unknown): ParamKey {
  return `${type}\u0000${typeof data === 'string' ? data : ''}`;
}

function isValidationPipeClass(pipe: unknown): boolean {
  return pipe === ValidationPipe || (typeof pipe === 'function' && pipe.prototype instanceof ValidationPipe);
}

/** The token a pipe sees for a route-args key (`'3:0'`, `'uuid__customRouteArgs__:1'`), or `undefined`: no pipes. */
function tokenOf(key: string): ArgumentMetadata['type'] | undefined {
  const head = key.split(':')[0];
  if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) return 'custom';
  const type = Number(head);
  return PARAM_TOKENS[type] ?? (OTHER_PIPEABLE.has(type) ? 'custom' : undefined);
}

interface RouteArg {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: readonly unknown[];
}

/**
 * Walks every route of every controller (inherited routes too): the pipes of the controller
 * (`@UsePipes` on the class), of the route (`@UsePipes` on the method) and of each param (`@Body(pipe)`), the
 * validation pipes among them (instances, or classes resolved to the instance Nest made in the controller's module),
 * and for each param whether a validation pipe of its own route validates it.
 *
 * @example
 * findRouteValidationPipes(modules).instances.size; // 3
 */
export function findRouteValidationPipes(modules: ModulesContainer): RouteValidationPipes {
  const instances = new Set<ValidationPipe>();
  const seen = new Map<unknown, Map<ParamKey, boolean>>();
  const validating = (pipes: readonly unknown[] | undefined, injectables: Map<unknown, { instance?: unknown }>) => {
    let found = false;
    for (const pipe of pipes ?? []) {
      if (pipe instanceof ValidationPipe) instances.add(pipe);
      else if (!isValidationPipeClass(pipe)) continue;
      else {
        // A request-scoped class has no instance yet: it validates, but cannot be adopted.
        const instance = injectables.get(pipe)?.instance;
        if (instance instanceof ValidationPipe) instances.add(instance);
      }
      found = true;
    }
    return found;
  };
  for (const module of modules.values()) {
    const injectables = module.injectables as unknown as Map<unknown, { instance?: unknown }>;
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (typeof controller !== 'function' || !controller.prototype) continue;
      const onClass = validating(Reflect.getMetadata(PIPES_METADATA, controller) as unknown[], injectables);
      const prototype = controller.prototype as object;
      for (const name of methodNames(prototype)) {
        const handler = methodOf(prototype, name);
        if (!handler || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const onRoute = validating(Reflect.getMetadata(PIPES_METADATA, handler) as unknown[], injectables) || onClass;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as unknown[];
        for (const [key, arg] of Object.entries(args)) {
          const token = tokenOf(key);
          if (token === undefined) continue;
          const owned = validating(arg.pipes, injectables) || onRoute;
          const metatype = types[arg.index];
          const byKey = seen.get(metatype) ?? new Map<ParamKey, boolean>();
          seen.set(metatype, byKey);
          const param = paramKey(token, arg.data);
          byKey.set(param, owned && byKey.get(param) !== false);
        }
      }
    }
  }
  const ownedEverywhere = new Map<unknown, Set<ParamKey>>();
  for (const [metatype, byKey] of seen) {
    const owned = [...byKey].filter(([, everywhere]) => everywhere).map(([param]) => param);
    if (owned.length > 0) ownedEverywhere.set(metatype, new Set(owned));
  }
  return { instances, ownedEverywhere };
}
