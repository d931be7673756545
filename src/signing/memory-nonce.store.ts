import type { NonceStore } from './nonce-store.interface.js';

/**
 * Options of `MemoryNonceStore`.
 *
 * @example
 * new MemoryNonceStore({ maxEntries: 1_000_000 });
 */
export interface MemoryNonceStoreOptions {
  /** Nonces kept at most (default 100 000); when all are inside their window, new claims are refused. */
  maxEntries?: number;
  /** The clock in milliseconds (default `Date.now`); tests pass their own. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * The default nonce store: a `Map` in this process. Entries expire with their TTL and are dropped lazily on
 * later claims (no timer, so nothing keeps the process alive). When `maxEntries` unexpired nonces are held,
 * claims reject (the request gets 503) rather than forget a nonce that could then be replayed.
 * One process only: behind a load balancer, share a `RedisNonceStore` (`nest-envelope/redis`).
 *
 * @example
 * ResponseModule.forRoot({ signing: { secrets, nonceStore: new MemoryNonceStore({ maxEntries: 500_000 }) } });
 */
export class MemoryNonceStore implements NonceStore {
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** A lower bound of the earliest expiry held, so a full store is swept only when something may have expired. */
  private earliestExpiry = Infinity;

  constructor(options: MemoryNonceStoreOptions = {}) {
    const max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`MemoryNonceStore: maxEntries must be a positive integer (got ${String(max)})`);
    }
    this.maxEntries = max;
    this.now = options.now ?? Date.now;
  }

  /**
   * How many nonces are held, expired ones not yet dropped included.
   *
   * @example
   * metrics.gauge('nonces', store.size);
   */
  get size(): number {
    return this.expiries.size;
  }

  /**
   * @example
   * await store.claim('app1 c0ffee…', 301); // true the first time, false after
   */
  claim(key: string, ttlSeconds: number): Promise<boolean> {
    try {
      return Promise.resolve(this.claimNow(key, ttlSeconds));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private claimNow(key: string, ttlSeconds: number): boolean {
    const now = this.now();
    this.dropExpiredHead(now);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined) {
      if (expiry > now) return false;
      this.expiries.delete(key);
    }
    if (this.expiries.size >= this.maxEntries) this.makeRoom(now);
    const expiresAt = now + ttlSeconds * 1000;
    this.expiries.set(key, expiresAt);
    if (expiresAt < this.earliestExpiry) this.earliestExpiry = expiresAt;
    return true;
  }

  /** Insertion order is nearly expiry order (TTLs differ only by client clock skew): drop the expired head. */
  private dropExpiredHead(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(key);
    }
  }

  private makeRoom(now: number): void {
    if (now >= this.earliestExpiry) {
      let earliest = Infinity;
      for (const [key, expiry] of this.expiries) {
        if (expiry <= now) this.expiries.delete(key);
        else if (expiry < earliest) earliest = expiry;
      }
      this.earliestExpiry = earliest;
    }
    if (this.expiries.size >= this.maxEntries) {
      throw new Error(
        `MemoryNonceStore is full: ${this.maxEntries} nonces are inside their window; raise maxEntries or share a RedisNonceStore`,
      );
    }
  }
}
