import { Controller, Get, Module } from '@nestjs/common';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyResponseSignature } from '../../src/client/index.js';
import { ResponseModule, type NonceStore, type ResponseOptions, Signed, type SigningOptions } from '../../src/index.js';
import { asyncSigningAppModule, SECRETS, signingAppModule } from '../fixtures/signing.app.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';
import { nowSeconds, send, sign, signedCall } from './signed-request.js';

/** Boots the signing fixture (with `rawBody: true` unless told otherwise) for the tests of a `describe` block. */
function withSigningApp(
  adapter: AdapterName,
  signing: SigningOptions,
  options: ResponseOptions = {},
  rawBody = true,
): { server: () => App; t: () => TestApp } {
  const holder: { t?: TestApp } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [signingAppModule(signing, options)], undefined, { rawBody });
  });
  afterAll(() => holder.t?.app.close());
  return { server: () => holder.t!.app.getHttpServer(), t: () => holder.t! };
}

const ORDER = JSON.stringify({ sku: 'TEA-1', quantity: 2, note: 'café ☕' });

describe.each(ADAPTERS)('signed requests on %s', (adapter) => {
  describe('with the default options', () => {
    const { server } = withSigningApp(adapter, { secrets: SECRETS });

    it('accepts a signed GET whose query is in any order and percent-encoded', async () => {
      const url = '/signed/items?b=2&q=caf%C3%A9&a=1&a=0';
      const { response } = await signedCall(server(), 'GET', url);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ code: 0, message: 'OK', data: { query: { a: ['1', '0'], b: '2', q: 'café' } } });
    });

    it('accepts a signed POST with a JSON body, hex or base64, from either app', async () => {
      for (const [appId, encoding] of [
        ['app1', 'hex'],
        ['app2', 'base64'],
      ] as const) {
        const secret = SECRETS[appId];
        const { response, signed } = await signedCall(server(), 'POST', '/signed/orders', {
          appId,
          secret,
          encoding,
          body: ORDER,
        });
        expect(signed.signature).toMatch(encoding === 'hex' ? /^[0-9a-f]{64}$/ : /^[A-Za-z0-9+/]{43}=$/);
        expect(response.status).toBe(201);
        expect(response.body.data).toEqual({ received: JSON.parse(ORDER) });
      }
    });

    it('accepts a signed URL-encoded form and a signed POST without a body', async () => {
      const form = await signedCall(server(), 'POST', '/signed/orders', {
        body: 'sku=TEA-1&quantity=2',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(form.response.status).toBe(201);
      expect(form.response.body.data.received).toEqual({ sku: 'TEA-1', quantity: '2' });
      const empty = await signedCall(server(), 'POST', '/signed/orders');
      expect(empty.response.status).toBe(201);
    });

    it('runs validation after the guard: a signed but invalid body is a 400 validation failure', async () => {
      const { response } = await signedCall(server(), 'POST', '/signed/transfers', {
        body: JSON.stringify({ to: 'bob', amount: 0 }),
      });
      expect(response.status).toBe(400);
      expect(response.body.detail).toMatchObject({ field: '/amount', location: 'body' });
    });

    it('lets unsigned routes and @Unsigned() handlers through; enforces @Signed() handlers anywhere', async () => {
      expect((await send(server(), 'GET', '/signed/open', {})).body.data).toBe('open');
      expect((await send(server(), 'GET', '/mixed/free', {})).body.data).toBe('free');
      expect((await send(server(), 'GET', '/public', {})).body.data).toEqual(['public']);
      expect((await send(server(), 'GET', '/mixed/guarded', {})).status).toBe(400);
      expect((await send(server(), 'GET', '/public/but-signed', {})).status).toBe(400);
      expect((await signedCall(server(), 'GET', '/mixed/guarded')).response.body.data).toBe('guarded');
      expect((await signedCall(server(), 'GET', '/public/but-signed')).response.body.data).toBe('signed anyway');
    });

    it('refuses a missing header with 400 SIGN_HEADER_MISSING, naming the first one missing', async () => {
      const signed = await sign('GET', '/signed/items');
      for (const header of ['X-App-Id', 'X-Timestamp', 'X-Nonce', 'X-Signature']) {
        const headers = { ...signed.headers };
        delete headers[header];
        const res = await send(server(), 'GET', '/signed/items', headers);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'SIGN_HEADER_MISSING',
          message: `Missing signing header ${header.toLowerCase()}`,
          status: 400,
          path: '/signed/items',
          detail: { header: header.toLowerCase() },
        });
      }
      const none = await send(server(), 'GET', '/signed/items', {});
      expect(none.body.detail.header).toBe('x-app-id');
      const empty = await send(server(), 'GET', '/signed/items', { ...signed.headers, 'X-Nonce': '' });
      expect(empty.body).toMatchObject({ code: 'SIGN_HEADER_MISSING', detail: { header: 'x-nonce' } });
    });

    it('refuses malformed headers with 400 SIGN_HEADER_INVALID and says what was expected', async () => {
      const signed = await sign('GET', '/signed/items');
      const cases: [string, string, RegExp][] = [
        ['X-App-Id', 'a'.repeat(129), /1–128 visible ASCII/],
        ['X-Timestamp', '1.7e9', /whole seconds/],
        ['X-Timestamp', String(Date.now()), /whole seconds/], // milliseconds
        ['X-Timestamp', '-100', /whole seconds/],
        ['X-Nonce', 'x'.repeat(15), /16–64/],
        ['X-Nonce', 'x'.repeat(65), /16–64/],
        ['X-Signature', 'not-a-signature', /64 hex digits or 43–44 base64/],
        ['X-Signature', 'a'.repeat(63), /64 hex digits/],
      ];
      for (const [header, value, expected] of cases) {
        const res = await send(server(), 'GET', '/signed/items', { ...signed.headers, [header]: value });
        expect(res.status, `${header}: ${value}`).toBe(400);
        expect(res.body.code).toBe('SIGN_HEADER_INVALID');
        expect(res.body.detail.header).toBe(header.toLowerCase());
        expect(res.body.detail.expected).toMatch(expected);
      }
    });

    it('refuses an unknown app id and every tampered part alike: 401 SIGN_ERROR', async () => {
      const body = JSON.stringify({ amount: 1 });
      const signed = await sign('POST', '/signed/orders?x=1', { body });
      const attempts: [string, () => ReturnType<typeof send>][] = [
        [
          'unknown app id',
          () => send(server(), 'POST', '/signed/orders?x=1', { ...signed.headers, 'X-App-Id': 'app9' }, body),
        ],
        [
          'another app id',
          () => send(server(), 'POST', '/signed/orders?x=1', { ...signed.headers, 'X-App-Id': 'app2' }, body),
        ],
        ['body', () => send(server(), 'POST', '/signed/orders?x=1', signed.headers, JSON.stringify({ amount: 100 }))],
        [
          'body spacing',
          () => send(server(), 'POST', '/signed/orders?x=1', signed.headers, JSON.stringify({ amount: 1 }, null, 1)),
        ],
        ['query value', () => send(server(), 'POST', '/signed/orders?x=2', signed.headers, body)],
        ['query added', () => send(server(), 'POST', '/signed/orders?x=1&y=1', signed.headers, body)],
        ['query removed', () => send(server(), 'POST', '/signed/orders', signed.headers, body)],
        ['method', () => send(server(), 'PUT', '/signed/orders?x=1', signed.headers, body)],
        ['path', () => send(server(), 'POST', '/signed/transfers?x=1', signed.headers, body)],
        [
          'timestamp',
          () =>
            send(
              server(),
              'POST',
              '/signed/orders?x=1',
              { ...signed.headers, 'X-Timestamp': String(Number(signed.timestamp) - 1) },
              body,
            ),
        ],
        [
          'nonce',
          () =>
            send(server(), 'POST', '/signed/orders?x=1', { ...signed.headers, 'X-Nonce': `${signed.nonce}0` }, body),
        ],
        [
          'signature',
          () =>
            send(
              server(),
              'POST',
              '/signed/orders?x=1',
              { ...signed.headers, 'X-Signature': flipLastHex(signed.signature) },
              body,
            ),
        ],
      ];
      for (const [what, attempt] of attempts) {
        const res = await attempt();
        expect(res.status, what).toBe(401);
        expect(res.body, what).toMatchObject({ code: 'SIGN_ERROR', message: 'Signature verification failed' });
        expect(res.body.detail, what).toBeUndefined();
      }
      // None of them used up the nonce: the genuine request still passes.
      expect((await send(server(), 'POST', '/signed/orders?x=1', signed.headers, body)).status).toBe(201);
    });

    it('refuses a timestamp outside the window either way: 401 with the server time in detail', async () => {
      for (const offset of [-306, 306, -3600, 86_400]) {
        const before = nowSeconds();
        const { response } = await signedCall(server(), 'GET', '/signed/items', { timestamp: before + offset });
        const after = nowSeconds();
        expect(response.status, `offset ${offset}`).toBe(401);
        expect(response.body).toMatchObject({
          code: 'SIGN_TIMESTAMP_OUT_OF_WINDOW',
          message: 'Request timestamp is more than 300 seconds away from the server time',
          detail: { window: 300 },
        });
        expect(response.body.detail.serverTime).toBeGreaterThanOrEqual(before);
        expect(response.body.detail.serverTime).toBeLessThanOrEqual(after);
      }
      for (const offset of [-290, 290]) {
        const { response } = await signedCall(server(), 'GET', '/signed/items', { timestamp: nowSeconds() + offset });
        expect(response.status, `offset ${offset}`).toBe(200);
      }
    });

    it('checks the signature before the timestamp: a forged stale request is only SIGN_ERROR', async () => {
      const signed = await sign('GET', '/signed/items', { timestamp: nowSeconds() - 3600 });
      const res = await send(server(), 'GET', '/signed/items', {
        ...signed.headers,
        'X-Signature': flipLastHex(signed.signature),
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('SIGN_ERROR');
    });

    it('refuses the same request replayed: 409 SIGN_NONCE_USED, also with another body or path', async () => {
      const first = await signedCall(server(), 'POST', '/signed/orders', { body: ORDER });
      expect(first.response.status).toBe(201);
      const replay = await send(server(), 'POST', '/signed/orders', first.signed.headers, ORDER);
      expect(replay.status).toBe(409);
      expect(replay.body).toMatchObject({
        code: 'SIGN_NONCE_USED',
        status: 409,
        error: 'Conflict',
        message: 'This nonce was already used; sign the request again with a new nonce',
      });
      // A new signature with the same nonce is a replay too, whatever it covers.
      const reused = await signedCall(server(), 'GET', '/signed/items', { nonce: first.signed.nonce });
      expect(reused.response.status).toBe(409);
      // The nonce is the app's: another app may use the same one.
      const other = await signedCall(server(), 'GET', '/signed/items', {
        appId: 'app2',
        secret: SECRETS.app2,
        nonce: first.signed.nonce,
      });
      expect(other.response.status).toBe(200);
    });

    it('accepts exactly one of 50 concurrent copies of one signed request (memory store)', async () => {
      const signed = await sign('POST', '/signed/orders', { body: ORDER });
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => send(server(), 'POST', '/signed/orders', signed.headers, ORDER)),
      );
      const statuses = responses.map((res) => res.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    });

    it('answers signing failures in the negotiated language', async () => {
      const res = await send(server(), 'GET', '/signed/items', { 'Accept-Language': 'zh-CN' });
      expect(res.body.message).toBe('缺少签名请求头 x-app-id');
      const { signed } = await signedCall(server(), 'GET', '/signed/items');
      const replay = await send(server(), 'GET', '/signed/items', { ...signed.headers, 'Accept-Language': 'zh' });
      expect(replay.body.message).toBe('该随机数（nonce）已被使用，请换一个新的随机数重新签名');
    });

    it('does not sign responses unless asked', async () => {
      const { response } = await signedCall(server(), 'GET', '/signed/items');
      expect(response.headers['x-signature']).toBeUndefined();
    });
  });

  describe('with signResponses, custom header names and a 60-second window', () => {
    const headerNames = { appId: 'X-Client', timestamp: 'X-Time', nonce: 'X-Once', signature: 'X-Sig' };
    const { server } = withSigningApp(adapter, {
      secrets: SECRETS,
      window: 60,
      signResponses: true,
      headers: headerNames,
    });

    async function verified(nonce: string, res: { status: number; text: string; headers: Record<string, string> }) {
      return verifyResponseSignature({
        secret: SECRETS.app1,
        nonce,
        status: res.status,
        body: res.text,
        signature: res.headers['x-sig'],
      });
    }

    it('reads the configured header names and applies the configured window', async () => {
      const ok = await signedCall(server(), 'GET', '/signed/items', { headerNames });
      expect(ok.response.status).toBe(200);
      const defaults = await signedCall(server(), 'GET', '/signed/items');
      expect(defaults.response.body).toMatchObject({ code: 'SIGN_HEADER_MISSING', detail: { header: 'x-client' } });
      const stale = await signedCall(server(), 'GET', '/signed/items', { headerNames, timestamp: nowSeconds() - 70 });
      expect(stale.response.body).toMatchObject({ code: 'SIGN_TIMESTAMP_OUT_OF_WINDOW', detail: { window: 60 } });
    });

    it('signs success envelopes, and failures once the signer is known', async () => {
      const ok = await signedCall(server(), 'POST', '/signed/orders', { headerNames, body: ORDER });
      expect(ok.response.status).toBe(201);
      expect(ok.response.headers['x-sig']).toMatch(/^[0-9a-f]{64}$/);
      expect(await verified(ok.signed.nonce, ok.response)).toBe(true);
      // The signature covers the status, the nonce and the body.
      expect(await verified(ok.signed.nonce, { ...ok.response, status: 200 })).toBe(false);
      expect(await verified('another-nonce-0000', ok.response)).toBe(false);
      expect(
        await verified(ok.signed.nonce, { ...ok.response, text: ok.response.text.replace('TEA-1', 'TEA-2') }),
      ).toBe(false);

      // A failure after the nonce was claimed (the handler's) is this request's answer: signed.
      const conflict = await signedCall(server(), 'GET', '/signed/conflict', { headerNames });
      expect(conflict.response.status).toBe(409);
      expect(await verified(conflict.signed.nonce, conflict.response)).toBe(true);
    });

    it('does not sign before the signer is known, nor bodies it does not write', async () => {
      const missing = await send(server(), 'GET', '/signed/items', {});
      expect(missing.headers['x-sig']).toBeUndefined();
      const signed = await sign('GET', '/signed/items', { headerNames });
      const forged = await send(server(), 'GET', '/signed/items', {
        ...signed.headers,
        'X-Sig': flipLastHex(signed.signature),
      });
      expect(forged.status).toBe(401);
      expect(forged.headers['x-sig']).toBeUndefined();
      const raw = await signedCall(server(), 'GET', '/signed/raw', { headerNames });
      expect(raw.response.body).toEqual({ raw: true });
      expect(raw.response.headers['x-sig']).toBeUndefined();
    });
  });

  describe('with httpStatus always-200 and signResponses', () => {
    const { server } = withSigningApp(adapter, { secrets: SECRETS, signResponses: true }, { httpStatus: 'always-200' });

    it('signs the status that goes on the wire', async () => {
      const { response, signed } = await signedCall(server(), 'POST', '/signed/orders', { body: ORDER });
      expect(response.status).toBe(200);
      const check = {
        secret: SECRETS.app1,
        nonce: signed.nonce,
        body: response.text,
        signature: response.headers['x-signature'],
      };
      expect(await verifyResponseSignature({ ...check, status: 200 })).toBe(true);
      const replay = await send(server(), 'POST', '/signed/orders', signed.headers, ORDER);
      expect(replay.status).toBe(200);
      expect(replay.body.code).toBe('SIGN_NONCE_USED');
      // The replay did not claim the nonce: its answer carries no signature for it.
      expect(replay.headers['x-signature']).toBeUndefined();
    });
  });

  describe('with format problem+json', () => {
    const { server } = withSigningApp(adapter, { secrets: SECRETS }, { format: 'problem+json' });

    it('renders signing failures as RFC 9457, with the signing code', async () => {
      const res = await send(server(), 'GET', '/signed/items', {});
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Missing signing header x-app-id',
        instance: '/signed/items',
        code: 'SIGN_HEADER_MISSING',
      });
      const stale = await signedCall(server(), 'GET', '/signed/items', { timestamp: nowSeconds() - 400 });
      expect(stale.response.body).toMatchObject({
        status: 401,
        code: 'SIGN_TIMESTAMP_OUT_OF_WINDOW',
        context: { window: 300, serverTime: expect.any(Number) as number },
      });
    });
  });

  describe('with signing.global', () => {
    const { server } = withSigningApp(adapter, { secrets: SECRETS, global: true });

    it('signs every route except @Unsigned() ones, and verifies a @Signed() route once', async () => {
      expect((await send(server(), 'GET', '/mixed/free', {})).status).toBe(400);
      expect((await signedCall(server(), 'GET', '/mixed/free')).response.body.data).toBe('free');
      expect((await send(server(), 'GET', '/public', {})).body.data).toEqual(['public']);
      expect((await send(server(), 'GET', '/signed/open', {})).body.data).toBe('open');
      // Global guard and the route's own @Signed() guard: one nonce claim, so no false replay.
      expect((await signedCall(server(), 'GET', '/mixed/guarded')).response.status).toBe(200);
      expect((await signedCall(server(), 'GET', '/public/but-signed')).response.status).toBe(200);
    });

    it('answers unknown routes with 404, not a signing failure', async () => {
      expect((await send(server(), 'GET', '/no/such/route', {})).status).toBe(404);
    });
  });

  describe('with forRootAsync', () => {
    it('applies signing.global from the factory, and passes everything through without it', async () => {
      const global = await createTestApp(
        adapter,
        [asyncSigningAppModule(() => Promise.resolve({ signing: { secrets: SECRETS, global: true } }))],
        undefined,
        { rawBody: true },
      );
      const plain = await createTestApp(
        adapter,
        [asyncSigningAppModule(() => ({ signing: { secrets: SECRETS } }))],
        undefined,
        { rawBody: true },
      );
      try {
        expect((await send(global.app.getHttpServer(), 'GET', '/mixed/free', {})).status).toBe(400);
        expect((await signedCall(global.app.getHttpServer(), 'GET', '/mixed/free')).response.status).toBe(200);
        expect((await send(plain.app.getHttpServer(), 'GET', '/mixed/free', {})).status).toBe(200);
        expect((await send(plain.app.getHttpServer(), 'GET', '/mixed/guarded', {})).status).toBe(400);
        expect((await signedCall(plain.app.getHttpServer(), 'GET', '/mixed/guarded')).response.status).toBe(200);
      } finally {
        await global.app.close();
        await plain.app.close();
      }
    });
  });

  describe('without rawBody', () => {
    const { server, t } = withSigningApp(adapter, { secrets: SECRETS }, {}, false);

    it('refuses a signed request with a body: 500, and the log says to create the app with rawBody', async () => {
      const { response } = await signedCall(server(), 'POST', '/signed/orders', { body: ORDER });
      expect(response.status).toBe(500);
      expect(response.body.message).toBe('Internal server error');
      expect(response.text).not.toContain('rawBody');
      const logged = t()
        .logger.of('error')
        .map((entry) => `${entry.message} ${entry.extra.map(String).join(' ')}`)
        .join('\n');
      expect(logged).toContain('SigningSetupError');
      expect(logged).toContain('{ rawBody: true }');
    });

    it('still verifies requests without a body', async () => {
      expect((await signedCall(server(), 'GET', '/signed/items?a=1')).response.status).toBe(200);
    });
  });

  describe('with a nonce store that fails', () => {
    const failing: NonceStore = { claim: () => Promise.reject(new Error('connection refused')) };
    const { server, t } = withSigningApp(adapter, { secrets: SECRETS, nonceStore: failing });

    it('refuses the request with 503 SIGN_NONCE_STORE_UNAVAILABLE and logs it once, with the cause', async () => {
      const before = t().logger.entries.length;
      const { response } = await signedCall(server(), 'GET', '/signed/items?a=1');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'SIGN_NONCE_STORE_UNAVAILABLE', status: 503 });
      expect(response.text).not.toContain('connection refused');
      const logged = t().logger.entries.slice(before);
      expect(logged.filter((entry) => entry.level !== 'log')).toHaveLength(1);
      const [entry] = logged.filter((e) => e.level === 'error');
      expect(entry.message).toMatch(
        /^GET \/signed\/items 503 \[requestId=[0-9a-f-]{36}\] code=SIGN_NONCE_STORE_UNAVAILABLE BusinessException$/,
      );
      expect(entry.extra.map(String).join('\n')).toMatch(/Caused by: Error: connection refused/);
    });
  });

  it('refuses to start when @Signed() is used without signing options', async () => {
    await expect(createTestApp(adapter, [signingAppModule(undefined)])).rejects.toThrow(
      /@Signed\(\) is used, but ResponseModule has no `signing` options/,
    );
  });
});

describe('signing options at start-up', () => {
  it('stops forRoot and forRootAsync on a bad signing option, naming it', async () => {
    expect(() => ResponseModule.forRoot({ signing: { secrets: SECRETS, window: 0 } })).toThrow(
      'ResponseModule: signing.window must be a positive integer (got 0)',
    );
    const factory = () => ({ signing: { secrets: { app1: 'short' } } });
    await expect(createTestApp('express', [asyncSigningAppModule(factory)])).rejects.toThrow(
      'ResponseModule: signing.secrets.app1 must be a string of at least 16 characters (got a string of 5 characters)',
    );
  });
});

describe('a @Signed() route in a feature module', () => {
  @Signed()
  @Controller('feature')
  class FeatureController {
    @Get()
    get() {
      return 'feature';
    }
  }
  @Module({ controllers: [FeatureController] })
  class FeatureModule {}

  it('gets the guard from the global ResponseModule', async () => {
    const t = await createTestApp('express', [
      ResponseModule.forRoot({ signing: { secrets: SECRETS } }),
      FeatureModule,
    ]);
    try {
      expect((await send(t.app.getHttpServer(), 'GET', '/feature', {})).status).toBe(400);
      expect((await signedCall(t.app.getHttpServer(), 'GET', '/feature')).response.body.data).toBe('feature');
    } finally {
      await t.app.close();
    }
  });
});

function flipLastHex(signature: string): string {
  const last = signature.at(-1);
  return signature.slice(0, -1) + (last === '0' ? '1' : '0');
}
