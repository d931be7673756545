import type { NonceStore } from './nonce-store.interface.js';

/**
 * Signed requests and replay protection (`ResponseOptions.signing`).
 *
 * @example
 * ResponseModule.forRoot({
 *   signing: { secrets: { app1: process.env.APP1_SECRET! }, window: 300, nonceStore: new RedisNonceStore(redis) },
 * });
 */
export interface SigningOptions {
  /** App id → shared secret (at least 16 characters; 32 random bytes recommended). Required. */
  secrets: Readonly<Record<string, string>>;
  /** Accepted clock difference in seconds, either way; default 300. */
  window?: number;
  /** Where nonces are remembered; default a `MemoryNonceStore` (one process). */
  nonceStore?: NonceStore;
  /**
   * Milliseconds a signed request waits for `nonceStore.claim` (any store) before it is refused with 503
   * `SIGN_NONCE_STORE_UNAVAILABLE`; default 1000, at most 60 000.
   */
  nonceStoreTimeout?: number;
  /** Every HTTP route is signed unless marked `@Unsigned()`; default `false` (only `@Signed()` routes). */
  global?: boolean;
  /** Header names; defaults `X-App-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`. */
  headers?: { appId?: string; timestamp?: string; nonce?: string; signature?: string };
  /** Sign the bodies the module writes for verified requests, in the signature header; default `false`. */
  signResponses?: boolean;
  /**
   * Also accept signatures over the version 1 canonical string (sorted query, no Content-Type), for clients not yet
   * updated; default `false`: such a request is refused with 401 `SIGN_VERSION_UNSUPPORTED`.
   */
  acceptV1?: boolean;
}
