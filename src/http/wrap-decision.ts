import { RequestMethod, type Type } from '@nestjs/common';
import {
  HEADERS_METADATA,
  METHOD_METADATA,
  REDIRECT_METADATA,
  RENDER_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { RAW_RESPONSE_METADATA } from './http.constants.js';
import { isJsonContentType } from './media-type.js';

/** A route handler as Nest gives it: a function, used as a metadata target and cache key. */
export type Handler = object & { readonly name: string };

// Route-argument metadata keys are `${paramtype}:${index}`.
const WRITES_ITSELF = [`${RouteParamtypes.RESPONSE}:`, `${RouteParamtypes.NEXT}:`];

/** A `@Header('Content-Type', …)` of the handler that is not JSON (`text/plain` for `/metrics`, `text/html`). */
function declaresNonJsonType(handler: Handler): boolean {
  const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as { name?: unknown; value?: unknown }[];
  return headers.some(
    ({ name, value }) =>
      typeof name === 'string' &&
      name.toLowerCase() === 'content-type' &&
      typeof value === 'string' &&
      !isJsonContentType(value),
  );
}

/**
 * Whether a route's results get the success envelope: not for `@RawResponse()` (handler over controller),
 * `@Sse()`, `@Redirect()`, `@Render()`, a route declared with `@Head()` (its own answer to HEAD), a non-JSON
 * `@Header('Content-Type', …)`, nor handlers that write through `@Res()` / `@Next()` without `passthrough`.
 * Pure reflection; `RouteInfoCache` keeps the answer per controller and handler (a type set at run time is checked
 * per request by `SuccessReplier`).
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
  if (Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.HEAD || declaresNonJsonType(handler))
    return false;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, unknown>;
  const writesItself = Object.keys(args).some((key) => WRITES_ITSELF.some((prefix) => key.startsWith(prefix)));
  return !writesItself || Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, handler.name) === true;
}
