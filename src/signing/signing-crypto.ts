import { createHash, createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';
import { EMPTY_BODY_SHA256 } from './canonical-request.js';

const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;

/**
 * Lower-case hex SHA-256 of a body; no body hashes as zero bytes.
 *
 * @example
 * sha256Hex(Buffer.from('{"a":1}')); // '015abd7f…'
 */
export function sha256Hex(body: Uint8Array | string | undefined): string {
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return createHash('sha256').update(body).digest('hex');
}

/**
 * HMAC-SHA256 of a text (UTF-8) under a key.
 *
 * @example
 * hmacSha256(createSecretKey(Buffer.from('secret')), canonical).toString('hex');
 */
export function hmacSha256(key: KeyObject, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/**
 * The bytes of a signature header already checked by `readSigningHeaders`: 64 hex digits, else base64
 * (standard or URL-safe alphabet, padded or not).
 *
 * @example
 * decodeSignature('3f…'); // <Buffer 3f …> (32 bytes)
 */
export function decodeSignature(text: string): Buffer {
  return HEX_SIGNATURE.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

/**
 * Compares two byte strings in time that depends only on their lengths (`crypto.timingSafeEqual`);
 * unequal lengths answer false without throwing, after a comparison of the same cost.
 *
 * @example
 * constantTimeEqual(expected, received); // false
 */
export function constantTimeEqual(expected: Uint8Array, received: Uint8Array): boolean {
  if (expected.length !== received.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, received);
}
