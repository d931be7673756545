import { Injectable, type Type } from '@nestjs/common';
import { type EndpointCodes, readEndpointCodes } from '../codes/endpoint-codes.js';
import type { SuccessFrame } from './success-frame.js';
import { type Handler, wrapsResults } from './wrap-decision.js';

/** What the module knows of one route (a controller and one of its methods), read once from its metadata. */
export interface RouteInfo {
  /** Results get the success envelope (see `wrapsResults`). */
  readonly wraps: boolean;
  /** `@ApiCode` / `@ApiThrows` of the handler, over its controller's. */
  readonly codes: EndpointCodes;
  /** The route returned a bigint once: its results go straight to the bigint serialiser. */
  returnsBigInt: boolean;
  /** The success envelope's text around `data`, per locale (bounded by the locales the app knows). */
  readonly frames: Map<string, SuccessFrame>;
}

/**
 * The one per-route cache: keyed by controller, then handler, since a handler inherited by two controllers (a base
 * CRUD controller) takes each controller's class-level metadata (`@RawResponse`, `@ApiCode`, `@ApiThrows`).
 *
 * @example
 * routes.info(OrdersController.prototype.findOne, OrdersController).codes.success?.code; // 10001
 */
@Injectable()
export class RouteInfoCache {
  private readonly byController = new WeakMap<object, WeakMap<object, RouteInfo>>();

  /**
   * @example
   * routes.info(context.getHandler(), context.getClass()).wraps; // false for an @Sse() handler
   */
  info(handler: Handler, controller: Type<unknown>): RouteInfo {
    let byHandler = this.byController.get(controller);
    if (byHandler === undefined) {
      byHandler = new WeakMap();
      this.byController.set(controller, byHandler);
    }
    let info = byHandler.get(handler);
    if (info === undefined) {
      info = {
        wraps: wrapsResults(handler, controller),
        codes: readEndpointCodes(handler, controller),
        returnsBigInt: false,
        frames: new Map(),
      };
      byHandler.set(handler, info);
    }
    return info;
  }
}
