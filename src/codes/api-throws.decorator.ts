import { API_THROWS_METADATA } from './codes.constants.js';
import { assertDefinition } from './code-definition.error.js';
import type { CodeDefinition } from './code-definition.interface.js';

/**
 * Declares the business errors an endpoint may raise: on a handler, or on a controller for all its handlers
 * (the two add up, as do several `@ApiThrows`). The `CodeRegistry` collects them at start-up, the code table
 * lists the endpoints, and with `strictThrows` a `BusinessException` with an undeclared code is a contract
 * violation (logged, or a 500).
 *
 * @example
 * @Post()
 * @ApiThrows(OrderCodes.OUT_OF_STOCK, OrderCodes.ORDER_LOCKED)
 * create() {}
 */
export function ApiThrows(...definitions: CodeDefinition[]): ClassDecorator & MethodDecorator {
  definitions.forEach((definition, index) => assertDefinition(definition, '@ApiThrows', `argument ${index + 1}`));
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value ?? target) as object;
    const earlier = (Reflect.getMetadata(API_THROWS_METADATA, holder) ?? []) as CodeDefinition[];
    // Decorators apply bottom-up: put these first to keep the order they are written in.
    Reflect.defineMetadata(API_THROWS_METADATA, [...definitions, ...earlier], holder);
  };
}
