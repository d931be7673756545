// The reason phrases live with the codes (a BusinessException's own body names its status too).
export { reasonPhrase } from '../codes/reason-phrase.js';

export const INTERNAL_SERVER_ERROR = 500;
export const GENERIC_FAILURE_MESSAGE = 'Internal server error';

/** True for an integer status a failure can carry: 400–599. */
export function isFailureStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}

/**
 * True for a status a `BusinessException` can answer with: 400–599, and the custom failures 390–399 (`391`).
 *
 * @example
 * isBusinessFailureStatus(391); // true
 * isBusinessFailureStatus(302); // false
 */
export function isBusinessFailureStatus(status: unknown): status is number {
  return (
    isFailureStatus(status) ||
    (typeof status === 'number' && Number.isInteger(status) && status >= 390 && status <= 399)
  );
}
