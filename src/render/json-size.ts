/** The longest JSON number: `-1.2345678901234567e+308`. */
const NUMBER_BOUND = 24;
/** Deeper than any rendered violation: past it the bound gives up (and the serialiser reports a cycle). */
const MAX_DEPTH = 16;

function bigIntDigits(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * The length of `JSON.stringify(value)`, bigints written as strings of their digits (the longer of the two ways a
 * body may write them); 0 for what the serialiser cannot write (a cycle).
 *
 * @example
 * jsonSize({ field: '/sku', issue: 'sku should not be empty' }); // 45
 * jsonSize({ id: 9007199254740993n }); // 25
 */
export function jsonSize(value: unknown): number {
  try {
    // Plain first: a replacer takes V8 off its fast serialiser, and bigints are rare.
    return (JSON.stringify(value) as string | undefined)?.length ?? 0;
  } catch {
    try {
      return (JSON.stringify(value, bigIntDigits) as string | undefined)?.length ?? 0;
    } catch {
      return 0; // a circular constraint argument of the app's own: the serialiser drops it
    }
  }
}

function containerBound(value: object, depth: number): number {
  if (depth >= MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return Infinity;
  let bound = 2;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) bound += valueBound(item, depth + 1) + 1;
    return bound;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return Infinity; // boxed values, class instances
  for (const key of Object.keys(value)) {
    bound += 6 * key.length + 4 + valueBound((value as Record<string, unknown>)[key], depth + 1);
  }
  return bound;
}

function valueBound(value: unknown, depth: number): number {
  switch (typeof value) {
    case 'string':
      return 6 * value.length + 2; // every character as a `\uXXXX` escape at worst
    case 'number':
      return NUMBER_BOUND;
    case 'bigint':
      return value.toString().length + 2;
    case 'object':
      return value === null ? 4 : containerBound(value, depth);
    default:
      return 5; // `false`, or `null` in place of undefined, a function, a symbol
  }
}

/**
 * A bound that `jsonSize(value)` never exceeds, from the lengths alone: no text is written or scanned. Writing it
 * (or scanning it for escapes) was most of what rendering a violation cost, and far from a size limit the bound
 * decides as well. `Infinity` for what only the serialiser can tell (`toJSON`, class instances, deep values).
 *
 * @example
 * jsonSizeBound({ issue: 'too short' }); // 92: 2 braces, 6 × 5 + 4 for the key, 6 × 9 + 2 for the text
 */
export function jsonSizeBound(value: unknown): number {
  try {
    return valueBound(value, 0);
  } catch {
    return Infinity; // a throwing getter of the app's own
  }
}
