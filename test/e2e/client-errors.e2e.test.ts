import type { AddressInfo, Server } from 'node:net';
import { connect } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { callbacksAppModule } from '../fixtures/callbacks.app.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Sends raw bytes on a fresh connection; what comes back before the server closes (or 3 s). */
function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', done);
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(payload);
  });
}

/** An HTTP/1.1 answer split into status, lower-cased headers and body, checking Content-Length against the bytes. */
function parseAnswer(answer: string) {
  const end = answer.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = answer.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const body = answer.slice(end + 4);
  expect(Buffer.byteLength(body)).toBe(Number(headers['content-length']));
  return { statusLine, headers, body: JSON.parse(body) as Record<string, unknown> };
}

const REFUSED = {
  'a malformed request line': ['GARBAGE / HTTP/1.1\r\nHost: a\r\n\r\n', 400],
  'a header name with a space': ['GET /api/items/1 HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n', 400],
  'a CR inside a header value': [
    'GET /api/items/1 HTTP/1.1\r\nHost: a\r\nX-Request-Id: a\rSet-Cookie: evil=1\r\n\r\n',
    400,
  ],
  'a 20 kB header': [`GET /api/items/1 HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
  'a 100 kB request target': [`GET /api/items/1?q=${'x'.repeat(100_000)} HTTP/1.1\r\nHost: a\r\n\r\n`, 431],
} as const;

const MESSAGES: Record<number, string> = {
  400: 'Malformed HTTP request: the request line or a header could not be read',
  431: 'Request header fields are too large',
};

async function listening(adapter: AdapterName, options: ResponseOptions = {}) {
  const t = await createTestApp(adapter, [callbacksAppModule(options)], (app) => app.setGlobalPrefix('api'));
  await t.app.listen(0, '127.0.0.1');
  return { t, port: ((t.app.getHttpServer() as unknown as Server).address() as AddressInfo).port };
}

describe.each(ADAPTERS)('requests Node refuses, on %s', (adapter) => {
  let t: TestApp;
  let port: number;
  let custom: TestApp;
  let customPort: number;
  beforeAll(async () => {
    ({ t, port } = await listening(adapter));
    ({ t: custom, port: customPort } = await listening(adapter, {
      statusCodes: { 400: 'PARAM_ERROR', 431: 'HEADERS_TOO_LARGE' },
      fields: { code: 'status_id', requestId: 'session' },
      failureFields: ['code', 'message', 'path', 'requestId', 'timestamp'],
      requestId: { header: 'x-trace-id' },
      timestamp: { format: 'epoch-ms' },
      locale: { default: 'zh-CN' },
    }));
  });
  afterAll(async () => {
    await t.app.close();
    await custom.app.close();
  });
  const alive = (app: INestApplication<App>) => request(app.getHttpServer()).get('/api/items/1').expect(200);

  it.each(Object.entries(REFUSED))(
    '%s: the envelope with a fresh request id, then the connection closes',
    async (_label, [payload, status]) => {
      const { statusLine, headers, body } = parseAnswer(await rawExchange(port, payload));
      expect(statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(headers['content-type']).toBe('application/json; charset=utf-8');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['connection']).toBe('close');
      expect(headers['x-request-id']).toMatch(UUID);
      expect(headers['set-cookie']).toBeUndefined();
      expect(Object.keys(body)).toEqual(['code', 'message', 'status', 'error', 'path', 'timestamp', 'requestId']);
      expect(body).toMatchObject({
        code: status,
        message: MESSAGES[status],
        status,
        path: '',
        requestId: headers['x-request-id'],
      });
      expect(body.timestamp).toMatch(ISO);
      await alive(t.app);
    },
  );

  it('the configured fields, codes, request id header, timestamp and default locale apply', async () => {
    for (const [payload, status] of Object.values(REFUSED)) {
      const { statusLine, headers, body } = parseAnswer(await rawExchange(customPort, payload));
      expect(statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(headers['x-trace-id']).toMatch(UUID);
      expect(Object.keys(body)).toEqual(['status_id', 'message', 'path', 'session', 'timestamp']);
      expect(body).toMatchObject({
        status_id: status === 400 ? 'PARAM_ERROR' : 'HEADERS_TOO_LARGE',
        message: status === 400 ? '请求格式错误：无法读取请求行或请求头' : '请求头字段过大',
        session: headers['x-trace-id'],
      });
      expect(typeof body.timestamp).toBe('number');
    }
    await alive(custom.app);
  });

  it('RFC 9457 mode answers application/problem+json', async () => {
    const { t: problem, port: problemPort } = await listening(adapter, { format: 'problem+json' });
    try {
      const { headers, body } = parseAnswer(await rawExchange(problemPort, REFUSED['a malformed request line'][0]));
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, detail: MESSAGES[400] });
    } finally {
      await problem.app.close();
    }
  });
});

describe('a Fastify app with its own clientErrorHandler keeps it', () => {
  it('the module leaves the event to the app', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [callbacksAppModule({})] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      new FastifyAdapter({
        clientErrorHandler: (_error, socket) => socket.end('HTTP/1.1 400 Bad Request\r\nX-Own: 1\r\n\r\n'),
      }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    try {
      const port = ((app.getHttpServer() as unknown as Server).address() as AddressInfo).port;
      const answer = await rawExchange(port, REFUSED['a malformed request line'][0]);
      expect(answer).toBe('HTTP/1.1 400 Bad Request\r\nX-Own: 1\r\n\r\n');
    } finally {
      await app.close();
    }
  });
});
