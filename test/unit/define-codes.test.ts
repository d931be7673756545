import { describe, expect, expectTypeOf, it } from 'vitest';
import { CodeDefinitionError, defineCodes, type CodeDefinition } from '../../src/index.js';
import { definitionProblem } from '../../src/options/definition-problem.js';
import { definitionName, describeDefinition, formatCode } from '../../src/codes/definition-name.js';

const OrderCodes = defineCodes(
  {
    ORDER_CREATED: { code: 10001, status: 201, message: 'order created' },
    OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } },
    PARAM_ERROR: { code: 'PARAM_ERROR', message: 'bad parameter' },
  },
  { name: 'OrderCodes' },
);

describe('defineCodes', () => {
  it('keeps literal types, so codes are typed by value', () => {
    expectTypeOf(OrderCodes.OUT_OF_STOCK.code).toEqualTypeOf<10010>();
    expectTypeOf(OrderCodes.PARAM_ERROR.code).toEqualTypeOf<'PARAM_ERROR'>();
    expectTypeOf(OrderCodes.ORDER_CREATED.key).toEqualTypeOf<'ORDER_CREATED'>();
    expectTypeOf(OrderCodes.OUT_OF_STOCK).toExtend<CodeDefinition>();
    expect(OrderCodes.OUT_OF_STOCK.code).toBe(10010);
  });

  it('gives each definition its key and the catalogue name, and nothing else', () => {
    expect(OrderCodes.OUT_OF_STOCK).toEqual({
      code: 10010,
      status: 409,
      message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' },
      key: 'OUT_OF_STOCK',
      catalogue: 'OrderCodes',
    });
    expect(Object.keys(OrderCodes.PARAM_ERROR)).toEqual(['code', 'message', 'key', 'catalogue']);
    const unnamed = defineCodes({ A: { code: 1, message: 'a' } });
    expect(unnamed.A).toEqual({ code: 1, message: 'a', key: 'A' });
    expect('catalogue' in unnamed.A).toBe(false);
  });

  it('freezes the catalogue, its definitions and their message maps, without freezing the input', () => {
    const input = { X: { code: 7, message: { en: 'seven' } } };
    const codes = defineCodes(input);
    expect(Object.isFrozen(codes)).toBe(true);
    expect(Object.isFrozen(codes.X)).toBe(true);
    expect(Object.isFrozen(codes.X.message)).toBe(true);
    expect(Object.isFrozen(input.X.message)).toBe(false);
    expect(() => {
      (codes.X as { code: number }).code = 8;
    }).toThrow(TypeError);
  });

  it.each([
    [
      { BAD: { code: 1.5, message: 'x' } },
      'defineCodes(T): BAD.code must be an integer or a non-empty string (got 1.5)',
    ],
    [
      { BAD: { code: '  ', message: 'x' } },
      'defineCodes(T): BAD.code must be an integer or a non-empty string (got "  ")',
    ],
    [
      { BAD: { code: null, message: 'x' } },
      'defineCodes(T): BAD.code must be an integer or a non-empty string (got null)',
    ],
    [
      { BAD: { code: 1, status: 1000, message: 'x' } },
      'defineCodes(T): BAD.status must be an integer HTTP status (100–599) (got 1000)',
    ],
    [
      { BAD: { code: 1, status: '404', message: 'x' } },
      'defineCodes(T): BAD.status must be an integer HTTP status (100–599) (got "404")',
    ],
    [{ BAD: { code: 1, message: '' } }, 'defineCodes(T): BAD.message must not be empty (got "")'],
    [
      { BAD: { code: 1, message: {} } },
      'defineCodes(T): BAD.message must be a string or a non-empty map of locale → string (got an object)',
    ],
    [
      { BAD: { code: 1, message: { 'not a tag': 'x' } } },
      'defineCodes(T): BAD.message.not a tag must be keyed by a BCP 47 locale tag (got "not a tag")',
    ],
    [{ BAD: { code: 1, message: { en: 3 } } }, 'defineCodes(T): BAD.message.en must be a non-empty string (got 3)'],
    [
      { BAD: { code: 1, message: 'x', mesage: 'typo' } },
      'defineCodes(T): BAD.mesage is not a member of a code definition (code, status, message) (got "mesage")',
    ],
    [{ BAD: 'nope' }, 'defineCodes(T): BAD must be an object { code, status?, message } (got "nope")'],
    [
      { BAD: { code: 1, message: 'x', key: 'OTHER' } },
      'defineCodes(T): BAD must not set key or catalogue; defineCodes sets them',
    ],
    [{ ' ': { code: 1, message: 'x' } }, 'defineCodes(T): a key must not be empty'],
  ])('refuses %j, naming the key', (entries, message) => {
    expect(() => defineCodes(entries as never, { name: 'T' })).toThrow(new CodeDefinitionError(message));
  });

  it('refuses a bad name or entries that are not an object', () => {
    expect(() => defineCodes({}, { name: '' })).toThrow(
      'defineCodes: options.name must be a non-empty string (got "")',
    );
    expect(() => defineCodes([] as never)).toThrow(
      'defineCodes: entries must be an object of NAME → { code, status?, message }',
    );
    expect(() => defineCodes({}, 'x' as never)).toThrow('defineCodes: options must be an object');
    expect(() => defineCodes({ A: { code: 1, message: 'a' } })).not.toThrow();
  });
});

describe('definitionProblem', () => {
  it('accepts what defineCodes returns, so a definition can be checked again', () => {
    expect(definitionProblem(OrderCodes.OUT_OF_STOCK)).toBeUndefined();
    expect(definitionProblem({ code: -1, message: 'legacy negative code' })).toBeUndefined();
    expect(definitionProblem({ code: 1, status: 599, message: { 'zh-Hant-TW': '好' } })).toBeUndefined();
    expect(definitionProblem({ code: 1, message: 'x', key: 3 })).toEqual({
      member: 'key',
      expectation: 'must be a non-empty string',
      got: '3',
    });
    expect(definitionProblem({ code: 1, message: 'x', catalogue: '' })?.member).toBe('catalogue');
  });
});

describe('definition names', () => {
  it('names by catalogue and key, by key, or by code', () => {
    expect(definitionName(OrderCodes.OUT_OF_STOCK)).toBe('OrderCodes.OUT_OF_STOCK');
    expect(definitionName({ code: 1, message: 'x' }, 'ONE')).toBe('ONE');
    expect(definitionName({ code: 1, message: 'x' })).toBeUndefined();
    expect(describeDefinition({ code: 'E', message: 'x' })).toBe('code "E"');
    expect(describeDefinition(OrderCodes.PARAM_ERROR)).toBe('OrderCodes.PARAM_ERROR');
    expect(formatCode(404)).toBe('404');
  });
});
