import 'reflect-metadata';
import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { ApiCode, ApiThrows, BusinessException, CodeDefinitionError, defineCodes } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { readEndpointCodes } from '../../src/codes/endpoint-codes.js';
import { RouteInfoCache } from '../../src/http/route-info.cache.js';
import { routesOf } from '../../src/codes/endpoint-routes.js';
import { undeclaredThrow, UndeclaredBusinessCodeError } from '../../src/codes/throws-contract.js';
import { successOutcome } from '../../src/outcome/success-outcome.js';

const ShopCodes = defineCodes(
  {
    ITEMS_LISTED: { code: 31000, message: { en: 'items', 'zh-CN': '商品列表' } },
    ITEM_CREATED: { code: 31002, status: 201, message: 'item created' },
    ITEM_ACCEPTED: { code: 31003, status: 202, message: 'item accepted' },
    SOLD_OUT: { code: 31010, status: 409, message: 'sold out' },
    LOCKED: { code: 31011, status: 423, message: 'locked' },
    GONE: { code: 'GONE', status: 410, message: 'gone' },
  },
  { name: 'ShopCodes' },
);

@Controller(['shop', 'store/'])
@ApiCode(ShopCodes.ITEMS_LISTED)
@ApiThrows(ShopCodes.GONE)
class ShopController {
  @Get()
  list() {}

  @Post('items')
  @ApiCode(ShopCodes.ITEM_CREATED)
  @ApiThrows(ShopCodes.SOLD_OUT)
  @ApiThrows(ShopCodes.LOCKED, ShopCodes.SOLD_OUT)
  create() {}

  @Post(['accept', '/accept-all/'])
  @HttpCode(200)
  @ApiCode(ShopCodes.ITEM_ACCEPTED)
  accept() {}

  @Delete(':id')
  @ApiCode(31004, { en: 'deleted', 'zh-CN': '已删除' })
  remove() {}

  helper() {}
}

@Controller()
class RootController {
  @Get()
  root() {}
}

class PlainController {
  @ApiCode(ShopCodes.ITEM_CREATED)
  list() {}
}

const shop = ShopController.prototype;

describe('@ApiCode and @ApiThrows', () => {
  it('take the handler’s @ApiCode, else the controller’s, and its status unless @HttpCode is there', () => {
    expect(readEndpointCodes(shop.create, ShopController)).toMatchObject({
      success: ShopCodes.ITEM_CREATED,
      successStatus: 201,
    });
    expect(readEndpointCodes(shop.list, ShopController)).toMatchObject({
      success: ShopCodes.ITEMS_LISTED,
      successStatus: undefined,
    });
    expect(readEndpointCodes(shop.accept, ShopController)).toMatchObject({
      success: ShopCodes.ITEM_ACCEPTED,
      successStatus: undefined,
    });
    expect(readEndpointCodes(shop.remove, ShopController).success).toEqual({
      code: 31004,
      message: { en: 'deleted', 'zh-CN': '已删除' },
    });
    expect(readEndpointCodes(RootController.prototype.root, RootController)).toMatchObject({
      success: undefined,
      throws: [],
    });
  });

  it('add up @ApiThrows of the handler (in written order, without repeats) and of the controller', () => {
    const codes = readEndpointCodes(shop.create, ShopController);
    expect(codes.throws).toEqual([ShopCodes.SOLD_OUT, ShopCodes.LOCKED, ShopCodes.GONE]);
    expect([...codes.declared]).toEqual([31010, 31011, 'GONE']);
    expect(readEndpointCodes(shop.list, ShopController).throws).toEqual([ShopCodes.GONE]);
  });

  it('are checked where they are written', () => {
    expect(() => ApiCode(ShopCodes.SOLD_OUT)).toThrow(
      new CodeDefinitionError('@ApiCode(ShopCodes.SOLD_OUT): status 409 is not a success status (200–299)'),
    );
    expect(() => ApiCode(1, '')).toThrow('@ApiCode: definition.message must not be empty (got "")');
    expect(() => ApiCode({ code: 1, status: 302, message: 'x' })).toThrow(
      '@ApiCode(code 1): status 302 is not a success status',
    );
    expect(() => ApiThrows(ShopCodes.SOLD_OUT, { code: 2 } as never)).toThrow(
      '@ApiThrows: argument 2.message must be a string or a non-empty map of locale → string (got undefined)',
    );
  });
});

describe('RouteInfoCache', () => {
  it('reads a route once, per controller: an inherited handler takes each controller’s default', () => {
    class BaseController {
      @Get()
      list() {}
    }
    @ApiCode(ShopCodes.ITEMS_LISTED)
    class ListingController extends BaseController {}
    @ApiCode(ShopCodes.ITEM_ACCEPTED)
    class AcceptingController extends BaseController {}
    const routes = new RouteInfoCache();
    const first = routes.info(shop.create, ShopController);
    expect(routes.info(shop.create, ShopController)).toBe(first);
    const list = BaseController.prototype.list;
    expect(routes.info(list, ListingController).codes.success).toBe(ShopCodes.ITEMS_LISTED);
    expect(routes.info(list, AcceptingController).codes.success).toBe(ShopCodes.ITEM_ACCEPTED);
  });
});

describe('routesOf', () => {
  it('joins every controller path with every handler path, with the method', () => {
    expect(routesOf(ShopController, shop.create)).toEqual(['POST /shop/items', 'POST /store/items']);
    expect(routesOf(ShopController, shop.accept)).toEqual([
      'POST /shop/accept',
      'POST /shop/accept-all',
      'POST /store/accept',
      'POST /store/accept-all',
    ]);
    expect(routesOf(ShopController, shop.list)).toEqual(['GET /shop', 'GET /store']);
    expect(routesOf(RootController, RootController.prototype.root)).toEqual(['GET /']);
    expect(routesOf(ShopController, shop.helper)).toEqual([]);
    expect(routesOf(PlainController, PlainController.prototype.list)).toEqual([]);
  });
});

describe('undeclaredThrow', () => {
  const create = readEndpointCodes(shop.create, ShopController);
  const root = readEndpointCodes(RootController.prototype.root, RootController);

  it('passes declared codes and anything that is not a BusinessException', () => {
    expect(undeclaredThrow(new BusinessException(ShopCodes.SOLD_OUT), create, 'ShopController.create')).toBeUndefined();
    expect(undeclaredThrow(new BusinessException(ShopCodes.GONE), create, 'ShopController.create')).toBeUndefined();
    // declared by code: an equal definition made elsewhere is the same code on the wire
    expect(undeclaredThrow(new BusinessException({ code: 31010, message: 'x' }), create, 'S.c')).toBeUndefined();
    expect(undeclaredThrow(new Error('crash'), root, 'RootController.root')).toBeUndefined();
  });

  it('describes an undeclared code', () => {
    expect(undeclaredThrow(new BusinessException(ShopCodes.ITEM_ACCEPTED), create, 'ShopController.create')).toBe(
      'ShopController.create raised ShopCodes.ITEM_ACCEPTED (code 31003), which its @ApiThrows does not declare (declared: 31010, 31011, "GONE")',
    );
    expect(undeclaredThrow(new BusinessException({ code: 'X', message: 'x' }), root, 'RootController.root')).toBe(
      'RootController.root raised code "X", which its @ApiThrows does not declare (declared: nothing)',
    );
    const error = new UndeclaredBusinessCodeError('message', { cause: 'the original' });
    expect(error).toMatchObject({ name: 'UndeclaredBusinessCodeError', message: 'message', cause: 'the original' });
  });
});

describe('successOutcome with an @ApiCode', () => {
  const options = resolveResponseOptions({ success: { code: 'http-status', message: 'ok' } });

  it('takes the endpoint’s code and localised message instead of the success option', () => {
    expect(successOutcome({ id: 1 }, 200, options, 'zh-CN', ShopCodes.ITEMS_LISTED)).toEqual({
      kind: 'success',
      httpStatus: 200,
      code: 31000,
      message: '商品列表',
      data: { id: 1 },
    });
    expect(successOutcome(null, 201, options, 'en')).toMatchObject({ code: 201, message: 'ok' });
  });
});
