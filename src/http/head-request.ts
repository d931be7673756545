import type { FailureOutcome } from '../outcome/outcome.interface.js';

const NEST_NOT_FOUND_HEAD = 'Cannot HEAD ';

/**
 * A failure answered to HEAD as its GET would be. HEAD sends no body, but its Content-Length (and Express's ETag)
 * must be GET's, and the text of Nest's unknown-route 404 names the method (`Cannot HEAD /x`, one byte longer).
 *
 * @example
 * failureAsGet(outcome, 'HEAD').message; // 'Cannot GET /no/such/route' for Nest's 'Cannot HEAD /no/such/route'
 */
export function failureAsGet(outcome: FailureOutcome, method: string): FailureOutcome {
  if (method !== 'HEAD' || outcome.httpStatus !== 404 || !outcome.message.startsWith(NEST_NOT_FOUND_HEAD)) {
    return outcome;
  }
  return { ...outcome, message: `Cannot GET ${outcome.message.slice(NEST_NOT_FOUND_HEAD.length)}` };
}
