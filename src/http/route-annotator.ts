import type { Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { ModulesContainer } from '@nestjs/core';
import { ROUTE_REF_CONFIG_KEY, ROUTE_REF_METADATA } from './http.constants.js';
import type { RouteRef } from './route-ref.js';
import { methodNames, methodOf } from './controller-methods.js';

/** `@nestjs/platform-fastify`'s key for `@RouteConfig()`; the adapter passes it to Fastify as the route's config. */
const FASTIFY_ROUTE_CONFIG_METADATA = '__fastify_route_config__';

/** Puts the ref on a route method, and into its Fastify route config. */
function mark(handler: object, ref: RouteRef): void {
  Reflect.defineMetadata(ROUTE_REF_METADATA, ref, handler);
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as object | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [ROUTE_REF_CONFIG_KEY]: ref }, handler);
}

/**
 * Gives a controller its own copy of an inherited route method that another controller routes too (a base CRUD
 * controller): a forwarder with the method's name and metadata, so that each controller's routes carry their own
 * ref, and each controller's class-level decorators (`@RawResponse`, `@ApiCode`, `@ApiThrows`) decide for it.
 */
function ownRouteMethod(controller: Type<unknown>, methodName: string, inherited: object): object {
  const target = inherited as (...args: unknown[]) => unknown;
  const forwarder = {
    [methodName](this: unknown, ...args: unknown[]): unknown {
      return target.apply(this, args);
    },
  }[methodName];
  for (const key of Reflect.getMetadataKeys(inherited) as unknown[]) {
    Reflect.defineMetadata(key, Reflect.getMetadata(key, inherited), forwarder);
  }
  Object.defineProperty(controller.prototype, methodName, {
    value: forwarder,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return forwarder;
}

/**
 * Marks every route method of every controller with its `RouteRef`. Runs once, before Nest registers the routes
 * (from `ResponseModule.configure`), so that the routed handlers carry it on both adapters. Idempotent; the refs
 * hold no option, so apps with different options (tests) can share controller classes.
 *
 * @example
 * annotateRoutes(app.get(ModulesContainer));
 */
export function annotateRoutes(modules: ModulesContainer): void {
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (typeof controller !== 'function' || !controller.prototype) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const methodName of methodNames(prototype)) {
        const handler = methodOf(prototype, methodName);
        if (handler === undefined) continue;
        if (
          Reflect.getMetadata(PATH_METADATA, handler) === undefined ||
          Reflect.getMetadata(METHOD_METADATA, handler) === undefined
        )
          continue;
        const existing = Reflect.getOwnMetadata(ROUTE_REF_METADATA, handler) as RouteRef | undefined;
        if (existing?.controller === controller) continue;
        // The method is routed by another controller already: this controller gets its own.
        const routed = existing === undefined ? handler : ownRouteMethod(controller, methodName, handler);
        mark(routed, { controller, handler: routed as RouteRef['handler'], methodName });
      }
    }
  }
}
