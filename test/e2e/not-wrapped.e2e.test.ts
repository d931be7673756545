import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersAppModule } from '../fixtures/orders.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

describe.each(ADAPTERS)('results that are not wrapped on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [ordersAppModule()]);
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('sends a @RawResponse() handler result as it is', async () => {
    const res = await http().get('/cases/raw').expect(200);
    expect(res.body).toEqual({ status: 'up' });
  });

  it('sends the results of a @RawResponse() controller as they are, but still renders its failures', async () => {
    expect((await http().get('/raw').expect(200)).body).toEqual({ pong: true });
    const failure = await http().get('/raw/missing').expect(404);
    expect(failure.body).toMatchObject({ code: 404, message: 'still an envelope', status: 404 });
  });

  it('streams a StreamableFile untouched', async () => {
    const res = await http().get('/cases/file').buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.text).toBe('file-content');
  });

  it('sends a Buffer untouched', async () => {
    const res = await http()
      .get('/cases/buffer')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect((res.body as Buffer).toString()).toBe('bytes');
  });

  it('sends a stream untouched', async () => {
    const res = await http().get('/cases/stream').buffer(true).expect(200);
    expect(res.text).toBe('abc');
  });

  it('leaves server-sent events alone', async () => {
    const res = await http().get('/cases/events').buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.text).toContain('data: {"n":0}');
    expect(res.text).not.toContain('"code"');
  });

  it('leaves @Redirect alone', async () => {
    const res = await http().get('/cases/redirect').redirects(0).expect(302);
    expect(res.headers.location).toBe('/orders/7');
  });

  it('sends no body for 204', async () => {
    const res = await http().post('/cases/no-content').expect(204);
    expect(res.text).toBe('');
  });

  it('answers HEAD without a body (head.e2e.test.ts compares its headers with GET)', async () => {
    const res = await http().head('/orders/7').expect(200);
    expect(res.text ?? '').toBe('');
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('leaves a handler that writes through @Res() alone', async () => {
    expect((await http().get('/cases/self').expect(200)).body).toEqual({ wroteItself: true });
  });

  it('wraps the result of a @Res({ passthrough: true }) handler', async () => {
    expect((await http().get('/cases/passthrough').expect(200)).body).toEqual({
      code: 0,
      message: 'OK',
      data: { passthrough: true },
    });
  });
});
