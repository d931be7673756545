import { SIGNATURE_PROPERTY } from './signing.constants.js';
import { canonicalResponse } from './canonical-request.js';
import type { ResolvedSigningOptions } from '../options/resolved-options.interface.js';
import type { SignableRequest } from './signature.guard.js';
import { hmacSha256, sha256Hex } from './signing-crypto.js';

/**
 * The response signature header for a body the module writes, when `signing.signResponses` is on and the
 * request claimed its nonce: HMAC-SHA256 (hex) with the caller's secret over `canonicalResponse`. `undefined`
 * otherwise — every signing failure (a replay, a stale or forged copy) is unsigned, so only the nonce's owner ever
 * receives an answer that verifies for it.
 *
 * @example
 * const signature = responseSignature(options.signing, request, 200, json);
 * if (signature) writer.setHeader(response, signature.header, signature.value);
 */
export function responseSignature(
  signing: ResolvedSigningOptions | undefined,
  request: object,
  status: number,
  body: string,
): { header: string; value: string } | undefined {
  if (signing === undefined || !signing.signResponses) return undefined;
  const signer = (request as SignableRequest)[SIGNATURE_PROPERTY];
  if (signer === undefined) return undefined;
  const value = hmacSha256(signer.key, canonicalResponse(status, signer.nonce, sha256Hex(body))).toString('hex');
  return { header: signing.headers.signature, value };
}
