import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { RedisNonceStore, type RedisSetNxClient } from '../../src/redis/index.js';
import { SECRETS, signingAppModule } from '../fixtures/signing.app.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';
import { send, sign, signedCall } from './signed-request.js';

// A real redis-server, started for this file. If it cannot start, every test that needs it fails with the
// reason (a throwing beforeAll would only mark them skipped).
let redis: RedisServer | undefined;
let redisFailure: unknown;
const clients: Redis[] = [];
beforeAll(async () => {
  try {
    redis = await startRedisServer();
  } catch (error) {
    redisFailure = error;
  }
}, 20_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  await redis?.stop();
});

function requireRedis(): RedisServer {
  if (redis === undefined) throw redisFailure;
  return redis;
}

function connect(): Redis {
  const client = requireRedis().connect();
  clients.push(client);
  return client;
}

/** A client for a port nothing listens on: every command fails at once, and it does not retry. */
async function unreachable(): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const client = new Redis({
    port: 1,
    host: '127.0.0.1',
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // the refusal is what these tests expect; keep it out of the log
  return client;
}

describe('RedisNonceStore on a real redis-server', () => {
  it('takes ioredis Redis and Cluster clients as they are typed (checked by tsc)', () => {
    expectTypeOf<Redis>().toExtend<RedisSetNxClient>();
    expectTypeOf<Cluster>().toExtend<RedisSetNxClient>();
    // node-redis takes SET options as an object: it does not fit (wrap it in an adapter of your own).
    type NodeRedisSet = { set(key: string, value: string, options: { NX: true; EX: number }): Promise<string | null> };
    expectTypeOf<NodeRedisSet>().not.toExtend<RedisSetNxClient>();
  });

  it('claims a key once, with SET NX EX: the TTL it was given, under its prefix', async () => {
    const client = connect();
    const prefix = `test-${randomUUID()}:`;
    const store = new RedisNonceStore(client, { prefix });
    expect(await store.claim('app1 nonce-1', 301)).toBe(true);
    expect(await store.claim('app1 nonce-1', 301)).toBe(false);
    expect(await store.claim('app2 nonce-1', 301)).toBe(true);
    expect(await client.get(`${prefix}app1 nonce-1`)).toBe('1');
    expect(await client.ttl(`${prefix}app1 nonce-1`)).toBeGreaterThanOrEqual(300);
    expect(await client.ttl(`${prefix}app1 nonce-1`)).toBeLessThanOrEqual(301);
  });

  it('uses nest-envelope:nonce: as the default prefix, and forgets a key when it expires', async () => {
    const client = connect();
    const store = new RedisNonceStore(client);
    const key = `app1 ${randomUUID()}`;
    expect(await store.claim(key, 60)).toBe(true);
    expect(await client.exists(`nest-envelope:nonce:${key}`)).toBe(1);
    // Expire it now instead of waiting: the next claim is a first use again.
    await client.pexpire(`nest-envelope:nonce:${key}`, 1);
    await new Promise((done) => setTimeout(done, 5));
    expect(await store.claim(key, 60)).toBe(true);
  });

  it('gives exactly one of 50 concurrent claims from two connections', async () => {
    const prefix = `test-${randomUUID()}:`;
    const stores = [new RedisNonceStore(connect(), { prefix }), new RedisNonceStore(connect(), { prefix })];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => stores[i % 2].claim('app1 same', 300)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('rejects when Redis cannot be reached, so the request is refused', async () => {
    const down = await unreachable();
    try {
      await expect(new RedisNonceStore(down).claim('app1 x', 60)).rejects.toThrow();
    } finally {
      down.disconnect();
    }
  });
});

/** Two app instances (adapters given) sharing one Redis nonce namespace, each with its own connection. */
function twoInstances(adapters: [AdapterName, AdapterName]) {
  const apps: TestApp[] = [];
  beforeAll(async () => {
    if (redis === undefined) return; // each test reports why
    const prefix = `test-${randomUUID()}:`;
    for (const adapter of adapters) {
      const nonceStore = new RedisNonceStore(connect(), { prefix });
      apps.push(
        await createTestApp(adapter, [signingAppModule({ secrets: SECRETS, nonceStore })], undefined, {
          rawBody: true,
        }),
      );
    }
  });
  afterAll(() => Promise.all(apps.map((t) => t.app.close())));
  return (): [App, App] => {
    requireRedis();
    return [apps[0].app.getHttpServer(), apps[1].app.getHttpServer()];
  };
}

const BODY = JSON.stringify({ sku: 'TEA-1', quantity: 1 });

describe.each(ADAPTERS)('two %s instances sharing one Redis', (adapter) => {
  const servers = twoInstances([adapter, adapter]);

  it('accept a nonce once between them, whichever gets it first', async () => {
    const [a, b] = servers();
    const first = await signedCall(a, 'POST', '/signed/orders', { body: BODY });
    expect(first.response.status).toBe(201);
    const replay = await send(b, 'POST', '/signed/orders', first.signed.headers, BODY);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('SIGN_NONCE_USED');

    const second = await signedCall(b, 'GET', '/signed/items?a=1');
    expect(second.response.status).toBe(200);
    expect((await send(a, 'GET', '/signed/items?a=1', second.signed.headers)).status).toBe(409);
  });

  it('accept exactly one of 50 concurrent copies sent to both', async () => {
    const [a, b] = servers();
    const signed = await sign('POST', '/signed/orders', { body: BODY });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(i % 2 ? b : a, 'POST', '/signed/orders', signed.headers, BODY)),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
  });
});

describe('an Express and a Fastify instance sharing one Redis', () => {
  const servers = twoInstances(['express', 'fastify']);

  it('accept exactly one of 50 concurrent copies sent to both', async () => {
    const [express, fastify] = servers();
    const signed = await sign('GET', '/signed/items?b=2&a=1');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(i % 2 ? fastify : express, 'GET', '/signed/items?b=2&a=1', signed.headers),
      ),
    );
    expect(responses.filter((res) => res.status === 200)).toHaveLength(1);
    expect(responses.filter((res) => res.status === 409)).toHaveLength(49);
  });
});

describe.each(ADAPTERS)('a %s instance whose Redis is down', (adapter) => {
  let t: TestApp;
  let down: Redis;
  beforeAll(async () => {
    down = await unreachable();
    t = await createTestApp(
      adapter,
      [signingAppModule({ secrets: SECRETS, nonceStore: new RedisNonceStore(down) })],
      undefined,
      {
        rawBody: true,
      },
    );
  });
  afterAll(async () => {
    await t.app.close();
    down.disconnect();
  });

  it('refuses signed requests with 503, never lets them through', async () => {
    const { response } = await signedCall(t.app.getHttpServer(), 'GET', '/signed/items');
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('SIGN_NONCE_STORE_UNAVAILABLE');
  });
});
