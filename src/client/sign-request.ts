import { canonicalRequest, DEFAULT_SIGNING_HEADERS, splitRequestTarget } from '../signing/canonical-request.js';
import { bytesOf, hmacSha256, randomNonce, sha256Hex, toBase64, toHex } from './web-crypto.js';

/**
 * What `signRequest` needs: who signs, and the request exactly as it will be sent.
 *
 * @example
 * const input: SignRequestInput = { appId: 'app1', secret, method: 'POST', url: '/orders?b=2&a=1', body: json, contentType: 'application/json' };
 */
export interface SignRequestInput {
  readonly appId: string;
  readonly secret: string;
  readonly method: string;
  /** The URL the request goes to (absolute, or a path with its query); only its path and query are signed. */
  readonly url: string | URL;
  /** The body exactly as sent (a string is sent as UTF-8); none for GET. */
  readonly body?: string | Uint8Array | ArrayBuffer;
  /**
   * The `Content-Type` header exactly as it will be sent (`'application/json'`); it is signed, and returned in
   * `headers`. Leave it out only when the request sends no Content-Type (a GET).
   */
  readonly contentType?: string;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  /** 16–64 visible ASCII characters; default 32 random hex digits. */
  readonly nonce?: string;
  /** Signature encoding; default `'hex'`. */
  readonly encoding?: 'hex' | 'base64';
  /** Header names, when the server configured others. */
  readonly headerNames?: Partial<Record<keyof typeof DEFAULT_SIGNING_HEADERS, string>>;
}

/**
 * A signed request: the headers to send (the signing headers, and `Content-Type` when one was given), and what went
 * into them (for logs and for verifying the response).
 *
 * @example
 * const { headers, nonce } = await signRequest(input);
 */
export interface SignedRequest {
  readonly headers: Record<string, string>;
  readonly timestamp: string;
  readonly nonce: string;
  readonly canonical: string;
  readonly signature: string;
}

/**
 * Signs a request for a `@Signed()` route: HMAC-SHA256 with the app's secret over the version 2 canonical string
 * (method, path, query as sent, Content-Type, timestamp, nonce, SHA-256 of the body). Uses Web Crypto only, so it
 * runs in browsers too. Send the request with the same URL, Content-Type and body bytes (spread `headers`), and a
 * fresh call for every request.
 *
 * @example
 * const body = JSON.stringify({ sku: 'TEA-1', quantity: 1 });
 * const { headers } = await signRequest({ appId: 'app1', secret, method: 'POST', url: 'https://api.example.com/orders', body, contentType: 'application/json' });
 * await fetch('https://api.example.com/orders', { method: 'POST', body, headers });
 */
export async function signRequest(input: SignRequestInput): Promise<SignedRequest> {
  const url = typeof input.url === 'string' ? new URL(input.url, 'http://localhost') : input.url;
  const { path, query } = splitRequestTarget(url.pathname + url.search);
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? randomNonce();
  const canonical = canonicalRequest({
    method: input.method,
    path,
    query,
    contentType: input.contentType ?? '',
    timestamp,
    nonce,
    bodySha256: await sha256Hex(bytesOf(input.body)),
  });
  const mac = await hmacSha256(input.secret, canonical);
  const signature = input.encoding === 'base64' ? toBase64(mac) : toHex(mac);
  const names = { ...DEFAULT_SIGNING_HEADERS, ...input.headerNames };
  const headers: Record<string, string> = {
    [names.appId]: input.appId,
    [names.timestamp]: timestamp,
    [names.nonce]: nonce,
    [names.signature]: signature,
  };
  if (input.contentType !== undefined) headers['Content-Type'] = input.contentType;
  return { headers, timestamp, nonce, canonical, signature };
}
