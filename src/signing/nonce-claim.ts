import type { NonceStore } from './nonce-store.interface.js';

/**
 * The nonce store did not settle a claim in time (`signing.nonceStoreTimeout`): the request is refused (503),
 * and a claim that succeeds later only burns a nonce the client will not reuse.
 *
 * @example
 * throw new NonceStoreTimeoutError(1000);
 */
export class NonceStoreTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the nonce store did not answer within ${timeoutMs} ms`);
    this.name = 'NonceStoreTimeoutError';
  }
}

/**
 * `store.claim(key, ttl)`, bounded: resolves `true` only for a claim that resolved `true` within `timeoutMs`, rejects
 * with the store's error, a throw of `claim` itself, or a `NonceStoreTimeoutError`. A late settlement is ignored
 * (and a late rejection handled), so a hung store never holds a request or leaks an unhandled rejection.
 *
 * @example
 * await claimWithin(store, 'app1 c0ffee…', 301, 1000); // true, false, or a rejection within about a second
 */
export function claimWithin(store: NonceStore, key: string, ttlSeconds: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new NonceStoreTimeoutError(timeoutMs)), timeoutMs);
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      finish();
    };
    let claim: Promise<boolean>;
    try {
      claim = Promise.resolve(store.claim(key, ttlSeconds));
    } catch (error) {
      settle(() => reject(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    claim.then(
      (claimed) => settle(() => resolve(claimed === true)),
      (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
