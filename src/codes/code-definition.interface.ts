/**
 * A message in several languages, keyed by BCP 47 tag.
 *
 * @example
 * const text: LocalisedText = { en: 'out of stock', 'zh-CN': '库存不足' };
 */
export type LocalisedText = Readonly<Record<string, string>>;

/**
 * A business code as it appears on the wire: a number (`10010`) or a self-describing string
 * (`'failure_password_or_account_error'`).
 *
 * @example
 * const code: BusinessCode = 'PARAM_ERROR';
 */
export type BusinessCode = number | string;

/**
 * One business code: its value, the HTTP status it answers with, and its message.
 * Messages may hold `{name}` placeholders filled from a `BusinessException`'s `params`.
 *
 * @example
 * const OUT_OF_STOCK: CodeDefinition = { code: 10010, status: 409, message: { en: 'out of stock', 'zh-CN': '库存不足' } };
 */
export interface CodeDefinition {
  readonly code: BusinessCode;
  readonly status?: number;
  readonly message: string | LocalisedText;
  /** Its key in its catalogue (`OUT_OF_STOCK`); set by `defineCodes`, used in error messages and the code table. */
  readonly key?: string;
  /** The catalogue's name, when `defineCodes(entries, { name })` gave one. */
  readonly catalogue?: string;
}

/**
 * A named set of code definitions, as `defineCodes` returns it.
 *
 * @example
 * const OrderCodes: CodeCatalogue = { OUT_OF_STOCK: { code: 10010, status: 409, message: 'out of stock' } };
 */
export type CodeCatalogue = Readonly<Record<string, CodeDefinition>>;
