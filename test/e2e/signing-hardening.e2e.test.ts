import { createHash, createHmac } from 'node:crypto';
import { connect, type AddressInfo, type Server } from 'node:net';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyResponseSignature } from '../../src/client/index.js';
import { type NonceStore, ResponseModule, type ResponseOptions, type SigningOptions } from '../../src/index.js';
import { SECRETS, signingAppModule } from '../fixtures/signing.app.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';
import { nowSeconds, send, sign, signedCall } from './signed-request.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Writes one request by hand on a fresh connection (the target exactly as given) and parses the answer. */
function rawRequest(
  port: number,
  target: string,
  headers: Record<string, string>,
  { method = 'GET', body }: { method?: string; body?: string } = {},
): Promise<RawAnswer> {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${target}`)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const parsed = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: parsed,
        body: JSON.parse(rest.join('\r\n')) as never,
      });
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
  });
}

/** Boots the signing fixture on a real port for the tests of a `describe` block. */
function listening(adapter: AdapterName, signing: SigningOptions, options: ResponseOptions = {}) {
  const holder: { t?: TestApp; port?: number } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [signingAppModule(signing, options)], undefined, { rawBody: true });
    await holder.t.app.listen(0, '127.0.0.1');
    holder.port = ((holder.t.app.getHttpServer() as unknown as Server).address() as AddressInfo).port;
  });
  afterAll(() => holder.t?.app.close());
  return { t: () => holder.t!, port: () => holder.port!, server: () => holder.t!.app.getHttpServer() };
}

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

describe.each(ADAPTERS)('signed request targets on %s, over a raw socket', (adapter) => {
  const { port, t } = listening(adapter, { secrets: SECRETS });

  it('serves a signed target written by hand (the control)', async () => {
    const signed = await sign('GET', '/signed/items?a=1');
    const res = await rawRequest(port(), '/signed/items?a=1', signed.headers);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, message: 'OK', data: { query: { a: '1' } } });
  });

  it.each([
    ['/signed/items', '/signed/items#&currency=USD', /"#"/],
    ['/signed/items?a=1', '/signed/items?a=1#&currency=USD', /"#"/],
    ['/signed/items', 'http://127.0.0.1/signed/items', /origin form/],
    ['/signed/items?a=1', 'http://127.0.0.1/signed/items?a=1&currency=USD', /origin form/],
  ])(
    'refuses a signature for %s sent as %s: 400 SIGN_TARGET_INVALID before the handler',
    async (signedFor, sent, why) => {
      const signed = await sign('GET', signedFor);
      const res = await rawRequest(port(), sent, signed.headers);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'SIGN_TARGET_INVALID', status: 400, error: 'Bad Request' });
      expect((res.body.detail as { reason: string }).reason).toMatch(why);
      expect(res.body.data).toBeUndefined(); // no handler result: the query with USD never reached it
      expect(res.headers['x-request-id']).toBeDefined();
      expect(t().logger.of('error')).toEqual([]);
    },
  );

  it('leaves unsigned routes to the adapter: a fragment on @Unsigned() is routed as before', async () => {
    const res = await rawRequest(port(), '/signed/open#x', {});
    expect(res.status).toBe(200);
    expect(res.body.data).toBe('open');
  });
});

describe.each(ADAPTERS)('response signatures on %s go only to the request that claimed the nonce', (adapter) => {
  const { server } = listening(adapter, { secrets: SECRETS, signResponses: true });
  const ORDER = JSON.stringify({ sku: 'TEA-1', quantity: 1 });
  const verifies = (nonce: string, res: { status: number; text: string; headers: Record<string, string> }) =>
    verifyResponseSignature({
      secret: SECRETS.app1,
      nonce,
      status: res.status,
      body: res.text,
      signature: res.headers['x-signature'],
    });

  it('signs the genuine answer; a replay, a stale copy and a forged copy carry nothing that verifies', async () => {
    const victim = await signedCall(server(), 'POST', '/signed/orders', { body: ORDER });
    expect(victim.response.status).toBe(201);
    expect(await verifies(victim.signed.nonce, victim.response)).toBe(true);

    const replay = await send(server(), 'POST', '/signed/orders', victim.signed.headers, ORDER);
    expect(replay.status).toBe(409);
    expect(replay.headers['x-signature']).toBeUndefined();
    expect(await verifies(victim.signed.nonce, replay)).toBe(false);

    // Signed by the client, but held back past the window: the nonce was never claimed.
    const late = await sign('GET', '/signed/items', { timestamp: nowSeconds() - 400 });
    const stale = await send(server(), 'GET', '/signed/items', late.headers);
    expect(stale.body.code).toBe('SIGN_TIMESTAMP_OUT_OF_WINDOW');
    expect(stale.headers['x-signature']).toBeUndefined();
    expect(await verifies(late.nonce, stale)).toBe(false);

    const fresh = await sign('GET', '/signed/items');
    const forged = await send(server(), 'GET', '/signed/items?x=1', fresh.headers);
    expect(forged.body.code).toBe('SIGN_ERROR');
    expect(await verifies(fresh.nonce, forged)).toBe(false);
    // The forged copy did not use up the nonce: its owner still gets a signed answer.
    const owner = await send(server(), 'GET', '/signed/items', fresh.headers);
    expect(owner.status).toBe(200);
    expect(await verifies(fresh.nonce, owner)).toBe(true);
  });

  it('of 20 concurrent copies, exactly one answer verifies for the nonce', async () => {
    const signed = await sign('POST', '/signed/orders', { body: ORDER });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send(server(), 'POST', '/signed/orders', signed.headers, ORDER)),
    );
    const verified = await Promise.all(answers.map((res) => verifies(signed.nonce, res)));
    expect(verified.filter(Boolean)).toHaveLength(1);
    expect(answers[verified.indexOf(true)].status).toBe(201);
  });
});

describe.each(ADAPTERS)('signed bodies the app does not parse, on %s', (adapter) => {
  const { port, t } = listening(adapter, { secrets: SECRETS });
  const types: (string | undefined)[] = adapter === 'express' ? ['text/plain', 'text/xml', undefined] : ['text/plain'];

  it.each(types)('answer 415 SIGN_BODY_UNREADABLE for %s, signature good or bad, with no ERROR log', async (type) => {
    const body = '<transfer to="bob"/>';
    for (const tamper of [false, true]) {
      const signed = await sign('POST', '/signed/orders', { body, contentType: type ?? '' });
      const headers = lower(signed.headers);
      if (type === undefined) delete headers['content-type'];
      if (tamper) headers['x-signature'] = 'f'.repeat(64);
      const res = await rawRequest(port(), '/signed/orders', headers, { method: 'POST', body });
      expect(res.status, `${type} tampered=${tamper}`).toBe(415);
      expect(res.body).toMatchObject({ code: 'SIGN_BODY_UNREADABLE', status: 415 });
    }
    expect(t().logger.of('error')).toEqual([]);
  });

  // Express has no such types: every type reaches the guard there (above).
  const fastifyOnly = adapter === 'fastify' ? it : () => undefined;
  fastifyOnly('leaves types Fastify has no parser for to Fastify’s own 415, in the envelope', async () => {
    for (const type of ['text/xml', undefined]) {
      const signed = await sign('POST', '/signed/orders', { body: '<x/>', contentType: type ?? '' });
      const headers = lower(signed.headers);
      if (type === undefined) delete headers['content-type'];
      const res = await rawRequest(port(), '/signed/orders', headers, { method: 'POST', body: '<x/>' });
      expect(res.status, String(type)).toBe(415);
      expect(res.body).toMatchObject({ status: 415, error: 'Unsupported Media Type' });
    }
    expect(t().logger.of('error')).toEqual([]);
  });

  it('still verifies JSON and URL-encoded bodies (the control)', async () => {
    for (const [body, contentType] of [
      ['{"sku":"x"}', 'application/json; charset=utf-8'],
      ['sku=x', 'application/x-www-form-urlencoded'],
    ]) {
      const signed = await sign('POST', '/signed/orders', { body, contentType });
      const res = await rawRequest(port(), '/signed/orders', signed.headers, { method: 'POST', body });
      expect(res.status, contentType).toBe(201);
      expect(res.body.data).toEqual({ received: { sku: 'x' } });
    }
  });
});

describe.each(ADAPTERS)('start-up on %s with signing and NestFactory.create', (adapter) => {
  @Module({ imports: [signingAppModule({ secrets: SECRETS })], controllers: [] })
  class SignedAppModule {}
  @Module({ imports: [ResponseModule.forRoot()] })
  class UnsignedAppModule {}

  async function boot(module: object, rawBody: boolean): Promise<INestApplication> {
    const options = { rawBody, logger: false as const, abortOnError: false };
    const app =
      adapter === 'express'
        ? await NestFactory.create(module, new ExpressAdapter(), options)
        : await NestFactory.create(module, new FastifyAdapter(), options);
    try {
      await app.init();
    } catch (error) {
      await app.close().catch(() => undefined);
      throw error;
    }
    return app;
  }

  it('fails without { rawBody: true }, naming the fix', async () => {
    await expect(boot(SignedAppModule, false)).rejects.toThrow(
      /SigningSetupError|ResponseModule signing: .*created without rawBody.*\{ rawBody: true \}/,
    );
    await expect(boot(SignedAppModule, false)).rejects.toMatchObject({ name: 'SigningSetupError' });
  });

  it('starts with { rawBody: true }, and without signing whatever rawBody is', async () => {
    await (await boot(SignedAppModule, true)).close();
    await (await boot(UnsignedAppModule, false)).close();
  });
});

describe.each(ADAPTERS)('strictThrows and the module’s own codes on %s', (adapter) => {
  describe.each(['log', 'throw'] as const)('strictThrows: %s', (strictThrows) => {
    const { server, t } = listening(adapter, { secrets: SECRETS }, { strictThrows });

    it('answers every signing failure as itself, never a 500 or a contract warning', async () => {
      const missing = await send(server(), 'GET', '/signed/items', {});
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('SIGN_HEADER_MISSING');
      const ok = await signedCall(server(), 'GET', '/signed/items');
      const replay = await send(server(), 'GET', '/signed/items', ok.signed.headers);
      expect([ok.response.status, replay.status, replay.body.code]).toEqual([200, 409, 'SIGN_NONCE_USED']);
      const forged = await send(server(), 'GET', '/signed/items?x=1', (await sign('GET', '/signed/items')).headers);
      expect([forged.status, forged.body.code]).toEqual([401, 'SIGN_ERROR']);
      const stale = await signedCall(server(), 'GET', '/signed/items', { timestamp: nowSeconds() - 400 });
      expect(stale.response.status).toBe(401);
      expect(t().logger.entries.filter((e) => e.message.includes('contract violation'))).toEqual([]);
      expect(t().logger.of('error')).toEqual([]);
    });

    it('still checks the app’s own undeclared codes (the control)', async () => {
      const { response } = await signedCall(server(), 'GET', '/signed/undeclared');
      const violations = t().logger.entries.filter((e) => e.message.includes('contract violation'));
      if (strictThrows === 'throw') {
        expect(response.status).toBe(500);
      } else {
        expect(response.status).toBe(409);
        expect(violations.map((e) => e.message).join('\n')).toMatch(/SignedController\.undeclared raised .*10011/);
      }
    });
  });

  describe('strictThrows: throw with signing.global', () => {
    const { server } = listening(adapter, { secrets: SECRETS, global: true }, { strictThrows: 'throw' });

    it('answers the global guard’s failures as themselves', async () => {
      const res = await send(server(), 'GET', '/mixed/free', {});
      expect([res.status, res.body.code]).toEqual([400, 'SIGN_HEADER_MISSING']);
    });
  });
});

describe.each(ADAPTERS)('what a version 2 signature binds, on %s', (adapter) => {
  const { server } = listening(adapter, { secrets: SECRETS });
  const legacy = listening(adapter, { secrets: SECRETS, acceptV1: true });

  it('the order of repeated query parameters', async () => {
    const signed = await sign('GET', '/signed/items?to=alice&to=bob');
    const swapped = await send(server(), 'GET', '/signed/items?to=bob&to=alice', signed.headers);
    expect([swapped.status, swapped.body.code]).toEqual([401, 'SIGN_ERROR']);
    const genuine = await send(server(), 'GET', '/signed/items?to=alice&to=bob', signed.headers);
    expect(genuine.body.data).toEqual({ query: { to: ['alice', 'bob'] } });
  });

  it('the Content-Type: the same bytes cannot be replayed as another type', async () => {
    const body = 'to=bob&amount=25';
    const signed = await sign('POST', '/signed/orders', { body, contentType: 'application/json' });
    const headers = lower(signed.headers);
    delete headers['content-type'];
    const asForm = await send(server(), 'POST', '/signed/orders', headers, body, 'application/x-www-form-urlencoded');
    expect([asForm.status, asForm.body.code]).toEqual([401, 'SIGN_ERROR']);
    const asJson = await send(server(), 'POST', '/signed/orders', headers, '{"to":"bob"}', 'application/json');
    expect(asJson.body.code).toBe('SIGN_ERROR'); // the body is covered too (the control)
  });

  /** A version 1 client, written from the old documentation: six lines, the query sorted, no Content-Type. */
  function v1Headers(target: string, body = ''): Record<string, string> {
    const [path, query = ''] = target.split('?');
    const sorted = query.split('&').filter(Boolean).sort().join('&');
    const timestamp = String(nowSeconds());
    const nonce = createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 32);
    const lines = ['GET', path, sorted, timestamp, nonce, createHash('sha256').update(body).digest('hex')];
    const signature = createHmac('sha256', SECRETS.app1).update(lines.join('\n')).digest('hex');
    return { 'x-app-id': 'app1', 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature };
  }

  it('refuses a version 1 signature by name, and accepts it under acceptV1', async () => {
    const refused = await send(server(), 'GET', '/signed/items?b=2&a=1', v1Headers('/signed/items?b=2&a=1'));
    expect([refused.status, refused.body.code]).toEqual([401, 'SIGN_VERSION_UNSUPPORTED']);
    const accepted = await send(legacy.server(), 'GET', '/signed/items?b=2&a=1', v1Headers('/signed/items?b=2&a=1'));
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toEqual({ query: { a: '1', b: '2' } });
    // Version 2 still works there, and a bad signature of either version is SIGN_ERROR.
    expect((await signedCall(legacy.server(), 'GET', '/signed/items?b=2')).response.status).toBe(200);
    const bad = { ...v1Headers('/signed/items'), 'x-signature': '0'.repeat(64) };
    expect((await send(legacy.server(), 'GET', '/signed/items', bad)).body.code).toBe('SIGN_ERROR');
  });
});

describe.each(ADAPTERS)('a nonce store that hangs, on %s', (adapter) => {
  const hanging: NonceStore = { claim: () => new Promise<boolean>(() => {}) };

  async function timed(server: App) {
    const started = performance.now();
    const { response } = await signedCall(server, 'GET', '/signed/items');
    return { response, ms: performance.now() - started };
  }

  // One app per block: Nest's logger is process-wide, the last app created records.
  describe('with nonceStoreTimeout: 300', () => {
    const bounded = listening(adapter, { secrets: SECRETS, nonceStore: hanging, nonceStoreTimeout: 300 });

    it('answers 503 within nonceStoreTimeout, logged once with the cause', async () => {
      const { response, ms } = await timed(bounded.server());
      expect([response.status, response.body.code]).toEqual([503, 'SIGN_NONCE_STORE_UNAVAILABLE']);
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(1000);
      const logged = bounded.t().logger.entries.filter((entry) => entry.level !== 'log');
      expect(logged).toHaveLength(1);
      expect(logged[0].level).toBe('error');
      expect(logged[0].message).toMatch(
        /^GET \/signed\/items 503 \[requestId=.+\] code=SIGN_NONCE_STORE_UNAVAILABLE BusinessException$/,
      );
      expect(logged[0].extra.join('\n')).toContain(
        'Caused by: NonceStoreTimeoutError: the nonce store did not answer within 300 ms',
      );
    });
  });

  describe('with the default timeout and signResponses', () => {
    const byDefault = listening(adapter, { secrets: SECRETS, nonceStore: hanging, signResponses: true });

    it('answers 503 within about a second, unsigned', async () => {
      const { response, ms } = await timed(byDefault.server());
      expect(response.status).toBe(503);
      expect(response.headers['x-signature']).toBeUndefined();
      expect(ms).toBeGreaterThanOrEqual(990);
      expect(ms).toBeLessThan(2000);
    });
  });
});
