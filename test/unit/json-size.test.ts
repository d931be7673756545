import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSize, jsonSizeBound } from '../../src/render/json-size.js';

/** The oracle: what the serialiser writes, bigints as strings of their digits, 0 for what it cannot write. */
function writtenLength(value: unknown): number {
  try {
    const json = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)) as
      string | undefined;
    return json?.length ?? 0;
  } catch {
    return 0;
  }
}

const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

it('jsonSize is the written length, and jsonSizeBound never below it, for any value (fast-check)', () => {
  fc.assert(
    fc.property(anyValue, (value) => {
      const written = writtenLength(value);
      expect(jsonSize(value)).toBe(written);
      expect(jsonSizeBound(value)).toBeGreaterThanOrEqual(written);
    }),
    { numRuns: 400 },
  );
});

describe('jsonSize: the length JSON.stringify writes', () => {
  it('bigints as strings of digits, a cycle as 0', () => {
    expect(jsonSize({ id: 9007199254740993n, args: [1n, { max: -2n }] })).toBe(
      '{"id":"9007199254740993","args":["1",{"max":"-2"}]}'.length,
    );
    const circular: Record<string, unknown> = { field: '/a' };
    circular.self = circular;
    expect(jsonSize(circular)).toBe(0);
    expect(jsonSize(undefined)).toBe(0);
  });
});

describe('jsonSizeBound: never below the written length', () => {
  it('for texts that are all escapes, numbers at their longest, skipped members', () => {
    for (const value of [
      { field: '"\\\u0000\u001f\ud800', issue: '\udfff'.repeat(50) },
      [-1.2345678901234567e308, Number.MIN_VALUE, -0, Number.NaN, 2 ** 53],
      { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1] },
      { [String.fromCharCode(1).repeat(20)]: false },
    ]) {
      expect(jsonSizeBound(value)).toBeGreaterThanOrEqual(writtenLength(value));
    }
  });

  it('gives up where only the serialiser can tell: toJSON, class instances, deep values, throwing getters', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 40; level++) deep = { level: deep };
    const throwing = Object.defineProperty({}, 'secret', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    for (const value of [{ when: new Date(0) }, { pattern: /x/ }, deep, throwing]) {
      expect(jsonSizeBound(value)).toBe(Infinity);
    }
  });
});
