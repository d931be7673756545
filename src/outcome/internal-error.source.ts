import { localise } from '../codes/locale.js';
import type { LocalisedText } from '../codes/code-definition.interface.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { GENERIC_FAILURE_MESSAGE, INTERNAL_SERVER_ERROR, reasonPhrase } from './http-status.js';
import type { FailureOutcome } from './outcome.interface.js';

/** The generic 500 text; zh-CN is the Chinese service-layer error text. */
const GENERIC_FAILURE: LocalisedText = { en: GENERIC_FAILURE_MESSAGE, 'zh-CN': '服务层错误' };

/**
 * True for a non-null object (or array): a value whose members may be read.
 *
 * @example
 * isObject(null); // false
 */
export function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The name and stack of what was thrown, for the log (and the body only with `debug`).
 *
 * @example
 * exceptionInfo(new TypeError('x')).name; // 'TypeError'
 */
export function exceptionInfo(exception: unknown): FailureOutcome['exception'] {
  // Each member on its own guard: a getter that throws (or a proxy) costs that member, never the others.
  const name = readText(exception, 'name') ?? constructorName(exception);
  return { name, stack: readText(exception, 'stack') };
}

function readText(value: unknown, key: 'name' | 'stack'): string | undefined {
  if (!isObject(value)) return undefined;
  try {
    const member = value[key];
    return typeof member === 'string' && member !== '' ? member : undefined;
  } catch {
    return undefined;
  }
}

function constructorName(value: unknown): string {
  if (!isObject(value)) return typeof value;
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    const ctor = isObject(prototype) ? prototype.constructor : undefined;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
  } catch {
    return 'Object';
  }
}

/**
 * The failure code of a status: `statusCodes`' entry, else the status itself.
 *
 * @example
 * codeForStatus(400, resolveResponseOptions({ statusCodes: { 400: 'PARAM_ERROR' } })); // 'PARAM_ERROR'
 */
export function codeForStatus(status: number, options: ResolvedResponseOptions): FailureOutcome['code'] {
  return options.statusCodes.get(status) ?? status;
}

/**
 * The generic 500 for anything that is not an HTTP failure: its text never comes from the thrown value.
 *
 * @example
 * internalFailure(new TypeError('x is undefined'), options, 'en').message; // 'Internal server error'
 */
export function internalFailure(exception: unknown, options: ResolvedResponseOptions, locale: string): FailureOutcome {
  return {
    kind: 'failure',
    httpStatus: INTERNAL_SERVER_ERROR,
    code: codeForStatus(INTERNAL_SERVER_ERROR, options),
    message: localise(GENERIC_FAILURE, locale),
    error: reasonPhrase(INTERNAL_SERVER_ERROR),
    exception: exceptionInfo(exception),
  };
}
