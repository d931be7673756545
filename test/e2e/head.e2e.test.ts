import type { IncomingHttpHeaders } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerChoicesModule } from '../fixtures/handler-choices.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

/** Headers that differ between two requests whatever the server does. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

function comparable(headers: IncomingHttpHeaders): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_CONNECTION.has(name)));
}

/** For a body that holds the time (a failure's timestamp), two answers differ in their ETag's hash: its length stays. */
function comparableTimed(headers: IncomingHttpHeaders): Record<string, unknown> {
  const all = comparable(headers);
  return typeof all.etag === 'string' ? { ...all, etag: all.etag.replace(/-[^"]*"$/, '"') } : all;
}

/** The body exactly as it came over the wire. */
function rawText(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
}

// Each GET route of the fixture, asked with HEAD: what GET answers (envelope, bigint, raw, non-JSON, failures).
const ROUTES: [what: string, path: string, status: number][] = [
  ['an object result', '/api/reports/object', 200],
  ['a bigint result', '/api/reports/bigint', 200],
  ['a bigint result, as strings', '/api/reports/bigint?_string=1', 200],
  ['a string result', '/api/reports/string', 200],
  ['an @ApiCode route (status 202)', '/api/reports/queued', 202],
  ['a @RawResponse route', '/api/reports/raw', 200],
  ['a non-JSON @Header route', '/api/reports/export.csv', 200],
  ['a non-JSON type set at run time', '/api/reports/dynamic/csv', 200],
  ['an inherited route of a base controller', '/api/reports/health', 200],
  ['an unknown route (404)', '/api/reports/nothing/here', 404],
  ['a validation failure (400)', '/api/reports/list?order=sideways', 400],
  ['a failure of a non-JSON route (404)', '/api/reports/failing.csv', 404],
];

describe.each(ADAPTERS)('HEAD answers what GET would, without a body, on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [handlerChoicesModule()], (app) => app.setGlobalPrefix('api'));
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it.each(ROUTES)('%s: %s', async (_what, path, status) => {
    const requestId = `head-${adapter}-${path}`;
    const errorsBefore = t.logger.of('error').length;
    const get = await rawText(http().get(path).set('X-Request-Id', requestId));
    const head = await http().head(path).set('X-Request-Id', requestId);
    expect(get.status).toBe(status);
    expect(head.status).toBe(status);
    const same = status >= 400 ? comparableTimed : comparable;
    expect(same(head.headers)).toEqual(same(get.headers));
    // Independent of the comparison: the length is that of the body GET sent, and HEAD sent none.
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body as string)));
    expect(head.text ?? '').toBe('');
    if (adapter === 'express') expect(head.headers.etag).toMatch(/^W\/"/);
    expect(t.logger.of('error').slice(errorsBefore)).toEqual([]);
  });

  it("a bigint result answers HEAD with 200, not the adapter serialiser's 500", async () => {
    const res = await http().head('/api/reports/bigint').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // {"code":0,"message":"OK","data":{"id":9007199254740993,"parts":[{"big":-12}]}}
    const envelope = '{"code":0,"message":"OK","data":{"id":9007199254740993,"parts":[{"big":-12}]}}';
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(envelope)));
  });

  it("a route declared with @Head() is the handler's own answer: not wrapped", async () => {
    const res = await http().head('/api/reports/own-head').expect(200);
    expect(res.headers['x-report-size']).toBe('1234');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.headers['content-length'] ?? '0').toBe('0');
  });
});

describe.each(ADAPTERS)(
  'HEAD under always-200, a request id in successes and no timestamp in failures, on %s',
  (adapter) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, [
        handlerChoicesModule({
          httpStatus: 'always-200',
          successFields: ['code', 'message', 'data', 'requestId'],
          failureFields: ['code', 'message', 'status', 'path', 'requestId'],
        }),
      ]);
    });
    afterAll(() => t.app.close());

    // Without a timestamp nothing in a failure body changes between two requests: all headers agree, ETag included.
    it.each([
      ['/reports/queued'],
      ['/reports/bigint'],
      ['/reports/list?order=sideways'],
      ['/reports/nothing/here'],
      ['/reports/failing.csv'],
    ])('%s', async (path) => {
      const http = () => request(t.app.getHttpServer());
      const get = await rawText(http().get(path).set('X-Request-Id', 'same-id'));
      const head = await http().head(path).set('X-Request-Id', 'same-id');
      expect(get.status).toBe(200);
      expect(head.status).toBe(200);
      expect(comparable(head.headers)).toEqual(comparable(get.headers));
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body as string)));
      expect(head.text ?? '').toBe('');
    });
  },
);
