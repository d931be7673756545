import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerChoicesModule } from '../fixtures/handler-choices.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

// The exact digits, written out: 2^53 + 1 is not a JavaScript number, so JSON.parse would round it.
const AS_NUMBER = '"id":9007199254740993';
const AS_STRING = '"id":"9007199254740993"';

describe.each(ADAPTERS)('several int64 header and query names on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      [
        handlerChoicesModule({
          int64: { header: ['X-Stringify', 'X-Int64-As-String'], query: ['_string', '_stringify'] },
        }),
      ],
      (app) => app.setGlobalPrefix('api'),
    );
  });
  afterAll(() => t.app.close());
  const big = () => request(t.app.getHttpServer()).get('/api/reports/bigint');
  const bigWith = (query: string) => request(t.app.getHttpServer()).get(`/api/reports/bigint?${query}`);

  it.each([
    ['X-Stringify', '1'],
    ['x-int64-as-string', 'true'],
    ['X-INT64-AS-STRING', 'yes'],
  ])('the header %s: %s asks for strings', async (header, value) => {
    const res = await big().set(header, value).expect(200);
    expect(res.text).toContain(AS_STRING);
    expect(res.text).toContain('"big":"-12"');
  });

  it.each([['_string=1'], ['_stringify=1'], ['_stringify=on&other=x'], ['page=2&_string=true']])(
    'the query %s asks for strings',
    async (query) => {
      expect((await bigWith(query).expect(200)).text).toContain(AS_STRING);
    },
  );

  it.each([
    ['no flag', ''],
    ['a falsy value', '_stringify=0'],
    ['a name that was not configured', '_str=1'],
    ['a query name in another case (query keys are case-sensitive)', '_STRINGIFY=1'],
  ])('%s keeps exact JSON numbers', async (_what, query) => {
    const res = await bigWith(query).set('X-Other', '1').expect(200);
    expect(res.text).toContain(AS_NUMBER);
    expect(res.text).toContain('"big":-12');
  });

  it('a client that lies (the flag header twice, joined by Node as "0, 1") gets exact numbers', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = (t.app.getHttpServer() as unknown as Server).address() as AddressInfo;
    const text = await new Promise<string>((resolve, reject) => {
      const headers = { 'x-int64-as-string': ['0', '1'] };
      get({ host: '127.0.0.1', port, path: '/api/reports/bigint', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(text).toContain(AS_NUMBER);
  });

  it('HEAD with a flag answers the length of the strings body', async () => {
    const get = await bigWith('_stringify=1').expect(200);
    const head = await request(t.app.getHttpServer()).head('/api/reports/bigint?_stringify=1').expect(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
  });
});
