import { ApiError, CLIENT_ERROR_CODE } from './api-error.js';
import type { ClientOptions } from './client-options.js';
import { unwrap, type FetchResponseLike } from './unwrap.js';

/**
 * The headers that ask the server for int64 (`bigint`) values as JSON strings, which `JSON.parse` cannot round.
 *
 * @example
 * await fetch('/orders/9007199254740993', { headers: int64AsStrings() }); // data.id === '9007199254740993'
 */
export function int64AsStrings(header = 'X-Stringify'): Record<string, string> {
  return { [header]: '1' };
}

/**
 * `apiFetch` options: the envelope's `ClientOptions`, int64 as strings, and the `fetch` to use.
 *
 * @example
 * const options: ApiFetchOptions = { int64: 'string', fields: { code: 'status_id' } };
 */
export interface ApiFetchOptions extends ClientOptions {
  /** `'string'`: ask for int64 values as strings (`X-Stringify: 1`). */
  int64?: 'number' | 'string';
  /** The header name of the int64 switch, if the server renamed it (`int64.header`). */
  int64Header?: string;
  /** Defaults to the global `fetch`. */
  fetch?: (input: string, init?: ApiRequestInit) => Promise<FetchResponseLike>;
}

/**
 * What `apiFetch` passes on to `fetch`: its headers (where the int64 header is added) and any other member.
 *
 * @example
 * const init: ApiRequestInit = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' };
 */
export type ApiRequestInit = { headers?: Record<string, string> | [string, string][] } & Record<string, unknown>;

function withInt64(init: ApiRequestInit | undefined, options: ApiFetchOptions): ApiRequestInit | undefined {
  if (options.int64 !== 'string') return init;
  const extra = int64AsStrings(options.int64Header);
  const headers = init?.headers;
  return {
    ...init,
    headers: Array.isArray(headers) ? [...headers, ...Object.entries(extra)] : { ...headers, ...extra },
  };
}

/**
 * `fetch` + `unwrap`: the envelope's `data`, or an `ApiError`; a request that gets no answer at all (network
 * down, CORS) is an `ApiError` with status 0 and code 1000.
 *
 * @example
 * const order = await apiFetch<Order>('/orders/9007199254740993', {}, { int64: 'string' });
 * order.id; // '9007199254740993'
 */
export async function apiFetch<T = unknown>(
  url: string,
  init?: ApiRequestInit,
  options: ApiFetchOptions = {},
): Promise<T> {
  const send = options.fetch ?? globalThis.fetch;
  let response: FetchResponseLike;
  try {
    response = await send(url, withInt64(init, options));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODE, message: `no response from ${url}: ${reason}`, cause });
  }
  return unwrap<T>(response, options);
}
