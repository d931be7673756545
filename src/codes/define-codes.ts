import { describeValue, isPlainObject } from '../options/option-checks.js';
import { assertDefinition, CodeDefinitionError } from './code-definition.error.js';
import type { BusinessCode, CodeDefinition, LocalisedText } from './code-definition.interface.js';

/**
 * One entry of `defineCodes`: the code, the HTTP status it answers with (optional), and its message.
 *
 * @example
 * const entry: CodeEntry = { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } };
 */
export interface CodeEntry {
  readonly code: BusinessCode;
  readonly status?: number;
  readonly message: string | LocalisedText;
}

/**
 * Options of `defineCodes`.
 *
 * @example
 * const options: DefineCodesOptions = { name: 'OrderCodes' };
 */
export interface DefineCodesOptions {
  /** Names the catalogue in start-up errors and in the code table (`OrderCodes.OUT_OF_STOCK`). */
  readonly name?: string;
}

/**
 * A definition as `defineCodes` returns it: the entry's literal types, its key and its catalogue's name.
 *
 * @example
 * type OutOfStock = DefinedCode<{ code: 10010; message: 'out of stock' }, 'OUT_OF_STOCK'>;
 */
export type DefinedCode<E extends CodeEntry, K extends string> = Readonly<E> & {
  readonly key: K;
  readonly catalogue?: string;
};

/**
 * The frozen catalogue `defineCodes` returns.
 *
 * @example
 * type Orders = DefinedCatalogue<{ OUT_OF_STOCK: { code: 10010; message: 'out of stock' } }>;
 */
export type DefinedCatalogue<T extends Record<string, CodeEntry>> = {
  readonly [K in keyof T & string]: DefinedCode<T[K], K>;
};

function freezeDefinition(entry: CodeEntry, key: string, catalogue: string | undefined): CodeDefinition {
  return Object.freeze({
    code: entry.code,
    ...(entry.status === undefined ? {} : { status: entry.status }),
    message: typeof entry.message === 'string' ? entry.message : Object.freeze({ ...entry.message }),
    key,
    ...(catalogue === undefined ? {} : { catalogue }),
  });
}

/**
 * Declares a catalogue of business codes: typed (literal types kept, so `OrderCodes.OUT_OF_STOCK.code` is
 * `10010`), frozen, and checked where it is written: a bad code, status or message throws a
 * `CodeDefinitionError` naming the key. Each definition knows its key and the catalogue's name.
 * No global side effect: the `CodeRegistry` learns of a catalogue through the `codes` option or through
 * `@ApiCode` / `@ApiThrows` on a controller.
 *
 * @example
 * export const OrderCodes = defineCodes(
 *   {
 *     ORDER_CREATED: { code: 10001, status: 201, message: 'order created' },
 *     OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } },
 *   },
 *   { name: 'OrderCodes' },
 * );
 * OrderCodes.OUT_OF_STOCK.key; // 'OUT_OF_STOCK'
 */
export function defineCodes<const T extends Record<string, CodeEntry>>(
  entries: T,
  options: DefineCodesOptions = {},
): DefinedCatalogue<T> {
  if (!isPlainObject(options)) throw new CodeDefinitionError(`defineCodes: options must be an object`);
  const { name } = options;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    throw new CodeDefinitionError(`defineCodes: options.name must be a non-empty string (got ${describeValue(name)})`);
  }
  const context = name === undefined ? 'defineCodes' : `defineCodes(${name})`;
  if (!isPlainObject(entries)) {
    throw new CodeDefinitionError(`${context}: entries must be an object of NAME → { code, status?, message }`);
  }
  const catalogue: Record<string, CodeDefinition> = {};
  for (const [key, entry] of Object.entries(entries)) {
    if (key.trim() === '') throw new CodeDefinitionError(`${context}: a key must not be empty`);
    assertDefinition(entry, context, key);
    const own = entry as unknown as Record<string, unknown>;
    if (own.key !== undefined || own.catalogue !== undefined) {
      throw new CodeDefinitionError(`${context}: ${key} must not set key or catalogue; defineCodes sets them`);
    }
    catalogue[key] = freezeDefinition(entry, key, name);
  }
  return Object.freeze(catalogue) as DefinedCatalogue<T>;
}
