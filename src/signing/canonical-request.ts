// Pure string functions shared by the server and `nest-envelope/client`: no imports, so the browser bundle stays small.

/**
 * The header names of the signing convention, as clients send them (servers read them case-insensitively).
 *
 * @example
 * fetch(url, { headers: { [DEFAULT_SIGNING_HEADERS.appId]: 'app1' } });
 */
export const DEFAULT_SIGNING_HEADERS = {
  appId: 'X-App-Id',
  timestamp: 'X-Timestamp',
  nonce: 'X-Nonce',
  signature: 'X-Signature',
} as const;

/**
 * The parts of a request that its signature covers.
 *
 * @example
 * const parts: CanonicalRequestParts = { method: 'POST', path: '/orders', query: 'b=2&a=1', contentType: 'application/json', timestamp: '1764075600', nonce: 'c0ffee…', bodySha256: '7409dfed…' };
 */
export interface CanonicalRequestParts {
  /** The HTTP method; upper-cased in the canonical string. */
  readonly method: string;
  /** The path exactly as in the request line (still percent-encoded), without `?` and query. */
  readonly path: string;
  /** The query string exactly as sent, without the leading `?`; `''` when there is none. */
  readonly query: string;
  /** The `Content-Type` header exactly as sent; `''` or absent when none is sent. Not covered by version 1. */
  readonly contentType?: string;
  /** The `X-Timestamp` header text (Unix seconds). */
  readonly timestamp: string;
  /** The `X-Nonce` header text. */
  readonly nonce: string;
  /** Lower-case hex SHA-256 of the raw body bytes (of zero bytes when there is no body). */
  readonly bodySha256: string;
}

/** Hex SHA-256 of zero bytes: the body hash of a request without a body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nameOf(pair: string): string {
  const eq = pair.indexOf('=');
  return eq === -1 ? pair : pair.slice(0, eq);
}

function valueOf(pair: string): string {
  const eq = pair.indexOf('=');
  return eq === -1 ? '' : pair.slice(eq + 1);
}

/**
 * Version 1's query order: split on `&`, empty parts dropped, sorted by name, then value, then the whole part,
 * in code-unit order of the text as sent. Only for servers that still accept version 1 (`signing.acceptV1`):
 * it lets `to=alice&to=bob` and `to=bob&to=alice` share a signature, which version 2 does not.
 *
 * @deprecated Version 2 (`canonicalRequest`) signs the query exactly as sent.
 * @example
 * canonicalQuery('b=2&a=1&a=0&'); // 'a=0&a=1&b=2'
 */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query.split('&').filter((pair) => pair !== '');
  if (pairs.length < 2) return pairs.join('');
  return pairs
    .sort(
      (a, b) =>
        compareCodeUnits(nameOf(a), nameOf(b)) || compareCodeUnits(valueOf(a), valueOf(b)) || compareCodeUnits(a, b),
    )
    .join('&');
}

/**
 * Splits a request target (`/path?query`, as in the request line) into path and query; a fragment is dropped.
 *
 * @example
 * splitRequestTarget('/orders?b=2&a=1'); // { path: '/orders', query: 'b=2&a=1' }
 */
export function splitRequestTarget(target: string): { path: string; query: string } {
  const hash = target.indexOf('#');
  const url = hash === -1 ? target : target.slice(0, hash);
  const mark = url.indexOf('?');
  return mark === -1 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}

/** The first line of a version 2 canonical string. */
export const CANONICAL_VERSION_2 = 'v2';

/**
 * The text a request signature is computed over (version 2): eight lines joined by `\n`, no trailing newline —
 * `v2`, method (upper case), path, query exactly as sent, `Content-Type` exactly as sent, timestamp, nonce, hex
 * SHA-256 of the raw body. Every byte the adapter routes and parses by is covered, in the order sent.
 *
 * @example
 * canonicalRequest({ method: 'post', path: '/orders', query: 'b=2&a=1', contentType: 'application/json', timestamp: '1764075600', nonce: 'n', bodySha256: '7409dfed…' });
 * // 'v2\nPOST\n/orders\nb=2&a=1\napplication/json\n1764075600\nn\n7409dfed…'
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return `${CANONICAL_VERSION_2}\n${parts.method.toUpperCase()}\n${parts.path}\n${parts.query}\n${parts.contentType ?? ''}\n${parts.timestamp}\n${parts.nonce}\n${parts.bodySha256}`;
}

/**
 * The version 1 canonical string: six lines — method, path, `canonicalQuery` (sorted), timestamp, nonce, body
 * hash; no Content-Type. Accepted only under `signing.acceptV1`.
 *
 * @deprecated Sign with `canonicalRequest` (version 2).
 * @example
 * canonicalRequestV1({ method: 'get', path: '/orders', query: 'b=2&a=1', timestamp: '1764075600', nonce: 'n', bodySha256: EMPTY_BODY_SHA256 });
 * // 'GET\n/orders\na=1&b=2\n1764075600\nn\ne3b0c442…'
 */
export function canonicalRequestV1(parts: CanonicalRequestParts): string {
  return `${parts.method.toUpperCase()}\n${parts.path}\n${canonicalQuery(parts.query)}\n${parts.timestamp}\n${parts.nonce}\n${parts.bodySha256}`;
}

/**
 * The text a response signature is computed over: the HTTP status, the request's nonce and the hex SHA-256
 * of the response body, joined by `\n`. The nonce ties the response to the request it answers.
 *
 * @example
 * canonicalResponse(200, 'c0ffee…', 'ab12…'); // '200\nc0ffee…\nab12…'
 */
export function canonicalResponse(status: number, nonce: string, bodySha256: string): string {
  return `${status}\n${nonce}\n${bodySha256}`;
}
