/**
 * Remembers the nonces of signed requests while their timestamps are inside the window.
 * `claim` must be atomic across every instance that shares the store: of concurrent claims of one key,
 * exactly one resolves `true`. A rejection refuses the request (503); it never lets it through.
 *
 * @example
 * class MyStore implements NonceStore {
 *   async claim(key: string, ttlSeconds: number) { return (await db.insertIfAbsent(key, ttlSeconds)) === 'inserted'; }
 * }
 */
export interface NonceStore {
  /** Records `key` for `ttlSeconds`; `true` when it was not recorded yet (first use), `false` when it was. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}
