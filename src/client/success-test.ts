import type { ResolvedClientOptions } from './client-options.js';

/**
 * The HTTP status a failure body states, when it has a `status` member that is one (4xx/5xx): under
 * `httpStatus: 'always-200'` the server keeps the status it did not send there. Not when `status` names the code.
 *
 * @example
 * statedFailureStatus({ code: 10010, status: 409 }, resolveClientOptions()); // 409
 */
export function statedFailureStatus(body: Record<string, unknown>, options: ResolvedClientOptions): number | undefined {
  if (options.status === options.code) return undefined;
  const status = body[options.status];
  return Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599
    ? (status as number)
    : undefined;
}

/**
 * Whether a 2xx envelope (not a problem document) is a success, decided as the server decided it: the outcome
 * member when it says `success` or `failure`; else a `status` member of 4xx/5xx means failure; else the code when
 * `successCodes` lists them; else the HTTP status (2xx) says success. `isSuccess`, when given, is asked instead
 * (by the caller, which guards it).
 *
 * @example
 * envelopeSucceeded({ status_id: 10002, status: 'success' }, resolveClientOptions({ fields: { outcome: 'status' } })); // true
 */
export function envelopeSucceeded(body: Record<string, unknown>, options: ResolvedClientOptions): boolean {
  const outcome = body[options.outcome];
  if (outcome === options.outcomeSuccess) return true;
  if (outcome === options.outcomeFailure) return false;
  if (statedFailureStatus(body, options) !== undefined) return false;
  if (options.successCodes === undefined) return true;
  return options.successCodes.includes(body[options.code] as never);
}
