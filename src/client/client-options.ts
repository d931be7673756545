import type { BusinessCode } from '../codes/code-definition.interface.js';

/**
 * How the client reads envelopes; mirror the server's `fields` (and, with `httpStatus: 'always-200'`, its success
 * codes) here.
 *
 * @example
 * // server: fields: { code: 'status_id' }, httpStatus: 'always-200', success: { code: 100 }
 * const options: ClientOptions = { fields: { code: 'status_id' }, successCodes: [100] };
 */
export interface ClientOptions {
  /** Wire names of the envelope's members; default `code`, `message`, `data`, `requestId`. */
  fields?: { code?: string; message?: string; data?: string; requestId?: string };
  /**
   * Codes that mean success. Leave unset when the HTTP status tells (the default `mirror` policy); set it when the
   * server answers failures with 200 too, so a 200 with another code is a failure.
   */
  successCodes?: readonly BusinessCode[];
  /** Header carrying the request id when the body does not (default `x-request-id`). */
  requestIdHeader?: string;
}

/** `ClientOptions` with defaults filled in. */
export interface ResolvedClientOptions {
  readonly code: string;
  readonly message: string;
  readonly data: string;
  readonly requestId: string;
  readonly successCodes: readonly BusinessCode[] | undefined;
  readonly requestIdHeader: string;
}

/**
 * Fills in the defaults.
 *
 * @example
 * resolveClientOptions({ fields: { code: 'status_id' } }).code; // 'status_id'
 */
export function resolveClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  const fields = options.fields ?? {};
  return {
    code: fields.code ?? 'code',
    message: fields.message ?? 'message',
    data: fields.data ?? 'data',
    requestId: fields.requestId ?? 'requestId',
    successCodes: options.successCodes,
    requestIdHeader: options.requestIdHeader ?? 'x-request-id',
  };
}
