import type { Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { ModulesContainer } from '@nestjs/core';
import { ROUTE_REF_CONFIG_KEY, ROUTE_REF_METADATA } from './http.constants.js';
import type { RouteRef } from './route-ref.js';

/** `@nestjs/platform-fastify`'s key for `@RouteConfig()`; the adapter passes it to Fastify as the route's config. */
const FASTIFY_ROUTE_CONFIG_METADATA = '__fastify_route_config__';

function methodNames(prototype: object): string[] {
  const names = new Set<string>();
  for (
    let current: object | null = prototype;
    current && current !== Object.prototype;
    current = Object.getPrototypeOf(current) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(current)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}

/** The method itself, never the result of a getter. */
function methodOf(prototype: object, name: string): object | undefined {
  for (let current: object | null = prototype; current; current = Object.getPrototypeOf(current) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, name);
    if (descriptor) return typeof descriptor.value === 'function' ? (descriptor.value as object) : undefined;
  }
  return undefined;
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
        // An inherited method routed by two controllers keeps the first controller's ref.
        if (Reflect.hasOwnMetadata(ROUTE_REF_METADATA, handler)) continue;
        const ref: RouteRef = { controller, handler: handler as RouteRef['handler'], methodName };
        Reflect.defineMetadata(ROUTE_REF_METADATA, ref, handler);
        const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as object | undefined) ?? {};
        Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [ROUTE_REF_CONFIG_KEY]: ref }, handler);
      }
    }
  }
}
