import { randomUUID } from 'node:crypto';
import { types } from 'node:util';

/** How `bigint` values are written: JSON numbers (exact digits) or strings (for JavaScript clients). */
export type BigIntMode = 'number' | 'string';

// Random per process, so no string a client sends can be mistaken for a bigint placeholder.
const MARKER = `__nest_envelope_bigint_${randomUUID().replaceAll('-', '')}__`;
const MARKED = new RegExp(`"${MARKER}(-?\\d+)"`, 'g');

/**
 * Deeper than this (or round a cycle) the copy stops and `JSON.stringify` with a replacer takes over, with its own
 * errors (`circular structure`, the stack's limit): recursion stays bounded, and no value that serialised before
 * fails now. `JSON.stringify` with a replacer reaches about 2 200 nested arrays, 4 000 objects (Node 20).
 */
const MAX_COPY_DEPTH = 1000;
// Made once: thrown from the depth limit and caught at the top, it never reaches a caller.
const TOO_DEEP = new Error('nested deeper than the bigint copy goes');

function markBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? MARKER + value.toString() : value;
}

function bigIntAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function isBigIntError(error: unknown): boolean {
  return error instanceof TypeError && /bigint/i.test(error.message);
}

/** What `JSON.stringify` asks for a `toJSON`, and the copy has to look into: objects, functions, bigints. */
function isWalked(value: unknown): value is object | bigint {
  return (typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'bigint';
}

/**
 * What `JSON.stringify` with the bigint replacer sees at one place, made ready for `JSON.stringify` without one (V8
 * calls a replacer from C++ for every value, dearer than this copy): `toJSON` called once with its key, bigints as
 * digits (marked in the number mode), objects and arrays copied. Functions become `undefined`, which
 * `JSON.stringify` drops or writes as `null` as it does functions, so no copied `toJSON` runs a second time; boxed
 * primitives stay for it to unwrap. (A `toJSON` on `Object.prototype` or `Array.prototype` would run twice.)
 */
function jsonReady(value: object | bigint, key: string | number, mode: BigIntMode, depth: number): unknown {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  const ready: unknown = typeof toJSON === 'function' ? toJSON.call(value, String(key)) : value;
  if (!isWalked(ready)) return ready;
  if (typeof ready === 'bigint') return mode === 'string' ? ready.toString() : MARKER + ready.toString();
  if (typeof ready === 'function') return undefined;
  if (types.isBoxedPrimitive(ready)) return ready;
  if (depth === MAX_COPY_DEPTH) throw TOO_DEEP;
  return Array.isArray(ready) ? arrayReady(ready, mode, depth + 1) : objectReady(ready, mode, depth + 1);
}

function arrayReady(items: readonly unknown[], mode: BigIntMode, depth: number): unknown[] {
  const copy: unknown[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    copy.push(isWalked(item) ? jsonReady(item, index, mode, depth) : item);
  }
  return copy;
}

/** A shallow copy (each own enumerable property read once), in which only the entries that change are written. */
function objectReady(value: object, mode: BigIntMode, depth: number): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  for (const name in copy) {
    // for…in also lists enumerable keys of Object.prototype (a polluted one), which JSON.stringify does not write.
    if (!Object.prototype.hasOwnProperty.call(copy, name)) continue;
    const item = copy[name];
    if (!isWalked(item)) continue;
    const ready = jsonReady(item, name, mode, depth);
    // An own `__proto__` key (JSON.parse makes them) is a data property of the copy too: this sets it, not the prototype.
    if (ready !== item) copy[name] = ready;
  }
  return copy;
}

function jsonReadyOrTooDeep(value: unknown, mode: BigIntMode): unknown {
  if (!isWalked(value)) return value;
  try {
    return jsonReady(value, '', mode, 0);
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    return TOO_DEEP;
  }
}

function serializeWithReplacer(value: unknown, mode: BigIntMode): string {
  if (mode === 'string') return JSON.stringify(value, bigIntAsString);
  return JSON.stringify(value, markBigInt).replace(MARKED, '$1');
}

/**
 * `JSON.stringify` that also writes `bigint`s: as numbers by default, as strings when `mode()` says so.
 * The plain path costs nothing extra; the bigint path runs only for values that hold a bigint.
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
 * exception). Also right for values without bigints. Writes what `JSON.stringify` with a replacer turning bigints
 * into digits writes, from a copy with the bigints already turned (`JSON.stringify` then needs no replacer).
 *
 * @example
 * serializeWithBigInt({ id: 1n }, 'string'); // '{"id":"1"}'
 */
export function serializeWithBigInt(value: unknown, mode: BigIntMode): string {
  const ready = jsonReadyOrTooDeep(value, mode);
  // A deep or circular value: JSON.stringify's own walk and errors (the `toJSON`s met so far run a second time).
  if (ready === TOO_DEEP) return serializeWithReplacer(value, mode);
  const json = JSON.stringify(ready);
  return mode === 'string' ? json : json.replace(MARKED, '$1');
}
