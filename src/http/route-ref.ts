import type { Type } from '@nestjs/common';
import { ROUTE_REF_CONFIG_KEY, ROUTE_REF_METADATA } from './http.constants.js';

/**
 * Which controller method a routed request reached. Put on every route method at start-up, before Nest registers
 * the routes, so the adapters carry it: Express through the metadata Nest copies onto the routed handler, Fastify
 * through the route's config.
 */
export interface RouteRef {
  readonly controller: Type<unknown>;
  /** The controller method itself (its metadata: `@RawResponse`, `@Sse`, `@ApiCode` …). */
  readonly handler: object & { readonly name: string };
  readonly methodName: string;
}

interface ExpressLikeRequest {
  route?: { stack?: { handle?: unknown }[] };
}
interface FastifyLikeRequest {
  routeOptions?: { config?: Record<PropertyKey, unknown> };
}

const fromExpressHandler = new WeakMap<object, RouteRef | null>();

/**
 * The route a request reached, or `undefined` (an unknown route, a request Nest did not route).
 *
 * @example
 * routeRefOf(request)?.controller; // OrdersController
 */
export function routeRefOf(request: unknown): RouteRef | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const stack = (request as ExpressLikeRequest).route?.stack;
  if (stack !== undefined) {
    const handle = stack[stack.length - 1]?.handle;
    if (typeof handle !== 'function') return undefined;
    let ref = fromExpressHandler.get(handle);
    if (ref === undefined) {
      ref = (Reflect.getMetadata(ROUTE_REF_METADATA, handle) as RouteRef | undefined) ?? null;
      fromExpressHandler.set(handle, ref);
    }
    return ref ?? undefined;
  }
  if ('raw' in request) {
    const config = (request as FastifyLikeRequest).routeOptions?.config;
    return config?.[ROUTE_REF_CONFIG_KEY] as RouteRef | undefined;
  }
  return undefined;
}
