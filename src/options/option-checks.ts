// The checks every option (and code definition) goes through: one wording, one place.
import type { BusinessCode, LocalisedText } from '../codes/code-definition.interface.js';
import { ResponseOptionsError } from './response-options.error.js';

/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A BCP 47 tag as far as the module needs: letters, then subtags of letters and digits. */
const LOCALE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * A short description of a value for error messages: strings quoted, objects by kind, never their contents.
 *
 * @example
 * describeValue('x'); // '"x"'
 * describeValue([1]); // 'an array'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/** True for an object that is not an array (a class instance counts: stores, catalogues). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a valid HTTP header name (an RFC 9110 token). */
export function isHeaderName(value: string): boolean {
  return HEADER_NAME.test(value);
}

/**
 * True for a BCP 47-shaped tag (`en`, `zh-CN`, `zh-Hant-TW`).
 *
 * @example
 * isLocaleTag('zh-CN'); // true
 * isLocaleTag('english please'); // false
 */
export function isLocaleTag(value: string): boolean {
  return LOCALE_TAG.test(value);
}

/** Throws the `ResponseOptionsError` `<path> <expectation> (got …)`. */
export function fail(path: string, expectation: string, value: unknown): never {
  throw new ResponseOptionsError(`${path} ${expectation} (got ${describeValue(value)})`);
}

/** The object at `path`, `{}` when absent. */
export function objectAt(path: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) fail(path, 'must be an object', value);
  return value;
}

/** Refuses a key that is not an option, listing the known ones (catches typos where they are written). */
export function onlyKeys(path: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ResponseOptionsError(`${path}.${key} is not an option (known: ${allowed.join(', ')})`);
    }
  }
}

export function oneOf<T extends string | number>(path: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    fail(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  return value as T;
}

export function nonEmptyString(path: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'must be a non-empty string', value);
  return value;
}

/** A header name, lower-cased (both adapters hand headers over in lower case). */
export function headerName(path: string, value: unknown, fallback: string): string {
  const name = nonEmptyString(path, value, fallback);
  if (!isHeaderName(name)) fail(path, 'must be a valid HTTP header name', value);
  return name.toLowerCase();
}

/**
 * One name or a non-empty list of names, each checked by `check` (with its index in the path), without duplicates.
 *
 * @example
 * names('int64.query', ['_string', '_stringify'], '_string', nonEmptyString); // ['_string', '_stringify']
 * names('int64.header', 'X-Stringify', 'x-stringify', headerName); // ['x-stringify']
 */
export function names(
  path: string,
  value: unknown,
  fallback: string,
  check: (path: string, value: unknown, fallback: string) => string,
): readonly string[] {
  if (!Array.isArray(value)) return [check(path, value, fallback)];
  if (value.length === 0) fail(path, 'must be a name or a non-empty array of names', value);
  const checked = value.map((item: unknown, index) => {
    if (item === undefined) fail(`${path}[${index}]`, 'must be a name', item);
    return check(`${path}[${index}]`, item, fallback);
  });
  return [...new Set(checked)];
}

export function bool(path: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(path, 'must be a boolean', value);
  return value;
}

export function positiveInteger(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(path, 'must be a positive integer', value);
  return value;
}

export function businessCode(path: string, value: unknown): BusinessCode {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') return value;
  return fail(path, 'must be a finite number or a non-empty string', value);
}

/** A text or a map of locale → text. */
export function text(path: string, value: unknown, fallback: string | LocalisedText): string | LocalisedText {
  if (value === undefined) return fallback;
  if (typeof value === 'string') return value;
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    fail(path, 'must be a string or a non-empty map of locale → string', value);
  }
  for (const [locale, message] of Object.entries(value)) {
    if (!isLocaleTag(locale)) fail(`${path}.${locale}`, 'must be keyed by a BCP 47 locale tag', locale);
    if (typeof message !== 'string') fail(`${path}.${locale}`, 'must be a string', message);
  }
  return value as LocalisedText;
}
