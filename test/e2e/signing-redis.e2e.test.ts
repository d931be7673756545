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

describe('RedisNonceStore with the ioredis settings docs/signing.md gives for production', () => {
  it('fails a claim fast while Redis is paused and once it is stopped, without the guard’s bound', async () => {
    requireRedis();
    const own = await startRedisServer();
    const { Redis } = await import('ioredis');
    // The settings of docs/signing.md ("Nonce stores").
    const client = new Redis({
      port: own.port,
      host: '127.0.0.1',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    });
    client.on('error', () => {});
    const admin = own.connect();
    admin.on('error', () => {});
    const store = new RedisNonceStore(client, { prefix: `test-${randomUUID()}:` });
    const timedClaim = async () => {
      const started = performance.now();
      const outcome = await store.claim(`app1 ${randomUUID()}`, 60).then(String, () => 'rejected');
      return { outcome, ms: performance.now() - started };
    };
    try {
      // Without an offline queue, commands sent before the connection is ready fail too.
      if (client.status !== 'ready') await new Promise((done) => client.once('ready', done));
      expect((await timedClaim()).outcome).toBe('true');
      await admin.call('CLIENT', 'PAUSE', '3000', 'WRITE');
      const paused = await timedClaim();
      await admin.call('CLIENT', 'UNPAUSE');
      expect(paused.outcome).toBe('rejected');
      expect(paused.ms).toBeLessThan(900); // commandTimeout: 500
      await own.stop();
      await new Promise((done) => setTimeout(done, 100)); // the client notices the closed connection
      const stopped = await timedClaim();
      expect(stopped.outcome).toBe('rejected');
      expect(stopped.ms).toBeLessThan(100); // no offline queue: at once
    } finally {
      client.disconnect();
      admin.disconnect();
      await own.stop();
    }
  }, 20_000);
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

/**
 * A Redis of its own that the test pauses and then stops, behind an ioredis client with its default settings (offline
 * queue on, 20 retries per request: the set-up of the report that measured 32–40 s). The guard's bound holds anyway.
 */
describe.each(ADAPTERS)('a %s instance whose Redis pauses, then stops', (adapter) => {
  let own: RedisServer | undefined;
  let client: Redis | undefined;
  let admin: Redis | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    if (redis === undefined) return; // each test reports why
    own = await startRedisServer();
    const { Redis } = await import('ioredis');
    client = new Redis({ port: own.port, host: '127.0.0.1' });
    client.on('error', () => {}); // refusals are what these tests expect
    admin = own.connect();
    admin.on('error', () => {});
    const nonceStore = new RedisNonceStore(client, { prefix: `test-${randomUUID()}:` });
    t = await createTestApp(adapter, [signingAppModule({ secrets: SECRETS, nonceStore })], undefined, {
      rawBody: true,
    });
  }, 20_000);
  afterAll(async () => {
    await t?.app.close();
    client?.disconnect();
    admin?.disconnect();
    await own?.stop();
  });

  async function timedCall(): Promise<{ status: number; code: unknown; ms: number }> {
    const started = performance.now();
    const { response } = await signedCall(t!.app.getHttpServer(), 'GET', '/signed/items');
    return { status: response.status, code: response.body.code, ms: Math.round(performance.now() - started) };
  }

  it('answers 503 within about a second while Redis is paused (CLIENT PAUSE … WRITE), then serves again', async () => {
    requireRedis();
    expect((await timedCall()).status).toBe(200);
    await admin!.call('CLIENT', 'PAUSE', '4000', 'WRITE');
    try {
      const paused = await timedCall();
      console.info(`${adapter}: Redis paused → ${paused.status} in ${paused.ms} ms`);
      expect([paused.status, paused.code]).toEqual([503, 'SIGN_NONCE_STORE_UNAVAILABLE']);
      expect(paused.ms).toBeGreaterThanOrEqual(990);
      expect(paused.ms).toBeLessThan(2000);
    } finally {
      await admin!.call('CLIENT', 'UNPAUSE');
    }
    expect((await timedCall()).status).toBe(200);
  });

  it('answers 503 within about a second once Redis is stopped', async () => {
    requireRedis();
    await own!.stop();
    for (let attempt = 0; attempt < 2; attempt++) {
      const stopped = await timedCall();
      console.info(`${adapter}: Redis stopped → ${stopped.status} in ${stopped.ms} ms`);
      expect([stopped.status, stopped.code]).toEqual([503, 'SIGN_NONCE_STORE_UNAVAILABLE']);
      expect(stopped.ms).toBeLessThan(2000);
    }
  });
});
