import type { BusinessCode, CodeDefinition } from '../codes/code-definition.interface.js';

/**
 * How the client reads envelopes and tells a success from a failure; mirror the server's options here. With
 * `httpStatus: 'mirror'` (the default) the HTTP status tells and only renamed `fields` need saying. With
 * `httpStatus: 'always-200'` a 200 is a failure when its outcome member says `failure`, when its `status` member is a
 * 4xx/5xx, when its code is not in `successCodes` (if given), or when `isSuccess` says so.
 *
 * @example
 * // server: httpStatus: 'always-200', fields: { code: 'status_id', outcome: 'status' }, success: { code: 100 }
 * const options: ClientOptions = { fields: { code: 'status_id', outcome: 'status' } };
 */
export interface ClientOptions {
  /**
   * Wire names of the envelope's members, as the server's `fields`: default `code`, `message`, `data`, `requestId`,
   * `outcome` (the text `success` / `failure`) and `status` (the HTTP status a failure body carries).
   */
  fields?: {
    code?: string;
    message?: string;
    data?: string;
    requestId?: string;
    outcome?: string;
    status?: string;
  };
  /** The outcome member's two values, as the server's `outcome` option; default `'success'` / `'failure'`. */
  outcome?: { success?: string; failure?: string };
  /**
   * Codes (or code definitions, such as those given to `@ApiCode`) that mean success, for a server that answers
   * failures with 200 and whose bodies have neither an outcome nor a `status` member: a 200 with another code is
   * then a failure. List `success.code` and every `@ApiCode` code, or use `isSuccess`.
   */
  successCodes?: readonly (BusinessCode | Pick<CodeDefinition, 'code'>)[];
  /**
   * Decides for every 2xx JSON envelope instead of the rules above (a 4xx/5xx and an RFC 9457 problem are failures
   * whatever it says). A predicate that throws makes the call fail with client error 1000.
   */
  isSuccess?: (body: Readonly<Record<string, unknown>>, httpStatus: number) => boolean;
  /** Header carrying the request id when the body does not (default `x-request-id`). */
  requestIdHeader?: string;
}

/** `ClientOptions` with defaults filled in. */
export interface ResolvedClientOptions {
  readonly code: string;
  readonly message: string;
  readonly data: string;
  readonly requestId: string;
  readonly outcome: string;
  readonly status: string;
  readonly outcomeSuccess: string;
  readonly outcomeFailure: string;
  readonly successCodes: readonly BusinessCode[] | undefined;
  readonly isSuccess: ClientOptions['isSuccess'];
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
    outcome: fields.outcome ?? 'outcome',
    status: fields.status ?? 'status',
    outcomeSuccess: options.outcome?.success ?? 'success',
    outcomeFailure: options.outcome?.failure ?? 'failure',
    successCodes: options.successCodes?.map((entry) => (typeof entry === 'object' ? entry.code : entry)),
    isSuccess: options.isSuccess,
    requestIdHeader: options.requestIdHeader ?? 'x-request-id',
  };
}
