import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV, handlerChoicesModule, HTML, XML } from '../fixtures/handler-choices.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

/** The body exactly as it came over the wire, whatever its type. */
function rawText(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
}

const ENVELOPE_TYPE = 'application/json; charset=utf-8';

describe.each(ADAPTERS)('a Content-Type the handler chose, on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [handlerChoicesModule()], (app) => app.setGlobalPrefix('api'));
  });
  afterAll(() => t.app.close());
  const get = (path: string) => rawText(request(t.app.getHttpServer()).get(path));

  describe('a non-JSON type set by @Header() is not wrapped', () => {
    it.each([
      ['/api/reports/page.html', /^text\/html; charset=utf-8$/, HTML],
      ['/api/reports/export.csv', /^text\/csv(; charset=utf-8)?$/, CSV],
      ['/api/reports/feed.xml', /^application\/xml(; charset=utf-8)?$/, XML],
      ['/api/reports/shout', /^text\/plain(; charset=utf-8)?$/i, 'LOUD'],
    ])('%s leaves as the handler returned it', async (path, type, text) => {
      const res = await get(path).expect(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.body).toBe(text);
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(text)));
      // The app's own interceptor and the request id still apply.
      expect(res.headers['x-served-by']).toBe('reports-1');
      expect(res.headers['x-request-id']).toBeDefined();
    });
  });

  describe('a non-JSON type set at run time through @Res({ passthrough: true }) is not wrapped', () => {
    it.each([
      ['/api/reports/dynamic/csv', /^text\/csv(; charset=utf-8)?$/, CSV],
      ['/api/reports/dynamic/xml', /^application\/xml(; charset=utf-8)?$/, XML],
    ])(`%s (res.type() / reply.type())`, async (path, type, text) => {
      const res = await get(path).expect(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.body).toBe(text);
    });
  });

  it('the same holds under ResponseInterceptor, for a static and a run-time type', async () => {
    const fixed = await get('/api/reports/intercepted.txt').expect(200);
    expect(fixed.headers['content-type']).toMatch(/^text\/plain/);
    expect(fixed.body).toBe('through ResponseInterceptor');
    const dynamic = await get('/api/reports/intercepted/csv').expect(200);
    expect(dynamic.headers['content-type']).toMatch(/^text\/csv/);
    expect(dynamic.body).toBe(CSV);
    const json = await get('/api/reports/intercepted/json').expect(200);
    expect(JSON.parse(json.body as string)).toEqual({ code: 0, message: 'OK', data: { format: 'json' } });
  });

  describe('JSON types and no type at all are wrapped, and leave as application/json', () => {
    it.each([
      ['/api/reports/json', { kind: 'json' }],
      ['/api/reports/json-upper', { kind: 'json-upper' }],
      ['/api/reports/problem', { title: 'a success that called itself a problem' }],
      ['/api/reports/vendor', { data: { type: 'reports', id: '7' } }],
      ['/api/reports/dynamic/json', { format: 'json' }],
      ['/api/reports/dynamic/other', { format: 'other' }],
      ['/api/reports/object', { id: 7, sku: 'A1', tags: ['new', 'café'] }],
      ['/api/reports/health', { up: true }],
    ])('%s', async (path, data) => {
      const res = await get(path).expect(200);
      // The envelope is the module's document, not the handler's +json structure: its type says so.
      expect(res.headers['content-type']).toBe(ENVELOPE_TYPE);
      expect(JSON.parse(res.body as string)).toEqual({ code: 0, message: 'OK', data });
    });
  });

  it('a plain string result with no type of its own is still wrapped', async () => {
    const res = await get('/api/reports/string').expect(200);
    expect(res.headers['content-type']).toBe(ENVELOPE_TYPE);
    expect(JSON.parse(res.body as string)).toEqual({ code: 0, message: 'OK', data: 'plain string result' });
  });

  it('a failure of a non-JSON route still leaves as the JSON failure envelope', async () => {
    const res = await get('/api/reports/failing.csv').expect(404);
    expect(res.headers['content-type']).toBe(ENVELOPE_TYPE);
    expect(JSON.parse(res.body as string)).toMatchObject({
      code: 404,
      message: 'no report today',
      status: 404,
      path: '/api/reports/failing.csv',
    });
  });

  it("a guard's refusal on a non-JSON route is a JSON failure envelope too", async () => {
    const res = await get('/api/reports/export.csv').set('X-Tenant', 'blocked').expect(403);
    expect(res.headers['content-type']).toBe(ENVELOPE_TYPE);
    expect(JSON.parse(res.body as string)).toMatchObject({ code: 403, message: 'tenant blocked' });
  });
});
