import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersAppModule } from '../fixtures/orders.app.js';
import { NEST_MAJOR } from '../nest-version.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FAILURE_KEYS = ['code', 'message', 'status', 'error', 'path', 'timestamp', 'requestId'];

function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\bat .+:\d+:\d+/); // stack frames
  expect(text).not.toMatch(/\/work\/|node_modules|\.ts\b/); // file paths
  expect(text).not.toMatch(/hunter2|postgres:|10\.0\.0\.3|mid-stream/);
}

describe.each(ADAPTERS)('failures on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [ordersAppModule()]);
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('renders a thrown NotFoundException with every default failure field, in order', async () => {
    const res = await http().get('/orders/8?x=1').expect(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(res.body as object)).toEqual(FAILURE_KEYS);
    expect(res.body).toMatchObject({
      code: 404,
      message: 'Order 8 not found',
      status: 404,
      error: 'Not Found',
      path: '/orders/8',
    });
    expect(res.body.timestamp).toMatch(ISO);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('renders unknown routes as 404 in the envelope', async () => {
    const res = await http().delete('/no/such/route').expect(404);
    expect(res.body).toMatchObject({ code: 404, status: 404, error: 'Not Found', path: '/no/such/route' });
  });

  it('renders malformed JSON as 400 without quoting the body', async () => {
    const res = await http()
      .post('/orders')
      .set('Content-Type', 'application/json')
      .send('{"password":"hunter2",')
      .expect(400);
    expect(res.body).toMatchObject({ code: 400, message: 'Malformed JSON in request body', error: 'Bad Request' });
    expectNoLeak(String(res.text));
  });

  it('renders a body over the size limit as 413', async () => {
    const res = await http()
      .post('/orders')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ sku: 'x'.repeat(2_000_000) }))
      .expect(413);
    expect(res.body).toMatchObject({ code: 413, message: 'Request body is too large', error: 'Payload Too Large' });
  });

  it('renders a content type the adapter rejects as 415', async () => {
    // Fastify refuses media types it has no parser for; Express's body-parser refuses unknown charsets.
    const contentType = adapter === 'fastify' ? 'text/csv' : 'application/json; charset=koi8-r';
    const res = await http().post('/orders').set('Content-Type', contentType).send('{"sku":"x"}').expect(415);
    expect(res.body).toMatchObject({ code: 415, status: 415, error: 'Unsupported Media Type' });
  });

  it('renders HttpException bodies: a string, a message array, an object with extra members', async () => {
    expect((await http().get('/cases/http-string').expect(418)).body).toMatchObject({
      code: 418,
      message: 'plain string body',
      error: "I'm a Teapot",
    });
    expect((await http().get('/cases/http-array').expect(400)).body).toMatchObject({
      code: 400,
      message: 'name should not be empty; age must be a number',
    });
    expect((await http().get('/cases/http-object').expect(409)).body).toMatchObject({
      code: 409,
      message: 'order is locked',
      detail: { lockedBy: 'u1' },
    });
  });

  it.skipIf(NEST_MAJOR < 12)("renders Nest 12's errorCode as the code", async () => {
    expect((await http().get('/cases/http-error-code').expect(400)).body).toMatchObject({
      code: 'COUPON_EXPIRED',
      message: 'coupon expired',
    });
  });

  it('renders a BusinessException with its code, status, message and detail', async () => {
    const res = await http().post('/orders').send({ sku: 'SOLD-OUT' }).expect(409);
    expect(res.body).toEqual({
      code: 10010,
      message: 'out of stock: SOLD-OUT',
      status: 409,
      error: 'Conflict',
      path: '/orders',
      timestamp: expect.stringMatching(ISO),
      requestId: res.headers['x-request-id'],
      detail: { sku: 'SOLD-OUT' },
    });
  });

  it('gives a BusinessException without status 400, and never sends its cause', async () => {
    const plain = await http().get('/cases/business-default-status').expect(400);
    expect(plain.body).toMatchObject({
      code: 'failure_password_or_account_error',
      message: 'wrong account or password',
    });
    const caused = await http().get('/cases/business-cause').expect(409);
    expect(caused.text).not.toContain('inventory said 0');
    expect(t.logger.of('warn').some((e) => e.message.includes('inventory said 0'))).toBe(true);
  });

  it.each(['error', 'string', 'null', 'undefined', 'number', 'circular'])(
    'renders a thrown %s as a generic 500 without stack or exception text',
    async (kind) => {
      const res = await http().get(`/cases/throw/${kind}`).expect(500);
      expect(res.body).toMatchObject({
        code: 500,
        message: 'Internal server error',
        status: 500,
        error: 'Internal Server Error',
      });
      expect(Object.keys(res.body as object)).toEqual(FAILURE_KEYS);
      expectNoLeak(String(res.text));
    },
  );

  it('keeps the message of a deliberately thrown 5xx HttpException, without its stack', async () => {
    const res = await http().get('/cases/http-5xx').expect(500);
    expect(res.body.message).toBe('db down at 10.0.0.3');
    expect(res.body.stack).toBeUndefined();
  });

  it('logs each 5xx once with method, path, request id and stack; does not log 4xx as errors', async () => {
    const before = t.logger.of('error').length;
    const res = await http().get('/cases/throw/error').set('X-Request-Id', 'log-me-1').expect(500);
    const errors = t.logger.of('error').slice(before);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('GET /cases/throw/error 500 [requestId=log-me-1]');
    expect(String(errors[0]?.extra[0])).toContain('secret connection string');
    expect(String(errors[0]?.extra[0])).toMatch(/\bat .+:\d+:\d+/);
    expect(res.body.requestId).toBe('log-me-1');

    const beforeClientErrors = t.logger.of('error').length;
    await http().get('/orders/8').expect(404);
    await http().get('/nope').expect(404);
    expect(t.logger.of('error').length).toBe(beforeClientErrors);
  });

  it('drops a detail that cannot be serialised, keeping code and status', async () => {
    const res = await http().get('/cases/circular-detail').expect(422);
    expect(res.body).toMatchObject({ code: 'LOOP', message: 'loop', status: 422 });
    expect(res.body.detail).toBeUndefined();
  });

  it('renders a result that cannot be serialised as a 500', async () => {
    const res = await http().get('/cases/circular-result').expect(500);
    expect(res.body).toMatchObject({ code: 500, message: 'Internal server error' });
  });

  it('cuts a response whose headers were already sent, logs once, and keeps serving', async () => {
    const before = t.logger.of('error').length;
    const outcome = await http()
      .get('/cases/late-failure')
      .then((res) => ({ status: res.status, text: res.text }))
      .catch((error: Error) => ({ error: error.message }));
    if ('status' in outcome) {
      expect(outcome.status).toBe(200); // a client library may accept the cut transfer; it never got an envelope
      expect(outcome.text ?? '').not.toContain('"code"');
    } else {
      expect(outcome.error).toMatch(/aborted|socket hang up|ECONNRESET|premature/i);
    }
    expect(t.logger.of('error').length - before).toBe(1);
    await http().get('/orders/7').expect(200);
  });
});

describe.each(ADAPTERS)('debug switch on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [ordersAppModule({ debug: true })]);
  });
  afterAll(() => t.app.close());

  it('adds the exception name and stack to 5xx bodies', async () => {
    const res = await request(t.app.getHttpServer()).get('/cases/throw/error').expect(500);
    expect(res.body.message).toBe('Internal server error');
    expect(res.body.exception).toBe('Error');
    expect(res.body.stack).toContain('secret connection string');
  });

  it('adds nothing to 4xx bodies', async () => {
    const res = await request(t.app.getHttpServer()).get('/orders/8').expect(404);
    expect(res.body.exception).toBeUndefined();
    expect(res.body.stack).toBeUndefined();
  });
});
