import { Injectable, type Type } from '@nestjs/common';
import {
  REDIRECT_METADATA,
  RENDER_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { RAW_RESPONSE_METADATA } from './http.constants.js';

// Route-argument metadata keys are `${paramtype}:${index}`.
/** A route handler as Nest gives it: a function, used here as a metadata target and cache key. */
type Handler = object & { readonly name: string };

const WRITES_ITSELF = [`${RouteParamtypes.RESPONSE}:`, `${RouteParamtypes.NEXT}:`];

/**
 * Decides once per handler whether its results get the success envelope: not for `@RawResponse()`,
 * `@Sse()`, `@Redirect()`, `@Render()`, nor handlers that write through `@Res()` / `@Next()` without `passthrough`.
 */
@Injectable()
export class WrapPolicy {
  private readonly decisions = new WeakMap<Handler, boolean>();

  /**
   * @example
   * policy.wraps(context.getHandler(), context.getClass()); // false for an @Sse() handler
   */
  wraps(handler: Handler, controller: Type<unknown>): boolean {
    let decision = this.decisions.get(handler);
    if (decision === undefined) {
      decision = this.decide(handler, controller);
      this.decisions.set(handler, decision);
    }
    return decision;
  }

  private decide(handler: Handler, controller: Type<unknown>): boolean {
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
}
