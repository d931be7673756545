import { STATUS_CODES } from 'node:http';

export const INTERNAL_SERVER_ERROR = 500;
export const GENERIC_FAILURE_MESSAGE = 'Internal server error';

/** Reason phrase of a status (`404` → `Not Found`), `Error` for one Node does not know. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

/** True for an integer status a failure can carry: 400–599. */
export function isFailureStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}
