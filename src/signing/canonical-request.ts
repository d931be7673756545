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
 * const parts: CanonicalRequestParts = { method: 'GET', path: '/orders', query: 'b=2&a=1', timestamp: '1764075600', nonce: 'c0ffee…', bodySha256: 'e3b0c442…' };
 */
export interface CanonicalRequestParts {
  /** The HTTP method; upper-cased in the canonical string. */
  readonly method: string;
  /** The path exactly as in the request line (still percent-encoded), without `?` and query. */
  readonly path: string;
  /** The query string exactly as sent, without the leading `?`; `''` when there is none. */
  readonly query: string;
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
 * The query string in canonical order: split on `&`, empty parts dropped, sorted by name, then value, then the
 * whole part (`a` before `a=`), in code-unit order of the text as sent (still percent-encoded), joined with `&`. Nothing is decoded or
 * re-encoded, so client and server agree on the bytes without agreeing on an encoder.
 *
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

/**
 * The text a request signature is computed over: six lines joined by `\n`, no trailing newline —
 * method (upper case), path, canonical query, timestamp, nonce, hex SHA-256 of the raw body.
 *
 * @example
 * canonicalRequest({ method: 'get', path: '/orders', query: 'b=2&a=1', timestamp: '1764075600', nonce: 'n', bodySha256: EMPTY_BODY_SHA256 });
 * // 'GET\n/orders\na=1&b=2\n1764075600\nn\ne3b0c442…'
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
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
