import type { Type } from '@nestjs/common';
import { SIGNED_METADATA } from './signing.constants.js';

/** A route handler as Nest gives it: a function, used here as a metadata target and cache key. */
type Handler = object;

/**
 * Decides once per (controller, handler) whether requests must be signed: the handler's `@Signed()` /
 * `@Unsigned()` wins over the controller's, which wins over `signing.global`.
 * Keyed by controller too, since subclasses of one controller share handler functions.
 */
export class SignedRoutePolicy {
  private readonly decisions = new WeakMap<Type<unknown>, WeakMap<Handler, boolean>>();

  constructor(private readonly global: boolean) {}

  /**
   * @example
   * policy.requiresSignature(context.getHandler(), context.getClass()); // true for a @Signed() handler
   */
  requiresSignature(handler: Handler, controller: Type<unknown>): boolean {
    let byHandler = this.decisions.get(controller);
    if (byHandler === undefined) {
      byHandler = new WeakMap();
      this.decisions.set(controller, byHandler);
    }
    let decision = byHandler.get(handler);
    if (decision === undefined) {
      const marked = (Reflect.getMetadata(SIGNED_METADATA, handler) ??
        Reflect.getMetadata(SIGNED_METADATA, controller)) as boolean | undefined;
      decision = marked ?? this.global;
      byHandler.set(handler, decision);
    }
    return decision;
  }
}
