import { Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModule, type ResponseOptions } from '../../src/index.js';
import { CasesController, OrdersController, OrdersService, ordersAppModule } from '../fixtures/orders.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

/** Boots the fixture app with `options` for each test of a `describe` block. */
function withApp(adapter: (typeof ADAPTERS)[number], options: ResponseOptions) {
  const holder: { t?: TestApp } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [ordersAppModule(options)]);
  });
  afterAll(() => holder.t?.app.close());
  return () => request(holder.t!.app.getHttpServer());
}

describe.each(ADAPTERS)('the common API conventions by configuration alone on %s', (adapter) => {
  describe('HTTP always 200, the outcome in the body: { status_id, status: success|failure, message, data }', () => {
    const http = withApp(adapter, {
      httpStatus: 'always-200',
      success: { code: 100, message: '请求成功' },
      fields: { code: 'status_id', outcome: 'status' },
      successFields: ['code', 'outcome', 'message', 'data'],
      failureFields: ['code', 'outcome', 'message', 'data'],
    });

    it('answers a success with 200 and the status_id body', async () => {
      const res = await http().post('/orders').send({ sku: 'S0' }).expect(200);
      expect(res.text).toMatch(/^\{"status_id":100,"status":"success","message":"请求成功","data":\{/);
    });

    it('answers a failure with 200 and status_id = the HTTP status', async () => {
      const res = await http().get('/orders/999').expect(200);
      expect(res.body).toEqual({ status_id: 404, status: 'failure', message: 'Order 999 not found', data: null });
      const business = await http().post('/orders').send({ sku: 'SOLD-OUT' }).expect(200);
      expect(business.body).toEqual({
        status_id: 10010,
        status: 'failure',
        message: 'out of stock: SOLD-OUT',
        data: null,
      });
    });
  });

  describe('self-describing string codes: { code, summary, data } with the request id as session', () => {
    const http = withApp(adapter, {
      success: { code: 'success', message: '成功' },
      fields: { message: 'summary', requestId: 'session' },
      successFields: ['code', 'message', 'data', 'requestId'],
      failureFields: ['code', 'message', 'requestId'],
      statusCodes: { 404: 'resource_not_exists', 500: 'system_error' },
    });

    it('answers a success with code "success", summary and session', async () => {
      const res = await http().get('/orders/7').set('X-Request-Id', 'sess-1').expect(200);
      expect(res.body).toEqual({ code: 'success', summary: '成功', data: { id: 7, sku: 'A1' }, session: 'sess-1' });
    });

    it('answers failures with self-describing string codes', async () => {
      const business = await http().get('/cases/business-default-status').set('X-Request-Id', 'sess-2').expect(400);
      expect(business.body).toEqual({
        code: 'failure_password_or_account_error',
        summary: 'wrong account or password',
        session: 'sess-2',
      });
      expect((await http().get('/orders/999').expect(404)).body.code).toBe('resource_not_exists');
      expect((await http().get('/cases/throw/error').expect(500)).body.code).toBe('system_error');
    });
  });

  describe('RESTful: { code, msg, data } with code mirroring the HTTP status', () => {
    const http = withApp(adapter, {
      success: { code: 'http-status', message: 'ok' },
      fields: { message: 'msg' },
      failureFields: ['code', 'message'],
    });

    it('mirrors 200 and 201 in code', async () => {
      expect((await http().get('/orders/7').expect(200)).body).toEqual({
        code: 200,
        msg: 'ok',
        data: { id: 7, sku: 'A1' },
      });
      expect((await http().post('/orders').send({ sku: 'S3' }).expect(201)).body).toMatchObject({
        code: 201,
        msg: 'ok',
      });
    });

    it('mirrors the failure status in code', async () => {
      expect((await http().get('/orders/999').expect(404)).body).toEqual({ code: 404, msg: 'Order 999 not found' });
    });
  });

  describe('HTTP status for success, { return_code, message } on failure', () => {
    const http = withApp(adapter, {
      success: { code: 10001 },
      fields: { code: 'return_code' },
      failureFields: ['code', 'message'],
    });

    it('answers a success with its HTTP status and { return_code, message, data }', async () => {
      const res = await http().post('/orders').send({ sku: 'S4' }).expect(201);
      expect(res.body).toEqual({ return_code: 10001, message: 'OK', data: { id: expect.any(Number), sku: 'S4' } });
    });

    it('answers a failure with its HTTP status and only { return_code, message }', async () => {
      const res = await http().post('/orders').send({ sku: 'SOLD-OUT' }).expect(409);
      expect(res.body).toEqual({ return_code: 10010, message: 'out of stock: SOLD-OUT' });
    });
  });
});

describe.each(ADAPTERS)('other options on %s', (adapter) => {
  describe('timestamp pattern in Asia/Shanghai, WeChat status names, localised success message', () => {
    const http = withApp(adapter, {
      timestamp: { format: 'YYYY-MM-DD HH:mm:ss', timeZone: 'Asia/Shanghai' },
      statusCodes: { 400: 'PARAM_ERROR', 404: 'RESOURCE_NOT_EXISTS', 500: 'SYSTEM_ERROR' },
      success: { message: { en: 'OK', 'zh-CN': '成功' } },
    });

    it('formats the timestamp as East-8 wall-clock time', async () => {
      const before = Date.now();
      const res = await http().get('/orders/999').expect(404);
      expect(res.body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const asUtc = Date.parse(`${(res.body.timestamp as string).replace(' ', 'T')}+08:00`);
      expect(Math.abs(asUtc - before)).toBeLessThan(5_000);
      expect(res.body.code).toBe('RESOURCE_NOT_EXISTS');
    });

    it('maps statuses to names but keeps business codes', async () => {
      expect((await http().get('/cases/http-array').expect(400)).body.code).toBe('PARAM_ERROR');
      expect((await http().post('/orders').send({ sku: 'SOLD-OUT' }).expect(409)).body.code).toBe(10010);
    });

    it('localises messages by Accept-Language, with q-values and primary tags', async () => {
      expect((await http().get('/orders/7').set('Accept-Language', 'zh')).body.message).toBe('成功');
      expect((await http().get('/orders/7').set('Accept-Language', 'fr;q=1, en;q=0.5, zh-CN;q=0.9')).body.message).toBe(
        '成功',
      );
      expect((await http().get('/orders/7').set('Accept-Language', 'de')).body.message).toBe('OK');
      const business = await http().post('/orders').set('Accept-Language', 'zh-CN').send({ sku: 'SOLD-OUT' });
      expect(business.body.message).toBe('库存不足：SOLD-OUT');
    });
  });

  describe('epoch-ms timestamps and always-200 failures', () => {
    const http = withApp(adapter, { timestamp: { format: 'epoch-ms' }, httpStatus: 'always-200' });

    it('keeps the real status in the body', async () => {
      const res = await http().get('/orders/999').expect(200);
      expect(res.body).toMatchObject({ code: 404, status: 404, error: 'Not Found' });
      expect(typeof res.body.timestamp).toBe('number');
      expect(Math.abs((res.body.timestamp as number) - Date.now())).toBeLessThan(5_000);
    });
  });

  describe("format: 'problem+json'", () => {
    const http = withApp(adapter, { format: 'problem+json' });

    it('renders every failure as RFC 9457', async () => {
      const res = await http().post('/orders').send({ sku: 'SOLD-OUT' }).expect(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toEqual({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'out of stock: SOLD-OUT',
        instance: '/orders',
        code: 10010,
        timestamp: expect.any(String),
        requestId: res.headers['x-request-id'],
        context: { sku: 'SOLD-OUT' },
      });
      const missing = await http().get('/nope').expect(404);
      expect(missing.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/nope' });
    });

    it('keeps successes in the envelope', async () => {
      expect((await http().get('/orders/7').expect(200)).body).toEqual({
        code: 0,
        message: 'OK',
        data: { id: 7, sku: 'A1' },
      });
    });
  });
});

@Injectable()
class SettingsService {
  readonly responseOptions: ResponseOptions = { success: { code: 'OK_ASYNC' } };
}

@Module({ providers: [SettingsService], exports: [SettingsService] })
class SettingsModule {}

describe.each(ADAPTERS)('forRootAsync on %s', (adapter) => {
  it('takes options from an injected provider', async () => {
    const t = await createTestApp(adapter, [
      {
        module: class AsyncAppModule {},
        imports: [
          ResponseModule.forRootAsync({
            imports: [SettingsModule],
            inject: [SettingsService],
            useFactory: (settings: SettingsService) => settings.responseOptions,
          }),
        ],
        controllers: [OrdersController, CasesController],
        providers: [OrdersService],
      },
    ]);
    try {
      expect((await request(t.app.getHttpServer()).get('/orders/7').expect(200)).body.code).toBe('OK_ASYNC');
    } finally {
      await t.app.close();
    }
  });

  it('stops start-up with an error naming a bad option', async () => {
    await expect(
      createTestApp(adapter, [
        {
          module: class BadAsyncAppModule {},
          imports: [
            ResponseModule.forRootAsync({ useFactory: () => Promise.resolve({ validation: { maxViolations: 0 } }) }),
          ],
        },
      ]),
    ).rejects.toThrow('validation.maxViolations must be a positive integer');
  });
});

describe('forRoot', () => {
  it('stops start-up with an error naming a bad option', () => {
    expect(() => ResponseModule.forRoot({ timestamp: { timeZone: 'Mars/Olympus' } })).toThrow(
      'timestamp.timeZone must be an IANA time zone',
    );
  });
});
