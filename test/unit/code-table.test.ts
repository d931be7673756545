import { describe, expect, it } from 'vitest';
import { defineCodes } from '../../src/index.js';
import { collectCodes, type CodeSighting } from '../../src/codes/code-collection.js';
import { isBuiltInHttpCode } from '../../src/codes/http-status.codes.js';
import {
  codeTableEntries,
  displayWidth,
  renderCodeTableJson,
  renderCodeTableMarkdown,
} from '../../src/codes/code-table.renderer.js';

const ShopCodes = defineCodes(
  {
    ITEM_CREATED: { code: 31002, status: 201, message: { en: 'item created', 'zh-CN': '商品已创建' } },
    SOLD_OUT: { code: 31010, status: 409, message: { en: 'sold out: {sku}', 'zh-CN': '已售罄：{sku}' } },
    PIPE: { code: 'A|B', message: 'either | or' },
    FR_ONLY: { code: 31011, message: { fr: 'épuisé' } },
  },
  { name: 'ShopCodes' },
);

const { codes } = collectCodes(
  [
    ...Object.entries(ShopCodes).map(([key, definition]): CodeSighting => ({ definition, key, origin: 'codes[0]' })),
    { definition: ShopCodes.ITEM_CREATED, origin: '@ApiCode', endpoints: ['POST /items'], role: 'success' },
    {
      definition: ShopCodes.SOLD_OUT,
      origin: '@ApiThrows',
      endpoints: ['POST /items', 'PUT /items/:id'],
      role: 'failure',
    },
    { definition: { code: 31000, message: 'items' }, origin: '@ApiCode', endpoints: ['GET /items'], role: 'success' },
  ],
  isBuiltInHttpCode,
);

describe('renderCodeTableMarkdown', () => {
  it('renders code, name, status, a message per locale and the endpoints, padded for a terminal', () => {
    expect(renderCodeTableMarkdown(codes, ['en', 'zh-CN'])).toBe(
      [
        '| code    | name                     | HTTP status | message (en)    | message (zh-CN) | endpoints                         |',
        '| ------- | ------------------------ | ----------- | --------------- | --------------- | --------------------------------- |',
        '| `31000` |                          |             | items           | items           | `GET /items`                      |',
        '| `31002` | `ShopCodes.ITEM_CREATED` | 201         | item created    | 商品已创建      | `POST /items`                     |',
        '| `31010` | `ShopCodes.SOLD_OUT`     | 409         | sold out: {sku} | 已售罄：{sku}   | `POST /items`<br>`PUT /items/:id` |',
        '| `31011` | `ShopCodes.FR_ONLY`      | 400         | épuisé          | épuisé          |                                   |',
        '| `A\\|B`  | `ShopCodes.PIPE`         | 400         | either \\| or    | either \\| or    |                                   |',
        '',
      ].join('\n'),
    );
  });

  it('has one message column for one locale', () => {
    const table = renderCodeTableMarkdown(codes.slice(0, 1), ['en']);
    expect(table).toBe(
      [
        '| code    | name | HTTP status | message (en) | endpoints    |',
        '| ------- | ---- | ----------- | ------------ | ------------ |',
        '| `31000` |      |             | items        | `GET /items` |',
        '',
      ].join('\n'),
    );
  });
});

describe('renderCodeTableJson', () => {
  it('renders the same rows as JSON, statuses as the client gets them', () => {
    expect(JSON.parse(renderCodeTableJson(codes.slice(1, 3), ['en', 'zh-CN']))).toEqual([
      {
        code: 31002,
        name: 'ShopCodes.ITEM_CREATED',
        status: 201,
        message: { en: 'item created', 'zh-CN': '商品已创建' },
        endpoints: ['POST /items'],
      },
      {
        code: 31010,
        name: 'ShopCodes.SOLD_OUT',
        status: 409,
        message: { en: 'sold out: {sku}', 'zh-CN': '已售罄：{sku}' },
        endpoints: ['POST /items', 'PUT /items/:id'],
      },
    ]);
    expect(renderCodeTableJson(codes.slice(0, 1), ['en'])).toBe(
      '[\n  {\n    "code": 31000,\n    "name": null,\n    "status": null,\n    "message": {\n      "en": "items"\n    },\n    "endpoints": [\n      "GET /items"\n    ]\n  }\n]\n',
    );
    expect(codeTableEntries([], ['en'])).toEqual([]);
  });
});

describe('displayWidth', () => {
  it('counts East Asian wide and fullwidth characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('库存不足')).toBe(8);
    expect(displayWidth('：')).toBe(2);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('한국')).toBe(4);
  });
});
