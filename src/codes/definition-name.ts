import type { BusinessCode, CodeDefinition } from './code-definition.interface.js';

/**
 * A code as error messages write it: numbers as they are, strings quoted.
 *
 * @example
 * formatCode(10010); // '10010'
 * formatCode('PARAM_ERROR'); // '"PARAM_ERROR"'
 */
export function formatCode(code: BusinessCode): string {
  return typeof code === 'number' ? String(code) : JSON.stringify(code);
}

/**
 * The name of a definition: `Catalogue.KEY` when `defineCodes` named the catalogue, else its key
 * (or `fallbackKey`, its key in a plain catalogue object); `undefined` for an unnamed one.
 *
 * @example
 * definitionName(OrderCodes.OUT_OF_STOCK); // 'OrderCodes.OUT_OF_STOCK'
 * definitionName({ code: 1, message: 'x' }, 'ONE'); // 'ONE'
 */
export function definitionName(definition: CodeDefinition, fallbackKey?: string): string | undefined {
  const key = definition.key ?? fallbackKey;
  if (key === undefined) return undefined;
  return definition.catalogue === undefined ? key : `${definition.catalogue}.${key}`;
}

/**
 * A definition for error messages: its name, else `code <code>`.
 *
 * @example
 * describeDefinition({ code: 10010, message: 'x' }); // 'code 10010'
 */
export function describeDefinition(definition: CodeDefinition): string {
  return definitionName(definition) ?? `code ${formatCode(definition.code)}`;
}
