import { BusinessException } from './business.exception.js';
import { describeDefinition, formatCode } from './definition-name.js';
import type { EndpointCodes } from './endpoint-codes.js';

/**
 * With `strictThrows: 'throw'`, what a handler's undeclared business failure becomes: a 500 whose log line
 * says which code the endpoint did not declare. The original exception is its `cause`.
 *
 * @example
 * throw new UndeclaredBusinessCodeError('OrdersController.create raised …', { cause: exception });
 */
export class UndeclaredBusinessCodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UndeclaredBusinessCodeError';
  }
}

/**
 * The contract violation of a thrown value, or `undefined`: only a `BusinessException` whose code is not among
 * the endpoint's `@ApiThrows` (handler or controller) breaks the contract.
 *
 * @example
 * undeclaredThrow(new BusinessException(OrderCodes.ORDER_LOCKED), endpoint, 'OrdersController.create');
 * // 'OrdersController.create raised OrderCodes.ORDER_LOCKED (code 10011), which its @ApiThrows does not declare (declared: 10010)'
 */
export function undeclaredThrow(error: unknown, endpoint: EndpointCodes, where: string): string | undefined {
  if (!(error instanceof BusinessException)) return undefined;
  const { definition } = error;
  if (endpoint.declared.has(definition.code)) return undefined;
  const declared = endpoint.throws.map((known) => formatCode(known.code)).join(', ') || 'nothing';
  const name = describeDefinition(definition);
  const raised = name.startsWith('code ') ? name : `${name} (code ${formatCode(definition.code)})`;
  return `${where} raised ${raised}, which its @ApiThrows does not declare (declared: ${declared})`;
}
