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
  /** Every HTTP route is signed unless marked `@Unsigned()`; default `false` (only `@Signed()` routes). */
  global?: boolean;
  /** Header names; defaults `X-App-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`. */
  headers?: { appId?: string; timestamp?: string; nonce?: string; signature?: string };
  /** Sign the bodies the module writes for verified requests, in the signature header; default `false`. */
  signResponses?: boolean;
}
