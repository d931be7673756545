import type { NonceStore } from '../signing/nonce-store.interface.js';

/**
 * The one Redis command the store sends, as ioredis (`Redis` and `Cluster`) types it. Structural, so this
 * entry has no import of ioredis at all: the app creates, configures and closes its own client.
 *
 * @example
 * const client: RedisSetNxClient = new Redis(process.env.REDIS_URL!); // or new Cluster([...])
 */
export interface RedisSetNxClient {
  set(key: string, value: string, secondsToken: 'EX', seconds: number, nx: 'NX'): Promise<'OK' | null>;
}

/**
 * Options of `RedisNonceStore`.
 *
 * @example
 * new RedisNonceStore(redis, { prefix: 'orders-api:nonce:' });
 */
export interface RedisNonceStoreOptions {
  /** Prepended to every key; default `'nest-envelope:nonce:'`. */
  prefix?: string;
}

/**
 * A nonce store shared by every instance of an API: one atomic `SET key 1 NX EX ttl` per signed request,
 * so of two instances receiving the same request at once, exactly one gets `OK`. A Redis error rejects the
 * claim and the request is refused (503), never accepted.
 *
 * @example
 * import { Redis } from 'ioredis';
 * import { RedisNonceStore } from 'nest-envelope/redis';
 *
 * ResponseModule.forRoot({ signing: { secrets, nonceStore: new RedisNonceStore(new Redis(process.env.REDIS_URL!)) } });
 */
export class RedisNonceStore implements NonceStore {
  private readonly prefix: string;

  constructor(
    private readonly client: RedisSetNxClient,
    options: RedisNonceStoreOptions = {},
  ) {
    this.prefix = options.prefix ?? 'nest-envelope:nonce:';
  }

  /**
   * @example
   * await store.claim('app1 c0ffee…', 301); // true once across all instances, then false until it expires
   */
  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.client.set(this.prefix + key, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }
}
