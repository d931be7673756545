import { connect } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaosAppModule } from '../fixtures/chaos.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SECRET = 'hunter2-secret-value';

/** Sends raw bytes on a fresh connection and returns whatever comes back before the server closes (or 3 s). */
function rawExchange(port: number, payload: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => resolve(Buffer.concat(chunks).toString('latin1'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', done);
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(payload);
  });
}

function expectEnvelope(res: request.Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ code: expect.anything(), message: expect.any(String), status });
  expect(res.headers['x-request-id']).toBeDefined();
  expect(res.text).not.toContain(SECRET);
}

/** A raw answer to a request Node refused: the envelope, a generated request id, nosniff, the connection closed. */
function expectRawEnvelope(answer: string, status: number): void {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
  expect(head).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
  expect(head).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/i);
  expect(JSON.parse(body)).toMatchObject({ code: status, status, path: '' });
}

describe.each(ADAPTERS)('bad input on %s', (adapter) => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(adapter, [chaosAppModule()], undefined, { bodyLimit: 1024 * 1024 });
    await t.app.listen(0, '127.0.0.1');
    port = ((t.app.getHttpServer() as unknown as Server).address() as AddressInfo).port;
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());
  const json = (text: string) => http().post('/chaos/dto').set('Content-Type', 'application/json').send(text);
  const alive = async () => expect((await http().get('/chaos/slow').expect(200)).body.data).toEqual({ slow: true });

  it('malformed and truncated JSON: 400, without quoting the body', async () => {
    for (const text of [
      `{"name":"a","password":"${SECRET}",}`,
      `{"name":"a","password":"${SECRET}","count":`,
      '{',
      '[1,2',
      'nul',
    ]) {
      const res = await http().post('/chaos/dto').set('Content-Type', 'application/json').send(text);
      expectEnvelope(res, 400);
      expect(res.body.message).toBe('Malformed JSON in request body');
    }
  });

  it('a JSON body sent as text/plain is never parsed as JSON: a validation failure in the envelope', async () => {
    // Express leaves the body unparsed ({}), Fastify reads it as a string: either way it is no DTO
    const res = await http()
      .post('/chaos/dto')
      .set('Content-Type', 'text/plain')
      .send(`{"name":"a","password":"${SECRET}"}`);
    expectEnvelope(res, 400);
  });

  it('a media type no parser reads: 415 on Fastify; Express leaves the body empty (400)', async () => {
    const res = await http().post('/chaos/dto').set('Content-Type', 'application/x-unknown').send('<a/>');
    expectEnvelope(res, adapter === 'fastify' ? 415 : 400);
  });

  it('an empty body on a DTO route: 400 with violations', async () => {
    const res = await http().post('/chaos/dto');
    expectEnvelope(res, 400);
    expect(res.body.details.length).toBeGreaterThan(0);
  });

  it('1 990 keys on one level (just under validation.maxNodes): answered, with only the real violations', async () => {
    const body: Record<string, unknown> = { name: 'n', count: 'x' };
    for (let i = 0; i < 1_990; i++) body[`k${i}`] = i;
    const res = await http().post('/chaos/dto').send(body);
    expectEnvelope(res, 400);
    expect(res.body.details).toEqual([
      { field: '/count', value: 'x', issue: 'count must be an integer number', location: 'body' },
    ]);
  });

  it('more values than validation.maxNodes (10 000 keys, 300 000 items): 413 before any validator runs', async () => {
    const keys: Record<string, unknown> = { name: 'n', count: 1 };
    for (let i = 0; i < 10_000; i++) keys[`k${i}`] = i;
    const items = JSON.stringify({ name: 'abc', count: 1, parts: new Array(300_000).fill({}) });
    for (const res of [await http().post('/chaos/dto').send(keys), await json(items)]) {
      expectEnvelope(res, 413);
      expect(res.body.details).toEqual([{ field: '', issue: 'body holds more than 2000 values', location: 'body' }]);
    }
    expect(t.logger.of('error')).toEqual([]);
  });

  it('1 000 and 3 000 levels of nesting, in a DTO property and as the whole body: 400 naming maxDepth', async () => {
    for (const levels of [1000, 3000]) {
      const objects = '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
      const arrays = '['.repeat(levels) + ']'.repeat(levels);
      for (const text of [
        `{"name":"n","count":1,"main":${objects}}`,
        `{"name":"n","count":1,"parts":${arrays}}`,
        arrays,
      ]) {
        const res = await json(text);
        expectEnvelope(res, 400);
        expect(res.body.details).toHaveLength(1);
        expect(res.body.detail.issue).toBe('body is nested deeper than 32 levels');
        expect(res.text.length).toBeLessThan(2_000);
      }
    }
    expect(t.logger.of('error')).toEqual([]);
  });

  it('a 150 KB key, a 600 KB value: a small body, the key cut and its value redacted', async () => {
    const key = `${'k'.repeat(150_000)}x`;
    const res = await json(JSON.stringify({ name: { [key]: 'v'.repeat(600_000) }, count: 1 }));
    expectEnvelope(res, 400);
    expect(res.text.length).toBeLessThan(2_000);
    expect(res.body.detail.value).toEqual({ [`${'k'.repeat(128)}…`]: '[REDACTED]' });
    const value = await json(JSON.stringify({ name: { label: 'v'.repeat(900_000) }, count: 1 }));
    expect(value.text.length).toBeLessThan(2_000);
    expect(value.body.detail.value).toEqual({ label: `${'v'.repeat(256)}…` });
  });

  it('__proto__ and constructor.prototype keys: no crash, no pollution', async () => {
    const text =
      '{"name":"n","count":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"parts":[{"label":"l","weight":1,"__proto__":{"polluted":3}}]}';
    const res = await http().post('/chaos/dto').set('Content-Type', 'application/json').send(text);
    expect([201, 400]).toContain(res.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    await alive();
  });

  it('invalid UTF-8 in a JSON body: answered, never a crash', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","count":1}'),
    ]);
    const res = await http().post('/chaos/dto').set('Content-Type', 'application/json').send(bytes);
    expect([201, 400]).toContain(res.status);
    expect(() => JSON.parse(res.text) as unknown).not.toThrow();
    await alive();
  });

  it('an oversized body: 413 in the envelope', async () => {
    const res = await http()
      .post('/chaos/dto')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(3_000_000), password: SECRET }));
    expectEnvelope(res, 413);
  });

  it('a huge query string: refused by Node before any handler (431), and the server keeps serving', async () => {
    const answer = await rawExchange(port, `GET /chaos/slow?q=${'x'.repeat(100_000)} HTTP/1.1\r\nHost: a\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expectRawEnvelope(answer, 431);
    await alive();
  });

  it('a malformed request line, a bad header name, a 20 kB header: the envelope on the socket, and the server keeps serving', async () => {
    for (const [payload, status] of [
      ['GET /chaos/slow HTTP/1.1 extra\r\nHost: a\r\n\r\n', 400],
      ['GET /chaos/slow HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n', 400],
      [`GET /chaos/slow HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ] as const) {
      expectRawEnvelope(await rawExchange(port, payload), status);
    }
    await alive();
  });

  it('an X-Request-Id with CR/LF never splits headers: Node refuses the request, and the server keeps serving', async () => {
    const answer = await rawExchange(
      port,
      'GET /chaos/slow HTTP/1.1\r\nHost: a\r\nX-Request-Id: a\rSet-Cookie: evil=1\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).not.toMatch(/set-cookie: evil/i);
    expectRawEnvelope(answer, 400);
    await alive();
  });

  it('a 10 kB or non-ASCII X-Request-Id is replaced by a generated one', async () => {
    const long = await http().get('/chaos/dto-missing').set('X-Request-Id', 'r'.repeat(10_000));
    expectEnvelope(long, 404);
    expect(long.headers['x-request-id']).toMatch(UUID);
    const answer = await rawExchange(
      port,
      Buffer.concat([
        Buffer.from('GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\nX-Request-Id: '),
        Buffer.from('идентификатор', 'utf8'),
        Buffer.from('\r\n\r\n'),
      ]),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).toMatch(/x-request-id: [0-9a-f-]{36}\r\n/i);
  });

  it('with a requestId.generate and a locale.resolve that throw, hostile ids and locales still get the envelope', async () => {
    const fail = () => {
      throw new Error('callback bug');
    };
    const faulty = await createTestApp(adapter, [
      chaosAppModule({ requestId: { generate: fail }, locale: { resolve: fail } }),
    ]);
    try {
      for (const id of [undefined, 'r'.repeat(10_000), 'has space', '']) {
        const req = request(faulty.app.getHttpServer()).get('/chaos/dto-missing').set('Accept-Language', 'zh;q=abc');
        const res = await (id === undefined ? req : req.set('X-Request-Id', id));
        expectEnvelope(res, 404);
        expect(res.headers['x-request-id']).toMatch(UUID);
      }
      expect(faulty.logger.of('error')).toHaveLength(2); // one line per callback, not per request
    } finally {
      await faulty.app.close();
    }
  });

  it('Accept-Language garbage falls back to the default locale', async () => {
    for (const value of ['zh;q=abc,,,;;;=', 'zh;q=2', ';'.repeat(5_000), 'en-'.repeat(500), 'q=0.5', 'zh-CN;q=0']) {
      const res = await http().post('/chaos/dto').set('Accept-Language', value).send({});
      expectEnvelope(res, 400);
      expect(res.body.message).toBe('Request parameters are invalid');
    }
  });

  it('odd X-Stringify values never break the answer', async () => {
    for (const value of ['', '2', 'TRUE', 'yes', '1,1', ' 1 ', 'x'.repeat(5_000)]) {
      const res = await http().get('/chaos/return/none').set('X-Stringify', value);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 0, message: 'OK', data: null });
    }
  });

  it('a client that disconnects before the answer: nothing crashes, the next request is served', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /chaos/slow HTTP/1.1\r\nHost: a\r\n\r\n');
      setTimeout(() => {
        socket.destroy();
        resolve('gone');
      }, 50);
    });
    expect(answer).toBe('gone');
    await new Promise((resolve) => setTimeout(resolve, 400)); // let the handler finish writing to a closed socket
    await alive();
    expect(t.logger.of('error')).toEqual([]);
  });
});
