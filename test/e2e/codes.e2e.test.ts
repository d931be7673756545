import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCodes, type ResponseOptions } from '../../src/index.js';
import { ShopCodes, shopAppModule } from '../fixtures/codes.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

/** Boots the shop fixture with `options` for the tests of a `describe` block. */
function withShop(adapter: (typeof ADAPTERS)[number], options: ResponseOptions = {}) {
  const holder: { t?: TestApp } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [shopAppModule(options)]);
  });
  afterAll(() => holder.t?.app.close());
  return {
    http: () => request(holder.t!.app.getHttpServer()),
    logger: () => holder.t!.logger,
  };
}

describe.each(ADAPTERS)('codes on %s', (adapter) => {
  describe('BusinessException, @ApiCode and locales', () => {
    const { http, logger } = withShop(adapter, {
      statusCodes: { 404: 'RESOURCE_NOT_EXISTS' },
      locale: { resolve: (req) => (req.query as Record<string, string | undefined>).lang },
    });

    it('renders a BusinessException from a service in en and zh-CN', async () => {
      const en = await http().post('/shop/buy').send({ sku: 'SOLD' }).expect(409);
      expect(en.body).toMatchObject({
        code: 31010,
        message: 'sold out: SOLD',
        status: 409,
        error: 'Conflict',
        detail: { sku: 'SOLD' },
      });
      const zh = await http()
        .post('/shop/buy')
        .set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8')
        .send({ sku: 'SOLD' })
        .expect(409);
      expect(zh.body).toMatchObject({ code: 31010, message: '已售罄：SOLD' });
    });

    it('answers with the handler’s @ApiCode, or the controller’s as the default', async () => {
      expect((await http().get('/shop').expect(200)).body).toEqual({ code: 31000, message: 'items', data: [] });
      expect((await http().get('/shop').set('Accept-Language', 'zh')).body.message).toBe('商品列表');
      expect((await http().get('/shop/A1').expect(200)).body).toEqual({
        code: 31001,
        message: 'item',
        data: { sku: 'A1' },
      });
      expect((await http().get('/shop/A1').set('Accept-Language', 'zh-CN')).body.message).toBe('商品详情');
    });

    it('sets the success status from the definition, unless @HttpCode says otherwise', async () => {
      expect((await http().post('/shop/buy').send({ sku: 'A1' }).expect(201)).body).toMatchObject({ code: 31002 });
      expect((await http().get('/shop/fresh/item').expect(201)).body).toMatchObject({
        code: 31002,
        message: 'item created',
      });
      expect((await http().post('/shop/reserve').expect(202)).body).toMatchObject({
        code: 31003,
        message: 'item reserved',
      });
      expect((await http().post('/shop/reserve-now').expect(200)).body).toMatchObject({ code: 31003 });
    });

    it('negotiates the locales of the registered messages too (ja), and asks locale.resolve first', async () => {
      expect((await http().get('/shop').set('Accept-Language', 'ja-JP, en;q=0.5')).body.message).toBe('商品一覧');
      expect((await http().get('/shop?lang=zh').set('Accept-Language', 'en')).body.message).toBe('商品列表');
      expect((await http().get('/shop?lang=fr').set('Accept-Language', 'zh-CN')).body.message).toBe('items');
      // a message without the locale falls back per message: ITEM_FOUND has no ja text
      expect((await http().get('/shop/A1').set('Accept-Language', 'ja')).body.message).toBe('item');
    });

    it('lets a team 404 win for its BusinessException, while a plain NotFoundException renders as before', async () => {
      const team = await http().get('/shop/none').set('Accept-Language', 'zh-CN').expect(404);
      expect(team.body).toMatchObject({ code: 404, message: '没有商品 none', error: 'Not Found' });
      const plain = await http().get('/shop/plain').expect(404);
      expect(plain.body).toMatchObject({ code: 'RESOURCE_NOT_EXISTS', message: 'Not Found' });
      const plainZh = await http().get('/shop/plain').set('Accept-Language', 'zh-CN').expect(404);
      expect(plainZh.body).toMatchObject({
        code: 'RESOURCE_NOT_EXISTS',
        message: '实体数据不存在',
        error: 'Not Found',
      });
    });

    it('localises the module’s own texts but never a message the team wrote', async () => {
      const explicit = await http().get('/shop/explicit').set('Accept-Language', 'zh-CN').expect(404);
      expect(explicit.body.message).toBe('Item explicit not found');
      const crash = await http().get('/shop/crash/now').set('Accept-Language', 'zh-CN').expect(500);
      expect(crash.body).toMatchObject({ code: 500, message: '服务层错误' });
      expect(crash.text).not.toContain('10.0.0.3');
      const malformed = await http()
        .post('/shop/buy')
        .set('Accept-Language', 'zh-CN')
        .set('Content-Type', 'application/json')
        .send('{"sku":')
        .expect(400);
      expect(malformed.body.message).toBe('请求体中的 JSON 格式错误');
      const route = await http().get('/no/such/route').set('Accept-Language', 'zh-CN').expect(404);
      expect(route.body.message).toBe('Cannot GET /no/such/route');
    });

    it('answers the custom status 391 with the redirect target as the message', async () => {
      const res = await http().get('/shop/login/required').expect(391);
      expect(res.body).toMatchObject({ code: 391, message: '/login', status: 391, error: 'Failed And See Other' });
    });

    it('does not check @ApiThrows unless strictThrows is on', async () => {
      const res = await http().post('/shop/buy').send({ sku: 'PRICE' }).expect(409);
      expect(res.body).toMatchObject({ code: 31011, message: 'the price of PRICE changed' });
      expect(logger().of('warn')).toEqual([]);
    });
  });

  describe("strictThrows: 'log'", () => {
    const { http, logger } = withShop(adapter, { strictThrows: 'log' });

    it('logs a business failure the endpoint did not declare, and still answers it', async () => {
      const res = await http().post('/shop/buy').set('X-Request-Id', 'strict-1').send({ sku: 'PRICE' }).expect(409);
      expect(res.body).toMatchObject({ code: 31011, message: 'the price of PRICE changed' });
      expect(
        logger()
          .of('warn')
          .map((entry) => entry.message),
      ).toEqual([
        'contract violation: POST /shop/buy ShopController.buy raised ShopCodes.PRICE_CHANGED (code 31011), ' +
          'which its @ApiThrows does not declare (declared: 31010, 404) [requestId=strict-1]',
      ]);
    });

    it('accepts codes declared on the handler or the controller, and other failures', async () => {
      const before = logger().of('warn').length;
      await http().post('/shop/buy').send({ sku: 'SOLD' }).expect(409);
      await http().get('/shop/none').expect(404);
      await http().get('/shop/plain').expect(404);
      await http().get('/shop/crash/now').expect(500);
      expect(logger().of('warn')).toHaveLength(before);
    });
  });

  describe("strictThrows: 'throw'", () => {
    const { http, logger } = withShop(adapter, { strictThrows: 'throw' });

    it('fails the request with a 500 whose log names the undeclared code', async () => {
      const res = await http().post('/shop/buy').send({ sku: 'PRICE' }).expect(500);
      expect(res.body).toMatchObject({ code: 500, message: 'Internal server error' });
      expect(res.text).not.toContain('31011');
      const [logged] = logger().of('error');
      expect(logged.message).toMatch(/^POST \/shop\/buy 500 \[requestId=.+\] code=500 UndeclaredBusinessCodeError$/);
      expect(String(logged.extra[0])).toContain('ShopController.buy raised ShopCodes.PRICE_CHANGED (code 31011)');
    });

    it('lets declared codes through', async () => {
      expect((await http().post('/shop/buy').send({ sku: 'SOLD' }).expect(409)).body.code).toBe(31010);
      expect((await http().get('/shop/none').expect(404)).body.code).toBe(404);
    });
  });

  describe('start-up', () => {
    it('fails on two definitions of one code, naming both and the code', async () => {
      const ClashCodes = defineCodes({ TAKEN: { code: 31010, status: 409, message: 'taken' } }, { name: 'ClashCodes' });
      await expect(createTestApp(adapter, [shopAppModule({ codes: [ClashCodes] })])).rejects.toThrow(
        'code 31010 is defined by ClashCodes.TAKEN and ShopCodes.SOLD_OUT',
      );
    });

    it('fails on codes that break the codeRule', async () => {
      await expect(
        createTestApp(adapter, [shopAppModule({ codeRule: 'api-number-kind', codes: [ShopCodes] })]),
      ).rejects.toThrow('  - ShopCodes.ITEM_MISSING (404) must be a 5-digit number');
    });
  });
});
