import type { ClientOptions } from './client-options.js';
import { readEnvelope } from './read-envelope.js';

/**
 * The part of a `fetch` `Response` that `unwrap` reads (so any fetch implementation fits).
 *
 * @example
 * const response: FetchResponseLike = await fetch('/orders');
 */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * The `data` of a `fetch` response's envelope, or a thrown `ApiError` (typed code, message, violations, request
 * id); a body that is not JSON or not an envelope is an `ApiError` with code 1000 and the raw text, never a `SyntaxError`.
 *
 * @example
 * const orders = await unwrap<Order[]>(await fetch('/orders', { headers: int64AsStrings() }));
 */
export async function unwrap<T = unknown>(response: FetchResponseLike, options?: ClientOptions): Promise<T> {
  const text = await response.text();
  return readEnvelope({ status: response.status, text, header: (name) => response.headers.get(name) }, options) as T;
}

/**
 * An axios-like response: `data` parsed or text (use `validateStatus: () => true`, or pass `error.response`).
 *
 * @example
 * const response: AxiosLikeResponse = { status: 200, data: { code: 0, message: 'OK', data: 1 }, headers: {} };
 */
export interface AxiosLikeResponse {
  readonly status: number;
  readonly data: unknown;
  readonly headers?: Record<string, unknown> | { get(name: string): unknown };
}

function headerOf(headers: AxiosLikeResponse['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  const value =
    typeof headers.get === 'function'
      ? (headers as { get(name: string): unknown }).get(name)
      : (headers as Record<string, unknown>)[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `unwrap` for axios (and alike): `data` of the envelope, or a thrown `ApiError`.
 *
 * @example
 * const response = await axios.get('/orders', { validateStatus: () => true });
 * const orders = unwrapAxios<Order[]>(response);
 */
export function unwrapAxios<T = unknown>(response: AxiosLikeResponse, options?: ClientOptions): T {
  const body = response.data;
  return readEnvelope(
    {
      status: response.status,
      ...(typeof body === 'string' ? { text: body } : { parsed: body ?? '' }),
      header: (name) => headerOf(response.headers, name),
    },
    options,
  ) as T;
}
