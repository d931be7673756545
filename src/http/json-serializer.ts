import { randomUUID } from 'node:crypto';

/** How `bigint` values are written: JSON numbers (exact digits) or strings (for JavaScript clients). */
export type BigIntMode = 'number' | 'string';

// Random per process, so no string a client sends can be mistaken for a bigint placeholder.
const MARKER = `__nest_envelope_bigint_${randomUUID().replaceAll('-', '')}__`;
const MARKED = new RegExp(`"${MARKER}(-?\\d+)"`, 'g');

function markBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? MARKER + value.toString() : value;
}

function bigIntAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function isBigIntError(error: unknown): boolean {
  return error instanceof TypeError && /bigint/i.test(error.message);
}

/**
 * `JSON.stringify` that also writes `bigint`s: as numbers by default, as strings when `mode()` says so.
 * The plain path costs nothing extra; the replacer runs only for values that hold a bigint.
 * Other errors (a circular structure, a throwing `toJSON`) propagate.
 *
 * @example
 * serializeJson({ id: 9007199254740993n }, () => 'number'); // '{"id":9007199254740993}'
 * serializeJson({ id: 9007199254740993n }, () => 'string'); // '{"id":"9007199254740993"}'
 */
export function serializeJson(value: unknown, mode: () => BigIntMode): string {
  return serializeWithoutBigInt(value) ?? serializeWithBigInt(value, mode());
}

/**
 * Plain `JSON.stringify`, or `undefined` when the value holds a bigint (then `serializeWithBigInt` is the way).
 * Other errors (a circular structure, a throwing `toJSON`) propagate.
 *
 * @example
 * serializeWithoutBigInt({ id: 7 }); // '{"id":7}'
 * serializeWithoutBigInt({ id: 7n }); // undefined
 */
export function serializeWithoutBigInt(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!isBigIntError(error)) throw error;
    return undefined;
  }
}

/**
 * The bigint path alone: for a route known to return bigints, skips the plain attempt (and the cost of its
 * exception). Also right for values without bigints.
 *
 * @example
 * serializeWithBigInt({ id: 1n }, 'string'); // '{"id":"1"}'
 */
export function serializeWithBigInt(value: unknown, mode: BigIntMode): string {
  if (mode === 'string') return JSON.stringify(value, bigIntAsString);
  return JSON.stringify(value, markBigInt).replace(MARKED, '$1');
}
