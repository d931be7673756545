import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BigIntMode, serializeWithBigInt } from '../../src/http/json-serializer.js';

/**
 * The oracle: `JSON.stringify` with a replacer (the bigint path before it copied values), for the number mode with a
 * placeholder of the test's own that no generated string contains.
 */
const ORACLE_MARK = 'ORACLE-BIGINT:';
function oracle(value: unknown, mode: BigIntMode): string {
  if (mode === 'string') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  const marked = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? ORACLE_MARK + v.toString() : v));
  return marked.replace(new RegExp(`"${ORACLE_MARK}(-?\\d+)"`, 'g'), '$1');
}

/** A value described as data, so that one description builds twice: once for the oracle, once for the serialiser. */
type Shape =
  | { kind: 'leaf'; value: unknown }
  | { kind: 'function' | 'symbol' | 'date' | 'boxed'; value?: unknown }
  | { kind: 'array'; items: (Shape | 'hole')[] }
  | { kind: 'object'; entries: [string, Shape][]; proto: 'plain' | 'class' | 'enumerable' }
  | { kind: 'toJSON'; inner: Shape }
  | { kind: 'selfToJSON'; entries: [string, Shape][] }
  | { kind: 'map'; entries: [string, Shape][] };

const key = fc.oneof(
  fc.string({ maxLength: 6 }).filter((s) => !s.includes(ORACLE_MARK)),
  fc.constantFrom('__proto__', 'toJSON', '0', '10', 'constructor'),
);
const shape: fc.Arbitrary<Shape> = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('leaf' as const),
      value: fc.oneof(
        fc.bigInt(),
        fc.string().filter((s) => !s.includes(ORACLE_MARK)),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
      ),
    }),
    fc.record({ kind: fc.constantFrom('function' as const, 'symbol' as const) }),
    fc.record({ kind: fc.constant('date' as const), value: fc.date({ noInvalidDate: false }) }),
    fc.record({ kind: fc.constant('boxed' as const), value: fc.oneof(fc.integer(), fc.string(), fc.boolean()) }),
    fc.record({
      kind: fc.constant('array' as const),
      items: fc.array(fc.oneof(tie('shape'), fc.constant('hole' as const)), { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('object' as const),
      entries: fc.array(fc.tuple(key, tie('shape')), { maxLength: 4 }),
      proto: fc.constantFrom('plain' as const, 'class' as const, 'enumerable' as const),
    }),
    fc.record({ kind: fc.constant('toJSON' as const), inner: tie('shape') }),
    fc.record({
      kind: fc.constant('selfToJSON' as const),
      entries: fc.array(fc.tuple(key, tie('shape')), { maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('shape')), { maxLength: 2 }) }),
  ),
})).shape;

class Dto {
  declare readonly kind: string;
}
class Stamped {
  toJSON(key: string): unknown {
    return { stamped: key, id: 5n };
  }
}

/** Builds the value; every `toJSON` it holds writes the key it was called with into `calls`. */
function build(shape: Shape, calls: string[]): unknown {
  const fill = (target: object, entries: [string, Shape][]) => {
    // defineProperty: an own `__proto__` key, as JSON.parse makes one.
    for (const [k, v] of entries)
      Object.defineProperty(target, k, {
        value: build(v, calls),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return target;
  };
  switch (shape.kind) {
    case 'leaf':
      return shape.value;
    case 'function':
      return () => 1;
    case 'symbol':
      return Symbol('s');
    case 'date':
      return shape.value;
    case 'boxed':
      return Object(shape.value) as object;
    case 'array': {
      const items: unknown[] = [];
      shape.items.forEach((item, index) => {
        if (item !== 'hole') items[index] = build(item, calls);
      });
      items.length = shape.items.length;
      return items;
    }
    case 'object': {
      const proto = { plain: Object.prototype, class: Dto.prototype, enumerable: { inherited: 7n } }[shape.proto];
      return fill(Object.create(proto) as object, shape.entries);
    }
    case 'toJSON': {
      const inner = build(shape.inner, calls);
      return {
        toJSON(k: string) {
          calls.push(k);
          return inner;
        },
      };
    }
    case 'selfToJSON':
      return fill(
        {
          toJSON(this: unknown, k: string) {
            calls.push(k);
            return this;
          },
        },
        shape.entries,
      );
    case 'map':
      return new Map(shape.entries.map(([k, v]) => [k, build(v, calls)]));
  }
}

/** The text written, or the error thrown (a value that is only a function or `undefined` writes no text). */
function outcome(serialize: () => string): { text: string } | { error: string } {
  try {
    return { text: serialize() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('serializeWithBigInt against JSON.stringify with a replacer', () => {
  it.each(['string', 'number'] as const)(
    'writes the same and calls the same toJSONs with the same keys (%s)',
    (mode) => {
      fc.assert(
        fc.property(shape, (described) => {
          const oracleCalls: string[] = [];
          const calls: string[] = [];
          const expected = outcome(() => oracle(build(described, oracleCalls), mode));
          expect(outcome(() => serializeWithBigInt(build(described, calls), mode))).toEqual(expected);
          expect(calls).toEqual(oracleCalls);
        }),
        { numRuns: 1500 },
      );
    },
  );

  it('writes class instances, inherited toJSON, Dates, Maps, boxed primitives and Buffers as JSON.stringify does', () => {
    const value = {
      stamped: new Stamped(),
      at: new Date(0),
      invalid: new Date(Number.NaN),
      map: new Map([['a', 1n]]),
      boxed: [Object(1), Object('s'), Object(false)],
      bytes: Buffer.from('hi'),
      nested: [[1n, undefined, () => 1, Symbol('x')], { skip: undefined, fn: () => 1 }],
    };
    for (const mode of ['string', 'number'] as const)
      expect(serializeWithBigInt(value, mode)).toBe(oracle(value, mode));
  });

  it('writes no inherited key, even from a polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.polluted = 1n;
    try {
      const value = { a: { b: 2n } };
      for (const mode of ['string', 'number'] as const)
        expect(serializeWithBigInt(value, mode)).toBe(oracle(value, mode));
    } finally {
      delete prototype.polluted;
    }
  });

  it('fails where JSON.stringify with a replacer fails, with the same error', () => {
    const circular: Record<string, unknown> = { id: 1n };
    circular.self = { back: circular };
    const boxedBigInt = { id: Object(1n) as object };
    const throwing = {
      toJSON() {
        throw new Error('no JSON for you');
      },
    };
    for (const value of [circular, boxedBigInt, throwing])
      for (const mode of ['string', 'number'] as const) {
        const failure = outcome(() => oracle(value, mode));
        expect(failure).toHaveProperty('error');
        expect(outcome(() => serializeWithBigInt(value, mode))).toEqual(failure);
      }
  });

  it('serialises values nested past its own copy depth as the replacer does, and deep values fail as they did', () => {
    const nest = (depth: number, wrap: (inner: unknown) => unknown) => {
      let value: unknown = 9007199254740993n;
      for (let level = 0; level < depth; level++) value = wrap(value);
      return value;
    };
    for (const wrap of [(inner: unknown) => [inner], (inner: unknown) => ({ a: inner })]) {
      const deep = nest(1500, wrap);
      for (const mode of ['string', 'number'] as const)
        expect(serializeWithBigInt(deep, mode)).toBe(oracle(deep, mode));
      const tooDeep = nest(100_000, wrap);
      expect(() => oracle(tooDeep, 'string')).toThrow(RangeError);
      expect(() => serializeWithBigInt(tooDeep, 'string')).toThrow(RangeError);
    }
  });
});
