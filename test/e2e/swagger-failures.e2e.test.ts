import SwaggerParser from '@apidevtools/swagger-parser';
import request, { type Response } from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootSample, type SampleUnderTest, STYLES } from '../contract/sample-under-test.js';
import { type Json, ServedContract } from '../support/served-contract.js';
import { exampleProblems } from '../support/served-examples.js';
import { ADAPTERS } from './harness.js';
import { type Method, nowSeconds, send, signAsSample } from './signed-request.js';

const json = (http: App, path: string, body: string, type = 'application/json') =>
  request(http).post(path).set('Content-Type', type).send(body);

/** Signs as the sample app; `send()` sends that signed request (again, for a replay). */
async function signed(http: App, method: Method, url: string, body?: string, contentType?: string) {
  const { headers } = await signAsSample(method, url, { body, contentType });
  return { headers, send: () => send(http, method, url, headers, body, contentType) };
}

describe.each(ADAPTERS)('every real answer of the sample app validates against its document on %s', (adapter) => {
  describe.each(STYLES)('in the %s failure style', (style) => {
    let sample: SampleUnderTest;
    let http: App;
    let contract: ServedContract;
    const validationStatus = style === 'problem' ? 422 : 400;
    beforeAll(async () => {
      sample = await bootSample(style, adapter);
      http = sample.t.app.getHttpServer();
      contract = await ServedContract.load(sample.document);
    });
    afterAll(() => sample?.close());

    /** Checks the status is one of `statuses`, and the whole answer against the document. */
    function expectDocumented(method: string, template: string, response: Response, statuses: number[]): Response {
      const where = `${method} ${template}: ${response.status} ${response.text.slice(0, 200)}`;
      expect(statuses, where).toContain(response.status);
      expect(contract.problems(method, template, response), where).toEqual([]);
      return response;
    }

    it('successes and declared business failures', async () => {
      expectDocumented('get', '/orders', await request(http).get('/orders'), [200]);
      expectDocumented('get', '/orders/{id}', await request(http).get('/orders/9007199254740993'), [200]);
      expectDocumented('get', '/orders/{id}', await request(http).get('/orders/5'), [404]);
      const create = (body: string) => json(http, '/orders', body);
      expectDocumented('post', '/orders', await create('{"sku":"TEA-1","quantity":1}'), [201]);
      expectDocumented('post', '/orders', await create('{"sku":"CUP-2","quantity":5}'), [409]);
      expectDocumented('delete', '/orders/{id}', await request(http).delete('/orders/9007199254740994'), [423]);
      expectDocumented('delete', '/orders/{id}', await request(http).delete('/orders/5'), [404]);
      expectDocumented('get', '/users/{id}', await request(http).get('/users/9'), [404]);
      expectDocumented('get', '/users', await request(http).get('/users'), [200]);
    });

    it('a crash is the documented 500, as JSON and as the HTML page', async () => {
      const crash = expectDocumented('get', '/health/crash', await request(http).get('/health/crash'), [500]);
      expect(crash.body.code).toBe(style === 'wechat' ? 'SYSTEM_ERROR' : 500);
      const page = await request(http).get('/health/crash').set('Accept', 'text/html');
      expectDocumented('get', '/health/crash', page, [500]);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const missing = await request(http).get('/orders/5').set('Accept', 'text/html');
      expectDocumented('get', '/orders/{id}', missing, [404]);
    });

    it('bodies the server cannot read or will not validate: malformed, empty, not an object, too large, 415', async () => {
      const invalid = await json(http, '/orders', '{"sku":"T","quantity":0}');
      expectDocumented('post', '/orders', invalid, [validationStatus]);
      const malformed = expectDocumented('post', '/orders', await json(http, '/orders', '{"sku":'), [400]);
      expect(Object.keys(malformed.body)).not.toContain(style === 'wechat' ? 'details' : 'errors');
      expectDocumented('post', '/orders', await json(http, '/orders', ''), [400, validationStatus]);
      expectDocumented('post', '/orders', await json(http, '/orders', 'null'), [validationStatus]);
      const huge = JSON.stringify({ sku: 'TEA-1', quantity: 1, note: 'x'.repeat(1_100_000) });
      expectDocumented('post', '/orders', await json(http, '/orders', huge), [413]);
      const many = JSON.stringify({ sku: 'TEA-1', quantity: 1, values: Array.from({ length: 6000 }, (_, i) => i) });
      const tooMany = expectDocumented('post', '/orders', await json(http, '/orders', many), [413]);
      expect(Object.keys(tooMany.body)).toContain(style === 'wechat' ? 'details' : 'errors');
      // Fastify refuses a type it has no parser for; Express refuses a charset or encoding body-parser cannot read.
      const xml = await json(http, '/orders', '<order/>', 'application/xml');
      expectDocumented('post', '/orders', xml, adapter === 'fastify' ? [415] : [validationStatus]);
      const latin = await json(http, '/orders', '{"sku":"TEA-1","quantity":1}', 'application/json; charset=latin-9');
      expectDocumented('post', '/orders', latin, adapter === 'express' ? [415] : [201]);
      const compressed = await json(http, '/orders', '{"sku":"TEA-1","quantity":1}').set(
        'Content-Encoding',
        'compress',
      );
      expectDocumented('post', '/orders', compressed, adapter === 'express' ? [415] : [201]);
      const page = await json(http, '/orders', '{"sku":').set('Accept', 'text/html');
      expectDocumented('post', '/orders', page, [400]);
    });

    it('signed routes: each signing failure, and the signed answers with their signature header', async () => {
      const list = '/transfers?currency=EUR';
      const none = expectDocumented('get', '/transfers', await request(http).get(list), [400]);
      expect(none.body.code).toBe('SIGN_HEADER_MISSING');
      const good = await signed(http, 'GET', list);
      const bad = { ...good.headers, 'X-Nonce': 'f'.repeat(32) };
      const forged = expectDocumented('get', '/transfers', await send(http, 'GET', list, bad), [401]);
      expect(forged.body.code).toBe('SIGN_ERROR');
      const malformed = { ...good.headers, 'X-Timestamp': 'soon' };
      const badHeader = expectDocumented('get', '/transfers', await send(http, 'GET', list, malformed), [400]);
      expect(badHeader.body.code).toBe('SIGN_HEADER_INVALID');
      const ok = expectDocumented('get', '/transfers', await good.send(), [200]);
      expect(ok.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
      const replay = expectDocumented('get', '/transfers', await good.send(), [409]);
      expect(replay.body.code).toBe('SIGN_NONCE_USED');
      const stale = await signAsSample('GET', list, { timestamp: nowSeconds() - 3600 });
      const late = expectDocumented('get', '/transfers', await send(http, 'GET', list, stale.headers), [401]);
      expect(late.body.code).toBe('SIGN_TIMESTAMP_OUT_OF_WINDOW');
      const body = '{"to":"bob","amount":25,"currency":"EUR"}';
      const created = expectDocumented(
        'post',
        '/transfers',
        await (await signed(http, 'POST', '/transfers', body)).send(),
        [201],
      );
      expect(created.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
      const text = await (await signed(http, 'POST', '/transfers', 'to bob', 'text/plain')).send();
      expect(expectDocumented('post', '/transfers', text, [415]).body.code).toBe('SIGN_BODY_UNREADABLE');
      const broken = await (await signed(http, 'POST', '/transfers', '{"to":')).send();
      expectDocumented('post', '/transfers', broken, [400]);
      expectDocumented('get', '/transfers/rates', await request(http).get('/transfers/rates'), [200]);
    });

    it('is a valid OpenAPI document in this style (swagger-parser)', async () => {
      await expect(SwaggerParser.validate(structuredClone(sample.document) as never)).resolves.toBeDefined();
    });

    it('documents signed operations with their security, and every example validates against its schema', () => {
      const signedIds = ['TransfersController_list', 'TransfersController_create'];
      const document = contract.document;
      for (const item of Object.values<Json>(document.paths))
        for (const operation of Object.values<Json>(item)) {
          const security = signedIds.includes(operation.operationId)
            ? [expect.objectContaining({ SigningNonce: [] })]
            : undefined;
          expect(operation.security, operation.operationId).toEqual(security);
          expect(Object.keys(operation.responses), operation.operationId).toContain('500');
        }
      expect(document.components.securitySchemes.SigningSignature).toMatchObject({ in: 'header', name: 'x-signature' });
      const examples = exampleProblems(contract);
      expect(examples.problems).toEqual([]);
      expect(examples.checked).toBeGreaterThan(40);
    });
  });
});
