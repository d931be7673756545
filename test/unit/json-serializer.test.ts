import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeJson, serializeWithoutBigInt } from '../../src/http/json-serializer.js';

describe('serializeJson', () => {
  it('writes bigints as exact JSON numbers, at any depth and sign', () => {
    const value = { a: 9007199254740993n, b: [{ c: -12n }, 0n], d: 'x' };
    expect(serializeJson(value, () => 'number')).toBe('{"a":9007199254740993,"b":[{"c":-12},0],"d":"x"}');
  });

  it('writes bigints as strings when asked', () => {
    expect(serializeJson({ a: 9007199254740993n, b: [1n] }, () => 'string')).toBe('{"a":"9007199254740993","b":["1"]}');
  });

  it('asks for the mode only when a bigint is there', () => {
    let asked = 0;
    serializeJson({ a: 1 }, () => {
      asked++;
      return 'string';
    });
    expect(asked).toBe(0);
  });

  it('cannot be fooled by strings that look like its placeholders', () => {
    const sneaky = { s: '__nest_envelope_bigint_0000__123', n: 1n };
    expect(JSON.parse(serializeJson(sneaky, () => 'number'))).toEqual({ s: sneaky.s, n: 1 });
  });

  it('propagates other serialisation errors (circular structures)', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => serializeJson(circular, () => 'number')).toThrow(/circular/i);
  });

  it('equals JSON.stringify for any JSON value, and for values with bigints once they are replaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(serializeJson(value, () => 'number')).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
    const withBigInts = fc.letrec((tie) => ({
      node: fc.oneof(
        fc.bigInt(),
        fc.string(),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(withBigInts, (value) => {
        const asString = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
        expect(serializeJson(value, () => 'string')).toBe(asString);
        const asNumber = serializeJson(value, () => 'number');
        expect(() => JSON.parse(asNumber) as unknown).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('serializeWithoutBigInt', () => {
  it('is JSON.stringify for values without bigints, undefined for values with one', () => {
    expect(serializeWithoutBigInt({ a: [1, 'x', null] })).toBe('{"a":[1,"x",null]}');
    expect(serializeWithoutBigInt({ a: [{ b: 1n }] })).toBeUndefined();
  });

  it('lets other serialisation errors through', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => serializeWithoutBigInt(circular)).toThrow(/circular/i);
    expect(() =>
      serializeWithoutBigInt({
        toJSON() {
          throw new Error('no JSON for you');
        },
      }),
    ).toThrow('no JSON for you');
  });
});
