import { definitionProblem } from '../options/definition-problem.js';

/**
 * A code definition that cannot be used; the message names where it was written and the member at fault.
 *
 * @example
 * throw new CodeDefinitionError('defineCodes(OrderCodes): OUT_OF_STOCK.status must be an integer HTTP status (100–599) (got 1000)');
 */
export class CodeDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodeDefinitionError';
  }
}

/**
 * Throws a `CodeDefinitionError` when the definition has a problem; the message reads
 * `<context>: <subject>.<member> <expectation> (got …)`.
 *
 * @example
 * assertDefinition({ code: 10010, status: 1000, message: 'x' }, 'defineCodes(OrderCodes)', 'OUT_OF_STOCK');
 * // CodeDefinitionError: defineCodes(OrderCodes): OUT_OF_STOCK.status must be an integer HTTP status (100–599) (got 1000)
 */
export function assertDefinition(value: unknown, context: string, subject: string): void {
  const found = definitionProblem(value);
  if (found === undefined) return;
  const path = found.member === '' ? subject : `${subject}.${found.member}`;
  throw new CodeDefinitionError(`${context}: ${path} ${found.expectation} (got ${found.got})`);
}
