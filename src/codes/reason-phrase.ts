import { STATUS_CODES } from 'node:http';

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

/**
 * Reason phrase of a status (`404` → `Not Found`), `Error` (`Server Error` for 5xx) for one nobody names.
 *
 * @example
 * reasonPhrase(409); // 'Conflict'
 * reasonPhrase(391); // 'Failed And See Other'
 */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? CUSTOM_REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}
