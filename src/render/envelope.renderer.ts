import type { Field } from '../options/response-options.interface.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import type { FailureOutcome, RequestFacts, SuccessOutcome } from '../outcome/outcome.interface.js';
import { renderWithinBounds } from './violation-bounds.js';
import { springError, wechatDetail } from './violations.renderer.js';

/** A JSON body as a plain object, before serialisation. */
export type Body = Record<string, unknown>;

function fieldValue(
  field: Field,
  outcome: SuccessOutcome | FailureOutcome,
  facts: RequestFacts,
  options: ResolvedResponseOptions,
  detail: unknown = outcome.kind === 'failure' ? outcome.detail : undefined,
): unknown {
  switch (field) {
    case 'code':
      return outcome.code;
    case 'message':
      return outcome.message;
    case 'data':
      return outcome.kind === 'success' ? outcome.data : null;
    case 'status':
      return outcome.httpStatus;
    case 'error':
      return outcome.kind === 'failure' ? outcome.error : undefined;
    case 'path':
      return facts.path;
    case 'timestamp':
      return options.timestamp(facts.time);
    case 'requestId':
      return facts.requestId;
    case 'detail':
      return detail;
    case 'outcome':
      return outcome.kind === 'success' ? options.outcome.success : options.outcome.failure;
  }
}

/**
 * The success body, fields in the configured order and with their wire names.
 *
 * @example
 * renderSuccess({ kind: 'success', httpStatus: 200, code: 0, message: 'OK', data: { id: 7 } }, facts, options);
 * // { code: 0, message: 'OK', data: { id: 7 } }
 */
export function renderSuccess(outcome: SuccessOutcome, facts: RequestFacts, options: ResolvedResponseOptions): Body {
  const body: Body = {};
  for (const [field, name] of options.successLayout) {
    const value = fieldValue(field, outcome, facts, options);
    if (value !== undefined) body[name] = value;
  }
  return body;
}

/**
 * The failure body: the configured fields (absent ones left out: `detail` only when there is one),
 * then the outcome's extension members, then, with `debug` on and a 5xx, `exception` and `stack`.
 *
 * @example
 * renderFailure(notFoundOutcome, facts, options);
 * // { code: 404, message: 'Order 7 not found', status: 404, error: 'Not Found', path: '/orders/7', timestamp: '…', requestId: '…' }
 */
export function renderFailure(outcome: FailureOutcome, facts: RequestFacts, options: ResolvedResponseOptions): Body {
  const validation = outcome.violations ? validationMembers(outcome, outcome.violations, options) : undefined;
  const detail = validation?.detail !== undefined ? validation.detail : outcome.detail;
  const body: Body = {};
  for (const [field, name] of options.failureLayout) {
    const value = fieldValue(field, outcome, facts, options, detail);
    if (value !== undefined) body[name] = value;
  }
  if (validation) Object.assign(body, validation.members);
  if (outcome.extensions) Object.assign(body, outcome.extensions);
  return withDebug(body, outcome, options);
}

/**
 * WeChat style: `detail` is the first violation and `details` all of them; Spring style: `errors`.
 * Either way `omittedViolations` says how many the cap (or the size bound) left out.
 */
function validationMembers(
  outcome: FailureOutcome,
  violations: NonNullable<FailureOutcome['violations']>,
  options: ResolvedResponseOptions,
): { detail?: unknown; members: Body } {
  const rules = options.validation;
  const members: Body = {};
  let detail: unknown;
  const spring = rules.style === 'spring';
  const { items, omitted } = renderWithinBounds(violations, rules, (shown) =>
    spring ? springError(shown, rules) : wechatDetail(shown, rules),
  );
  if (spring) members.errors = items;
  else {
    members.details = items;
    detail = items[0];
  }
  const left = (outcome.omittedViolations ?? 0) + omitted;
  if (left) members.omittedViolations = left;
  return { detail, members };
}

/** Adds the exception name and stack to a 5xx body when the debug switch is on. */
export function withDebug(body: Body, outcome: FailureOutcome, options: ResolvedResponseOptions): Body {
  if (options.debug && outcome.httpStatus >= 500 && outcome.exception) {
    body.exception = outcome.exception.name;
    if (outcome.exception.stack !== undefined) body.stack = outcome.exception.stack;
  }
  return body;
}
