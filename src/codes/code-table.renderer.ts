import type { RegisteredCode } from './code-collection.js';
import type { BusinessCode } from './code-definition.interface.js';
import { localise } from './locale.js';

/** The HTTP status a `BusinessException` answers with when its definition has none. */
const DEFAULT_FAILURE_STATUS = 400;

/**
 * One row of the code table, as JSON.
 *
 * @example
 * const row: CodeTableEntry = { code: 10010, name: 'OrderCodes.OUT_OF_STOCK', status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' }, endpoints: ['POST /orders'] };
 */
export interface CodeTableEntry {
  readonly code: BusinessCode;
  readonly name: string | null;
  /** The definition's status; 400 for a failure code without one; `null` for a success code without one. */
  readonly status: number | null;
  /** The text a client gets in each locale (with the usual fallbacks). */
  readonly message: Readonly<Record<string, string>>;
  readonly endpoints: readonly string[];
}

/**
 * The rows of the code table.
 *
 * @example
 * codeTableEntries(registry.codes(), ['en', 'zh-CN'])[0]; // { code: 10000, name: 'OrderCodes.ORDERS_LISTED', status: null, … }
 */
export function codeTableEntries(codes: readonly RegisteredCode[], locales: readonly string[]): CodeTableEntry[] {
  return codes.map((entry) => ({
    code: entry.code,
    name: entry.name ?? null,
    status: entry.status ?? (entry.kind === 'failure' ? DEFAULT_FAILURE_STATUS : null),
    message: Object.fromEntries(locales.map((locale) => [locale, localise(entry.message, locale)])),
    endpoints: entry.endpoints,
  }));
}

/**
 * The code table as pretty-printed JSON (an array of `CodeTableEntry`), ending with a newline.
 *
 * @example
 * renderCodeTableJson(registry.codes(), ['en']); // '[\n  {\n    "code": 10000, …'
 */
export function renderCodeTableJson(codes: readonly RegisteredCode[], locales: readonly string[]): string {
  return `${JSON.stringify(codeTableEntries(codes, locales), null, 2)}\n`;
}

// East Asian wide and fullwidth characters take two columns in a terminal (and in Prettier's tables).
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/**
 * The number of terminal columns a text takes: two for East Asian wide characters, one for the rest.
 *
 * @example
 * displayWidth('库存不足'); // 8
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}

function cellText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function literal(text: string): string {
  return `\`${cellText(text)}\``;
}

/**
 * The code table as Markdown, columns padded so it reads in a terminal too: code, name, HTTP status, the
 * message in each locale, and the endpoints that declare the code.
 *
 * @example
 * renderCodeTableMarkdown(registry.codes(), ['en', 'zh-CN']);
 * // | code    | name                      | HTTP status | message (en)        | message (zh-CN) | endpoints      |
 * // | ------- | ------------------------- | ----------- | ------------------- | --------------- | -------------- |
 * // | `10010` | `OrderCodes.OUT_OF_STOCK` | 409         | out of stock: {sku} | 库存不足：{sku} | `POST /orders` |
 */
export function renderCodeTableMarkdown(codes: readonly RegisteredCode[], locales: readonly string[]): string {
  const header = ['code', 'name', 'HTTP status', ...locales.map((locale) => `message (${locale})`), 'endpoints'];
  const rows = codeTableEntries(codes, locales).map((entry) => [
    literal(String(entry.code)),
    entry.name === null ? '' : literal(entry.name),
    entry.status === null ? '' : String(entry.status),
    ...locales.map((locale) => cellText(entry.message[locale])),
    entry.endpoints.map(literal).join('<br>'),
  ]);
  const widths = header.map((title, column) =>
    Math.max(3, displayWidth(title), ...rows.map((row) => displayWidth(row[column]))),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column] - displayWidth(cell))).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}
