import * as nodeCrypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { constantTimeEqual, decodeSignature, hmacSha256, sha256Hex } from '../../src/signing/signing-crypto.js';

// Wrap timingSafeEqual so the tests can see that every comparison goes through it.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof nodeCrypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

describe('constantTimeEqual', () => {
  const a = Buffer.alloc(32, 1);

  it('compares with crypto.timingSafeEqual', () => {
    const spy = vi.mocked(nodeCrypto.timingSafeEqual);
    spy.mockClear();
    expect(constantTimeEqual(a, Buffer.alloc(32, 1))).toBe(true);
    expect(constantTimeEqual(a, Buffer.alloc(32, 2))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls[1]).toEqual([a, Buffer.alloc(32, 2)]);
  });

  it('answers false for different lengths without throwing, after a comparison of the same cost', () => {
    const spy = vi.mocked(nodeCrypto.timingSafeEqual);
    spy.mockClear();
    expect(constantTimeEqual(a, Buffer.alloc(31, 1))).toBe(false);
    expect(constantTimeEqual(a, Buffer.alloc(0))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls.every(([x, y]) => x === a && y === a)).toBe(true);
  });
});

describe('signature encodings and digests', () => {
  const key = nodeCrypto.createSecretKey(Buffer.from('k'.repeat(16)));
  const mac = hmacSha256(key, 'text');

  it('computes HMAC-SHA256 over UTF-8 text', () => {
    expect(mac).toEqual(nodeCrypto.createHmac('sha256', 'k'.repeat(16)).update('text', 'utf8').digest());
    expect(hmacSha256(key, 'café')).toEqual(
      nodeCrypto.createHmac('sha256', 'k'.repeat(16)).update(Buffer.from('café')).digest(),
    );
  });

  it('decodes hex in either case, and base64 in both alphabets, padded or not', () => {
    const base64 = mac.toString('base64');
    for (const text of [
      mac.toString('hex'),
      mac.toString('hex').toUpperCase(),
      base64,
      base64.replace(/=$/, ''),
      mac.toString('base64url'),
    ]) {
      expect(decodeSignature(text), text).toEqual(mac);
    }
  });

  it('hashes strings as UTF-8 and bytes as they are', () => {
    expect(sha256Hex('café')).toBe(nodeCrypto.createHash('sha256').update(Buffer.from('café', 'utf8')).digest('hex'));
    expect(sha256Hex(new Uint8Array([0, 255]))).toBe(
      nodeCrypto
        .createHash('sha256')
        .update(Buffer.from([0, 255]))
        .digest('hex'),
    );
  });
});
