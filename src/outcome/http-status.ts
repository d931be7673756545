import { STATUS_CODES } from 'node:http';

export const INTERNAL_SERVER_ERROR = 500;
export const GENERIC_FAILURE_MESSAGE = 'Internal server error';

/** Reason phrases of the custom statuses (`CustomStatusCodes`), which Node does not know. */
const CUSTOM_REASONS: Readonly<Record<number, string>> = {
  391: 'Failed And See Other',
  419: 'Page Expired',
  420: 'Enhance Your Calm',
  440: 'Login Time-out',
  494: 'No Rows Available',
  499: 'Conflict With',
  590: 'Exception',
};

/** Reason phrase of a status (`404` → `Not Found`), `Error` for one Node does not know. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? CUSTOM_REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

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
