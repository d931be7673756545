import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIGNING_HEADERS, signRequest, verifyResponseSignature } from '../../src/client/index.js';
import { canonicalRequest, canonicalResponse, splitRequestTarget } from '../../src/signing/canonical-request.js';

const secret = 'client-secret-0123456789';

/** What the server computes (node:crypto), for the same inputs. */
function serverSignature(method: string, target: string, timestamp: string, nonce: string, body: Uint8Array): string {
  const { path, query } = splitRequestTarget(target);
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  const canonical = canonicalRequest({ method, path, query, timestamp, nonce, bodySha256 });
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

describe('signRequest', () => {
  afterEach(() => vi.useRealTimers());

  it('signs now, with a fresh 32-hex-digit nonce, by default', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T08:00:00.900Z'), toFake: ['Date'] });
    const a = await signRequest({ appId: 'app1', secret, method: 'GET', url: '/x' });
    const b = await signRequest({ appId: 'app1', secret, method: 'GET', url: '/x' });
    expect(a.timestamp).toBe(String(Date.UTC(2026, 10, 25, 8) / 1000));
    expect(a.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(b.nonce).not.toBe(a.nonce);
    expect(a.headers[DEFAULT_SIGNING_HEADERS.signature]).toBe(a.signature);
  });

  it('signs only path and query: absolute, relative and URL inputs agree', async () => {
    const fixed = { appId: 'app1', secret, method: 'GET', timestamp: 1, nonce: 'n'.repeat(16) } as const;
    const signatures = await Promise.all(
      [
        'https://api.example.com/a%20b?y=2&x=1',
        '/a b?y=2&x=1',
        new URL('http://localhost:3000/a%20b?y=2&x=1#frag'),
      ].map(async (url) => (await signRequest({ ...fixed, url })).signature),
    );
    expect(new Set(signatures).size).toBe(1);
    expect(signatures[0]).toBe(serverSignature('GET', '/a%20b?y=2&x=1', '1', 'n'.repeat(16), new Uint8Array()));
    // The query is signed in the order it is sent (version 2): another order is another signature.
    expect((await signRequest({ ...fixed, url: '/a%20b?x=1&y=2' })).signature).not.toBe(signatures[0]);
  });

  it('signs the Content-Type it is given and returns it among the headers', async () => {
    const fixed = { appId: 'app1', secret, method: 'POST', url: '/o', body: '{}', timestamp: 1, nonce: 'n'.repeat(16) };
    const json = await signRequest({ ...fixed, contentType: 'application/json' });
    const form = await signRequest({ ...fixed, contentType: 'application/x-www-form-urlencoded' });
    const none = await signRequest(fixed);
    expect(json.headers['Content-Type']).toBe('application/json');
    expect(none.headers['Content-Type']).toBeUndefined();
    expect(json.canonical.split('\n')[4]).toBe('application/json');
    expect(new Set([json.signature, form.signature, none.signature]).size).toBe(3);
  });

  it('signs the path fetch sends: dot segments resolved, spaces percent-encoded', async () => {
    const fixed = { appId: 'app1', secret, method: 'GET', timestamp: 1, nonce: 'n'.repeat(16) } as const;
    const signed = await signRequest({ ...fixed, url: '/a/./b/../c d?q=x y' });
    expect(signed.canonical.split('\n').slice(2, 4)).toEqual(['/a/c%20d', 'q=x%20y']);
  });

  it('hashes a string, a Uint8Array and an ArrayBuffer of the same bytes alike', async () => {
    const fixed = { appId: 'app1', secret, method: 'POST', url: '/o', timestamp: 1, nonce: 'n'.repeat(16) } as const;
    const text = '{"note":"café ☕"}';
    const bytes = new TextEncoder().encode(text);
    const inBigger = new Uint8Array(bytes.length + 4);
    inBigger.set(bytes, 2);
    const results = await Promise.all(
      [text, bytes, bytes.buffer, inBigger.subarray(2, 2 + bytes.length)].map(
        async (body) => (await signRequest({ ...fixed, body })).signature,
      ),
    );
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe(serverSignature('POST', '/o', '1', 'n'.repeat(16), bytes));
  });

  it('uses the header names it is given', async () => {
    const { headers } = await signRequest({
      appId: 'app1',
      secret,
      method: 'GET',
      url: '/',
      headerNames: { nonce: 'X-Once', signature: 'X-Sig' },
    });
    expect(Object.keys(headers)).toEqual(['X-App-Id', 'X-Timestamp', 'X-Once', 'X-Sig']);
  });

  it('agrees with the server for any method, path, query and body (hex and base64)', async () => {
    const target = fc
      .tuple(
        // "." and ".." segments are resolved by the URL parser, as fetch does: tested on their own below.
        fc.array(
          fc.stringMatching(/^[A-Za-z0-9%._~-]{1,8}$/).filter((segment) => segment !== '.' && segment !== '..'),
          { maxLength: 4 },
        ),
        fc.array(fc.stringMatching(/^[A-Za-z0-9%+._~=-]{0,8}$/), { maxLength: 5 }),
      )
      .map(([segments, pairs]) => `/${segments.join('/')}${pairs.length ? `?${pairs.join('&')}` : ''}`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'post', 'PUT', 'DELETE', 'patch'),
        target,
        fc.uint8Array({ maxLength: 256 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.stringMatching(/^[\x21-\x7E]{16,64}$/),
        async (method, url, body, timestamp, nonce) => {
          const signed = await signRequest({ appId: 'app1', secret, method, url, body, timestamp, nonce });
          const expected = serverSignature(method, url, String(timestamp), nonce, body);
          expect(signed.signature).toBe(expected);
          const base64 = await signRequest({
            appId: 'app1',
            secret,
            method,
            url,
            body,
            timestamp,
            nonce,
            encoding: 'base64',
          });
          expect(Buffer.from(base64.signature, 'base64').toString('hex')).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('verifyResponseSignature', () => {
  const nonce = 'nonce-0123456789abcdef';
  const body = '{"code":0,"message":"OK","data":{"id":7}}';
  const signature = createHmac('sha256', secret)
    .update(canonicalResponse(200, nonce, createHash('sha256').update(body).digest('hex')))
    .digest('hex');

  it('accepts the server-side HMAC of status, nonce and body hash', async () => {
    expect(await verifyResponseSignature({ secret, nonce, status: 200, body, signature })).toBe(true);
    expect(
      await verifyResponseSignature({ secret, nonce, status: 200, body, signature: signature.toUpperCase() }),
    ).toBe(true);
  });

  it('refuses any change, and a missing or malformed signature', async () => {
    const input = { secret, nonce, status: 200, body, signature };
    for (const changed of [
      { status: 201 },
      { nonce: `${nonce}x` },
      { body: body.replace('7', '8') },
      { secret: `${secret}x` },
      { signature: null },
      { signature: undefined },
      { signature: '' },
      { signature: 'zz'.repeat(32) },
      { signature: signature.slice(2) },
      { signature: `${signature}00` },
    ]) {
      expect(await verifyResponseSignature({ ...input, ...changed }), JSON.stringify(changed)).toBe(false);
    }
  });
});
