import type { Type } from '@nestjs/common';
import {
  REDIRECT_METADATA,
  RENDER_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { RAW_RESPONSE_METADATA } from './http.constants.js';

/** A route handler as Nest gives it: a function, used as a metadata target and cache key. */
export type Handler = object & { readonly name: string };

// Route-argument metadata keys are `${paramtype}:${index}`.
const WRITES_ITSELF = [`${RouteParamtypes.RESPONSE}:`, `${RouteParamtypes.NEXT}:`];

/**
 * Whether a route's results get the success envelope: not for `@RawResponse()` (handler over controller),
 * `@Sse()`, `@Redirect()`, `@Render()`, nor handlers that write through `@Res()` / `@Next()` without `passthrough`.
 * Pure reflection; `RouteInfoCache` keeps the answer per controller and handler.
 *
 * @example
 * wrapsResults(OrdersController.prototype.events, OrdersController); // false for an @Sse() handler
 */
export function wrapsResults(handler: Handler, controller: Type<unknown>): boolean {
  if (Reflect.getMetadata(RAW_RESPONSE_METADATA, handler) ?? Reflect.getMetadata(RAW_RESPONSE_METADATA, controller)) {
    return false;
  }
  for (const key of [SSE_METADATA, REDIRECT_METADATA, RENDER_METADATA]) {
    if (Reflect.getMetadata(key, handler) !== undefined) return false;
  }
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, unknown>;
  const writesItself = Object.keys(args).some((key) => WRITES_ITSELF.some((prefix) => key.startsWith(prefix)));
  return !writesItself || Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, handler.name) === true;
}
