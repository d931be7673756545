import { describe, expect, it } from 'vitest';
import { failureAsGet } from '../../src/http/head-request.js';
import type { FailureOutcome } from '../../src/outcome/outcome.interface.js';

const notFound = (message: string, httpStatus = 404): FailureOutcome => ({
  kind: 'failure',
  httpStatus,
  code: httpStatus,
  message,
  error: 'Not Found',
});

describe('failureAsGet: a HEAD failure is rendered as its GET would be', () => {
  it("turns Nest's unknown-route text for HEAD into GET's, so Content-Length matches", () => {
    const outcome = failureAsGet(notFound('Cannot HEAD /api/no/such?x=1'), 'HEAD');
    expect(outcome).toEqual(notFound('Cannot GET /api/no/such?x=1'));
    expect(Buffer.byteLength(outcome.message)).toBe(Buffer.byteLength('Cannot GET /api/no/such?x=1'));
  });

  it('leaves every other outcome as it is (the same object)', () => {
    const get = notFound('Cannot HEAD /x');
    expect(failureAsGet(get, 'GET')).toBe(get);
    const own = notFound('Order 7 not found');
    expect(failureAsGet(own, 'HEAD')).toBe(own);
    const other = notFound('Cannot HEAD /x', 400);
    expect(failureAsGet(other, 'HEAD')).toBe(other);
  });
});
