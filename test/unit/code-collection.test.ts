import { describe, expect, it } from 'vitest';
import { defineCodes, HttpStatusCodes } from '../../src/index.js';
import { collectCodes, conflictsMessage, type CodeSighting } from '../../src/codes/code-collection.js';
import { isBuiltInHttpCode } from '../../src/codes/http-status.codes.js';

const OrderCodes = defineCodes(
  {
    ORDER_CREATED: { code: 10002, status: 201, message: 'order created' },
    OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock', 'zh-CN': '库存不足' } },
    NOT_FOUND: { code: 404, status: 404, message: { en: 'order not found', 'zh-CN': '订单不存在' } },
  },
  { name: 'OrderCodes' },
);
const PaymentCodes = defineCodes(
  { CARD_DECLINED: { code: 10010, status: 402, message: 'card declined' } },
  { name: 'PaymentCodes' },
);
const Always200Codes = defineCodes(
  { WRONG_METHOD: { code: 201, message: '请求方法错误' } },
  { name: 'Always200Codes' },
);
const Unnamed = defineCodes({ OUT_OF_STOCK: { code: 10010, message: 'gone' } });

const inCatalogue = (catalogue: object, index: number): CodeSighting[] =>
  Object.entries(catalogue).map(([key, definition]) => ({ definition, key, origin: `codes[${index}]` }));
const collect = (...sightings: CodeSighting[]) => collectCodes(sightings, isBuiltInHttpCode);

describe('collectCodes: duplicates', () => {
  it('reports two different definitions of a code, naming both by catalogue and key', () => {
    const { conflicts } = collect(...inCatalogue(OrderCodes, 0), ...inCatalogue(PaymentCodes, 1));
    expect(conflicts).toEqual([
      { code: 10010, definitions: ['OrderCodes.OUT_OF_STOCK', 'PaymentCodes.CARD_DECLINED'] },
    ]);
    expect(conflictsMessage(conflicts)).toBe(
      'CodeRegistry: a code must have one definition, but\n' +
        '  - code 10010 is defined by OrderCodes.OUT_OF_STOCK and PaymentCodes.CARD_DECLINED',
    );
  });

  it('names every definition of a code, by key alone without a catalogue name, or by where an unnamed one was seen', () => {
    const { conflicts } = collect(
      ...inCatalogue(OrderCodes, 0),
      ...inCatalogue(Unnamed, 1),
      { definition: { code: 10010, message: 'inline' }, origin: '@ApiThrows on ShopController.buy' },
      { definition: { code: 'E1', message: 'a' }, origin: 'codes[2]', key: 'A' },
      { definition: { code: 'E1', message: 'b' }, origin: 'codes[2]', key: 'B' },
    );
    expect(conflictsMessage(conflicts)).toBe(
      'CodeRegistry: a code must have one definition, but\n' +
        '  - code 10010 is defined by OrderCodes.OUT_OF_STOCK, OUT_OF_STOCK and an unnamed definition (@ApiThrows on ShopController.buy)\n' +
        '  - code "E1" is defined by A and B',
    );
  });

  it('accepts the same definition seen many times, and an equal copy of it', () => {
    const { codes, conflicts } = collect(
      ...inCatalogue(OrderCodes, 0),
      ...inCatalogue(OrderCodes, 1),
      {
        definition: OrderCodes.OUT_OF_STOCK,
        origin: '@ApiThrows on A.b',
        endpoints: ['POST /orders'],
        role: 'failure',
      },
      { definition: { ...OrderCodes.OUT_OF_STOCK }, origin: 'a second copy of the module' },
    );
    expect(conflicts).toEqual([]);
    expect(codes.map((entry) => entry.code)).toEqual([404, 10002, 10010]);
  });

  it('keeps the number 404 and the string "404" apart, as the wire does', () => {
    const { codes, conflicts } = collect(
      { definition: { code: 404, message: 'a' }, origin: 'x', key: 'A' },
      { definition: { code: '404', message: 'b' }, origin: 'x', key: 'B' },
    );
    expect(conflicts).toEqual([]);
    expect(codes.map((entry) => entry.code)).toEqual([404, '404']);
  });
});

describe('collectCodes: the built-in HTTP catalogue', () => {
  it('is exempt: a team 404 or an always-200 API’s 201 is legal and wins', () => {
    const { codes, conflicts } = collect(
      ...inCatalogue(HttpStatusCodes, 0),
      ...inCatalogue(OrderCodes, 1),
      ...inCatalogue(Always200Codes, 2),
    );
    expect(conflicts).toEqual([]);
    const notFound = codes.find((entry) => entry.code === 404);
    expect(notFound).toMatchObject({
      name: 'OrderCodes.NOT_FOUND',
      builtIn: false,
      message: { en: 'order not found', 'zh-CN': '订单不存在' },
    });
    expect(codes.find((entry) => entry.code === 201)).toMatchObject({
      name: 'Always200Codes.WRONG_METHOD',
      builtIn: false,
    });
    expect(codes.find((entry) => entry.code === 200)).toMatchObject({ name: 'HttpStatusCodes.OK', builtIn: true });
    expect(codes.filter((entry) => entry.code === 404)).toHaveLength(1);
  });

  it('still reports two team definitions of a code the built-in catalogue also has', () => {
    const Other = defineCodes({ GONE: { code: 404, message: 'gone' } }, { name: 'Other' });
    const { conflicts } = collect(
      ...inCatalogue(HttpStatusCodes, 0),
      ...inCatalogue(OrderCodes, 1),
      ...inCatalogue(Other, 2),
    );
    expect(conflicts).toEqual([{ code: 404, definitions: ['OrderCodes.NOT_FOUND', 'Other.GONE'] }]);
  });
});

describe('collectCodes: entries', () => {
  it('merges endpoints (sorted, without repeats) and tells successes from failures', () => {
    const { codes } = collect(
      ...inCatalogue(OrderCodes, 0),
      {
        definition: OrderCodes.OUT_OF_STOCK,
        origin: '@ApiThrows on O.create',
        endpoints: ['PUT /orders/:id', 'POST /orders'],
        role: 'failure',
      },
      {
        definition: OrderCodes.OUT_OF_STOCK,
        origin: '@ApiThrows on O.update',
        endpoints: ['PUT /orders/:id'],
        role: 'failure',
      },
      {
        definition: { code: 'LISTED', message: 'ok', status: 409 },
        origin: '@ApiCode on O.list',
        endpoints: ['GET /orders'],
        role: 'success',
      },
      { definition: { code: 'UNUSED_FAILURE', message: 'x' }, origin: 'codes[1]', key: 'UNUSED_FAILURE' },
    );
    expect(codes.map(({ code, kind, endpoints, name, status }) => ({ code, kind, endpoints, name, status }))).toEqual([
      { code: 404, kind: 'failure', endpoints: [], name: 'OrderCodes.NOT_FOUND', status: 404 },
      { code: 10002, kind: 'success', endpoints: [], name: 'OrderCodes.ORDER_CREATED', status: 201 },
      {
        code: 10010,
        kind: 'failure',
        endpoints: ['POST /orders', 'PUT /orders/:id'],
        name: 'OrderCodes.OUT_OF_STOCK',
        status: 409,
      },
      { code: 'LISTED', kind: 'success', endpoints: ['GET /orders'], name: undefined, status: 409 },
      { code: 'UNUSED_FAILURE', kind: 'failure', endpoints: [], name: 'UNUSED_FAILURE', status: undefined },
    ]);
  });
});
