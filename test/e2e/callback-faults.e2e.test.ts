import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineCodes, type NonceStore, type ResponseOptions } from '../../src/index.js';
import { callbacksAppModule } from '../fixtures/callbacks.app.js';
import { signingAppModule } from '../fixtures/signing.app.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';
import { signedCall } from './signed-request.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOT_FOUND_EN = 'Not Found';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

async function boot(adapter: AdapterName, options: ResponseOptions): Promise<TestApp> {
  return createTestApp(adapter, [callbacksAppModule(options)], (app: INestApplication<App>) =>
    app.setGlobalPrefix('api'),
  );
}

/** The log lines about one callback: exactly what a team would grep for. */
function linesAbout(t: TestApp, callback: string) {
  return t.logger.entries.filter((entry) => entry.message.includes(callback));
}

describe.each(ADAPTERS)('option callbacks that fail, on %s', (adapter) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.app.close();
    t = undefined;
  });
  const http = () => request(t!.app.getHttpServer());

  it('a requestId.generate that throws: every request is answered with a random UUID, one log line', async () => {
    let calls = 0;
    t = await boot(adapter, {
      requestId: {
        generate: () => {
          calls++;
          throw new Error('id service down');
        },
      },
    });
    const first = await http().get('/api/items/7').expect(200);
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(first.body).toEqual({ code: 0, message: 'OK', data: { id: '7' } });
    const second = await http().get('/api/items/missing').set('X-Request-Id', 'has space').expect(404);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(second.body.requestId).toBe(second.headers['x-request-id']);
    const kept = await http().get('/api/items/8').set('X-Request-Id', 'client-id-1').expect(200);
    expect(kept.headers['x-request-id']).toBe('client-id-1');
    expect(calls).toBe(2);
    const lines = linesAbout(t, 'requestId.generate');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error' });
    expect(lines[0]?.message).toContain('requestId.generate threw; a random UUID is used instead');
    expect(String(lines[0]?.extra[0])).toContain('id service down');
  });

  it.each([
    ['a number', () => 42, 'returned a number'],
    ['an id with a space', () => 'not valid', 'returned a string of 9 characters'],
    ['a 200-character id', () => 'x'.repeat(200), 'returned a string of 200 characters'],
    ['a Promise that rejects', () => Promise.reject(new Error('async generator')), 'returned a Promise'],
  ])('a requestId.generate that returns %s: a random UUID, one log line', async (_label, generate, problem) => {
    t = await boot(adapter, { requestId: { generate: generate as () => string } });
    for (let i = 0; i < 3; i++) {
      const res = await http().get(`/api/items/${i}`).expect(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    const lines = linesAbout(t, 'requestId.generate');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toContain(problem);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('a locale.resolve that throws: the Accept-Language header decides, one log line', async () => {
    t = await boot(adapter, {
      locale: {
        resolve: () => {
          throw new TypeError('no session');
        },
      },
    });
    const zh = await http().get('/api/items/missing').set('Accept-Language', 'zh-CN').expect(404);
    expect(zh.body.message).toBe('实体数据不存在');
    const en = await http().get('/api/items/missing').expect(404);
    expect(en.body.message).toBe(NOT_FOUND_EN);
    await http().get('/api/items/1').expect(200);
    const lines = linesAbout(t, 'locale.resolve');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toContain('locale.resolve threw; the accept-language header decides instead');
    expect(String(lines[0]?.extra[0])).toContain('TypeError: no session');
  });

  it.each([
    ['a number', () => 7, 'returned a number'],
    ['an object', () => ({ lang: 'zh-CN' }), 'returned an object'],
    ['a 1 000-character string', () => 'zh-'.repeat(333) + 'C', 'returned a string of 1000 characters'],
    ['a Promise that rejects', () => Promise.reject(new Error('async resolver')), 'returned a Promise'],
  ])('a locale.resolve that returns %s: the header decides, one log line', async (_label, resolve, problem) => {
    t = await boot(adapter, { locale: { resolve: resolve as () => string } });
    for (const [language, message] of [
      ['zh-CN', '实体数据不存在'],
      ['en', NOT_FOUND_EN],
      ['zh', '实体数据不存在'],
    ]) {
      const res = await http().get('/api/items/missing').set('Accept-Language', language).expect(404);
      expect(res.body.message).toBe(message);
    }
    const lines = linesAbout(t, 'locale.resolve');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toContain(problem);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('a codeRule that throws stops start-up with an error naming the option and the code', async () => {
    const Codes = defineCodes({ ITEM_GONE: { code: 'ITEM_GONE', status: 410, message: 'gone' } }, { name: 'Items' });
    const started = boot(adapter, {
      codes: [Codes],
      codeRule: () => {
        throw new Error('rule bug');
      },
    });
    await expect(started).rejects.toThrow(/the codeRule option threw for Items\.ITEM_GONE \("ITEM_GONE"\): rule bug/);
  });

  it('a codeRule that answers neither text nor undefined stops start-up, naming the option', async () => {
    const Codes = defineCodes({ ITEM_GONE: { code: 'ITEM_GONE', status: 410, message: 'gone' } }, { name: 'Items' });
    const started = boot(adapter, { codes: [Codes], codeRule: (() => false) as never });
    await expect(started).rejects.toThrow(/the codeRule option returned boolean for Items\.ITEM_GONE/);
  });

  it('a nonce store whose claim throws synchronously: 503 in the envelope, and the next request is answered', async () => {
    const store: NonceStore = {
      claim: () => {
        throw new Error('store exploded synchronously');
      },
    };
    t = await createTestApp(adapter, [
      signingAppModule({ secrets: { app1: 'app1-secret-0123456789abcdef' }, nonceStore: store }),
    ]);
    for (let i = 0; i < 2; i++) {
      const { response } = await signedCall(t.app.getHttpServer(), 'GET', '/signed/items');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'SIGN_NONCE_STORE_UNAVAILABLE', status: 503 });
      expect(response.text).not.toContain('exploded');
    }
    await request(t.app.getHttpServer()).get('/public').expect(200);
  });
});
