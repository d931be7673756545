import { canonicalResponse } from '../signing/canonical-request.js';
import { bytesOf, fromHex, hmacSha256Verify, sha256Hex } from './web-crypto.js';

/**
 * A response to check: its status, body text, signature header, and the nonce its request was signed with.
 *
 * @example
 * const input: VerifyResponseInput = { secret, nonce, status: res.status, body: await res.text(), signature: res.headers.get('X-Signature') };
 */
export interface VerifyResponseInput {
  readonly secret: string;
  /** The nonce of the request this response answers (`SignedRequest.nonce`). */
  readonly nonce: string;
  readonly status: number;
  /** The body text exactly as received. */
  readonly body: string;
  readonly signature: string | null | undefined;
}

/**
 * True when a response was signed by the server with the app's secret (`signing.signResponses: true`) for this
 * request: HMAC-SHA256 (hex) over status, nonce and the SHA-256 of the body. Compared by Web Crypto's `verify`.
 *
 * @example
 * const res = await fetch(url, { headers });
 * const body = await res.text();
 * if (!(await verifyResponseSignature({ secret, nonce, status: res.status, body, signature: res.headers.get('X-Signature') }))) throw new Error('forged');
 */
export async function verifyResponseSignature(input: VerifyResponseInput): Promise<boolean> {
  const signature = input.signature ? fromHex(input.signature) : undefined;
  if (signature === undefined || signature.length !== 32) return false;
  const canonical = canonicalResponse(input.status, input.nonce, await sha256Hex(bytesOf(input.body)));
  return hmacSha256Verify(input.secret, signature, canonical);
}
