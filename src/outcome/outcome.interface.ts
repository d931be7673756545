import type { BusinessCode } from '../codes/code-definition.interface.js';
import type { Violation } from '../validation/violation.interface.js';

/**
 * A handler's result on its way to the wire.
 *
 * @example
 * const ok: SuccessOutcome = { kind: 'success', httpStatus: 200, code: 0, message: 'OK', data: { id: 7 } };
 */
export interface SuccessOutcome {
  readonly kind: 'success';
  readonly httpStatus: number;
  readonly code: BusinessCode;
  readonly message: string;
  readonly data: unknown;
}

/**
 * Any thrown value, normalised: what the renderers turn into a failure body.
 *
 * @example
 * const notFound: FailureOutcome = { kind: 'failure', httpStatus: 404, code: 404, message: 'Order 7 not found', error: 'Not Found' };
 */
export interface FailureOutcome {
  readonly kind: 'failure';
  /** Between 400 and 599; 390–399 for custom business failures (`391`, see `CustomStatusCodes`). */
  readonly httpStatus: number;
  readonly code: BusinessCode;
  readonly message: string;
  /** Reason phrase of `httpStatus`. */
  readonly error: string;
  readonly detail?: unknown;
  /** The violations a body shows (at most `validation.maxViolations`), for validation failures. */
  readonly violations?: readonly Violation[];
  /** How many violations were left out by the cap. */
  readonly omittedViolations?: number;
  /** Members a renderer appends after the configured fields. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** For the server's log and the debug switch only; never rendered unless `debug` is on. */
  readonly exception?: { readonly name: string; readonly stack?: string };
}

/**
 * Facts about the request that bodies may carry.
 *
 * @example
 * const facts: RequestFacts = { method: 'GET', path: '/orders/7', requestId: 'b1…', locale: 'en', time: new Date() };
 */
export interface RequestFacts {
  readonly method: string;
  /** The request path, without the query string. */
  readonly path: string;
  readonly requestId: string;
  readonly locale: string;
  readonly time: Date;
}
