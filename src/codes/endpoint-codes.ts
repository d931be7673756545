import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { API_CODE_METADATA, API_THROWS_METADATA } from './codes.constants.js';
import type { BusinessCode, CodeDefinition } from './code-definition.interface.js';

/**
 * What `@ApiCode` and `@ApiThrows` say about one endpoint, handler and controller combined.
 *
 * @example
 * const codes: EndpointCodes = { success: OrderCodes.ORDER_CREATED, successStatus: 201, throws: [OrderCodes.OUT_OF_STOCK], declared: new Set([10010]) };
 */
export interface EndpointCodes {
  /** `@ApiCode` of the handler, else of its controller. */
  readonly success: CodeDefinition | undefined;
  /** The HTTP status to answer a success with: `success.status`, unless the handler has `@HttpCode`. */
  readonly successStatus: number | undefined;
  /** `@ApiThrows` of the handler, then of the controller, without repeats. */
  readonly throws: readonly CodeDefinition[];
  /** The codes of `throws`, for the strict check. */
  readonly declared: ReadonlySet<BusinessCode>;
}

function thrownBy(target: object): CodeDefinition[] {
  return (Reflect.getMetadata(API_THROWS_METADATA, target) ?? []) as CodeDefinition[];
}

/**
 * Reads the code metadata of a handler and its controller. Pure reflection; `RouteInfoCache` keeps the answer per route.
 *
 * @example
 * readEndpointCodes(OrdersController.prototype.create, OrdersController).successStatus; // 201
 */
export function readEndpointCodes(handler: object, controller: object): EndpointCodes {
  const success = (Reflect.getMetadata(API_CODE_METADATA, handler) ??
    Reflect.getMetadata(API_CODE_METADATA, controller)) as CodeDefinition | undefined;
  const explicitHttpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) !== undefined;
  const throws = [...new Set([...thrownBy(handler), ...thrownBy(controller)])];
  return {
    success,
    successStatus: explicitHttpCode ? undefined : success?.status,
    throws,
    declared: new Set(throws.map((definition) => definition.code)),
  };
}
