import type { BusinessCode, CodeDefinition } from '../codes/code-definition.interface.js';
import type { ApiViolation } from './violations.js';

/** The client's own failure code ("Client Throw" in RESTful status tables): a body it could not read as an envelope. */
export const CLIENT_ERROR_CODE = 1000;

// A registered symbol, so `isApiError` also recognises an ApiError from another copy of this bundle.
const BRAND = Symbol.for('nest-envelope:ApiError');

/**
 * What an `ApiError` is built from.
 *
 * @example
 * const init: ApiErrorInit = { status: 409, code: 10010, message: 'out of stock: CUP-2' };
 */
export interface ApiErrorInit {
  status: number;
  code: BusinessCode;
  message: string;
  violations?: ApiViolation[];
  requestId?: string;
  /** The parsed failure body (`undefined` when it was not JSON). */
  body?: unknown;
  /** The body as received, when it could not be read as an envelope. */
  raw?: string;
  cause?: unknown;
}

/**
 * A failed API call: the server's failure envelope (any style), or a client error (`code` 1000) for a body that
 * is not JSON, not an envelope, or a request that never got an answer (`status` 0).
 *
 * @example
 * try {
 *   await unwrap(await fetch('/orders/7'));
 * } catch (error) {
 *   if (error instanceof ApiError) console.log(error.status, error.code, error.message, error.violations);
 * }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: BusinessCode;
  readonly violations: ApiViolation[];
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly raw: string | undefined;
  readonly [BRAND] = true;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.violations = init.violations ?? [];
    this.requestId = init.requestId;
    this.body = init.body;
    this.raw = init.raw;
  }

  /** True for errors the client made up (unreadable body, no answer), not ones the server sent. */
  get isClientError(): boolean {
    return this.code === CLIENT_ERROR_CODE && this.body === undefined;
  }
}

/**
 * Narrows to `ApiError`, and with a code definition (shared with the server's `defineCodes` catalogue, or any
 * `{ code }`) to that code only.
 *
 * @example
 * catch (error) {
 *   if (isApiError(error, OrderCodes.OUT_OF_STOCK)) showStock(error.body);
 *   else if (isApiError(error)) toast(error.message);
 * }
 */
export function isApiError(error: unknown, definition?: Pick<CodeDefinition, 'code'>): error is ApiError {
  if (typeof error !== 'object' || error === null || (error as Record<symbol, unknown>)[BRAND] !== true) return false;
  return definition === undefined || (error as ApiError).code === definition.code;
}
