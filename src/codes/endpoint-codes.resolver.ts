import { Injectable } from '@nestjs/common';
import { type EndpointCodes, readEndpointCodes } from './endpoint-codes.js';

/**
 * Resolves the `@ApiCode` / `@ApiThrows` of a handler once and keeps the answer: the interceptor asks per
 * request, the registry at start-up, and an adapter-level fast path can share the same answers.
 * Keyed by controller, then handler, since a handler inherited by two controllers may carry different defaults.
 *
 * @example
 * // in the interceptor (and a later adapter-level fast path), injected from ResponseModule
 * const { success, successStatus, declared } = this.endpoints.resolve(context.getHandler(), context.getClass());
 */
@Injectable()
export class EndpointCodesResolver {
  private readonly resolved = new WeakMap<object, WeakMap<object, EndpointCodes>>();

  /**
   * @example
   * resolver.resolve(context.getHandler(), context.getClass()).success?.code; // 10002
   */
  resolve(handler: object, controller: object): EndpointCodes {
    let byHandler = this.resolved.get(controller);
    if (byHandler === undefined) {
      byHandler = new WeakMap();
      this.resolved.set(controller, byHandler);
    }
    let codes = byHandler.get(handler);
    if (codes === undefined) {
      codes = readEndpointCodes(handler, controller);
      byHandler.set(handler, codes);
    }
    return codes;
  }
}
