import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersAppModule } from '../fixtures/orders.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(ADAPTERS)('success envelope on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [ordersAppModule()]);
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('wraps a GET result as { code: 0, message: "OK", data } with status 200 and a JSON content type', async () => {
    const res = await http().get('/orders/7').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe('{"code":0,"message":"OK","data":{"id":7,"sku":"A1"}}');
  });

  it('keeps the status Nest sets: 201 for POST, @HttpCode(202)', async () => {
    const created = await http().post('/orders').send({ sku: 'Z9' }).expect(201);
    expect(created.body).toEqual({ code: 0, message: 'OK', data: { id: expect.any(Number), sku: 'Z9' } });
    const accepted = await http().post('/cases/accepted').expect(202);
    expect(accepted.body).toEqual({ code: 0, message: 'OK', data: { queued: true } });
  });

  it.each(['null', 'undefined'])('sends data: null for a %s result', async (kind) => {
    const res = await http().get(`/cases/${kind}`).expect(200);
    expect(res.body).toEqual({ code: 0, message: 'OK', data: null });
  });

  it('wraps strings, promises and observables (the last value)', async () => {
    expect((await http().get('/cases/string')).body).toEqual({ code: 0, message: 'OK', data: 'hello' });
    expect((await http().get('/cases/async')).body).toEqual({ code: 0, message: 'OK', data: { later: true } });
    expect((await http().get('/cases/observable')).body).toEqual({ code: 0, message: 'OK', data: 2 });
  });

  it('writes bigint as exact JSON numbers by default', async () => {
    const res = await http().get('/cases/bigint').expect(200);
    expect(res.text).toBe('{"code":0,"message":"OK","data":{"id":9007199254740993,"nested":[{"big":-12}],"small":1}}');
  });

  it.each([
    ['header X-Stringify: 1', (r: request.Test) => r.set('X-Stringify', '1')],
    ['query _string=1', (r: request.Test) => r.query({ _string: '1' })],
  ])('writes bigint as strings when the client asks with %s', async (_name, ask) => {
    const res = await ask(http().get('/cases/bigint')).expect(200);
    expect(res.body.data).toEqual({ id: '9007199254740993', nested: [{ big: '-12' }], small: 1 });
  });

  it('ignores an X-Stringify that is not a yes', async () => {
    const res = await http().get('/cases/bigint').set('X-Stringify', '0').expect(200);
    expect(res.text).toContain('"id":9007199254740993');
  });

  it('generates a request id (UUID) and sends it as a header on every response', async () => {
    const ok = await http().get('/orders/7');
    const missing = await http().get('/orders/404');
    const raw = await http().get('/raw');
    for (const res of [ok, missing, raw]) expect(res.headers['x-request-id']).toMatch(UUID);
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
    expect(new Set([ok, missing, raw].map((r) => r.headers['x-request-id'])).size).toBe(3);
  });

  it('echoes an acceptable incoming X-Request-Id', async () => {
    const res = await http().get('/orders/404').set('X-Request-Id', 'trace-42.abc_DEF');
    expect(res.headers['x-request-id']).toBe('trace-42.abc_DEF');
    expect(res.body.requestId).toBe('trace-42.abc_DEF');
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with spaces', 'a b'],
    ['with a tab', 'a\tb'],
    ['that is empty', ''],
  ])('replaces an incoming X-Request-Id %s by a generated one', async (_name, value) => {
    const res = await http().get('/orders/404').set('X-Request-Id', value);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.body.requestId).toMatch(UUID);
  });

  it('replaces a non-ASCII X-Request-Id (sent as raw latin-1 bytes)', async () => {
    const res = await http().get('/orders/404').set('X-Request-Id', Buffer.from('café', 'latin1').toString('latin1'));
    expect(res.headers['x-request-id']).toMatch(UUID);
  });
});

describe.each(ADAPTERS)('request id and int64 options on %s', (adapter) => {
  let t: TestApp;
  let counter = 0;
  beforeAll(async () => {
    t = await createTestApp(adapter, [
      ordersAppModule({
        requestId: { header: 'X-Correlation-Id', generate: () => `gen-${++counter}`, inSuccessBody: true },
        int64: { header: 'X-Big-As-String', query: 'str' },
      }),
    ]);
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('uses the configured header and generator, and puts the id in success bodies', async () => {
    const res = await http().get('/orders/7').expect(200);
    expect(res.headers['x-correlation-id']).toMatch(/^gen-\d+$/);
    expect(res.body).toEqual({
      code: 0,
      message: 'OK',
      data: { id: 7, sku: 'A1' },
      requestId: res.headers['x-correlation-id'],
    });
    const echoed = await http().get('/orders/7').set('X-Correlation-Id', 'abc');
    expect(echoed.body.requestId).toBe('abc');
    expect(echoed.headers['x-request-id']).toBeUndefined();
  });

  it('reads the configured int64 header and query names', async () => {
    expect((await http().get('/cases/bigint').set('X-Big-As-String', 'true')).body.data.id).toBe('9007199254740993');
    expect((await http().get('/cases/bigint?str=1')).body.data.id).toBe('9007199254740993');
    expect((await http().get('/cases/bigint?_string=1')).text).toContain('"id":9007199254740993');
  });
});
