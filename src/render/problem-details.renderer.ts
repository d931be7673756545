import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import type { FailureOutcome, RequestFacts } from '../outcome/outcome.interface.js';
import { withDebug } from './envelope.renderer.js';
import { renderWithinBounds } from './violation-bounds.js';
import { problemError } from './violations.renderer.js';
import type { Body } from './envelope.renderer.js';

export const PROBLEM_JSON = 'application/problem+json';

/**
 * A failure as RFC 9457 problem details: `type` (`about:blank`), `title` (the reason phrase), `status`,
 * `detail` (the message), `instance` (the path), then the extension members `code`, `timestamp`,
 * `requestId`, and the occurrence's `detail` object, if any, as `context`.
 *
 * @example
 * renderProblem(notFoundOutcome, facts, options);
 * // { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Order 7 not found', instance: '/orders/7', code: 404, … }
 */
export function renderProblem(outcome: FailureOutcome, facts: RequestFacts, options: ResolvedResponseOptions): Body {
  const body: Body = {
    type: options.problem.typeBase === undefined ? 'about:blank' : options.problem.typeBase + String(outcome.code),
    title: outcome.error,
    status: outcome.httpStatus,
    detail: outcome.message,
    instance: facts.path,
    code: outcome.code,
    timestamp: options.timestamp(facts.time),
    requestId: facts.requestId,
  };
  if (outcome.detail !== undefined) body.context = outcome.detail;
  if (outcome.violations) {
    const rules = options.validation;
    const { items, omitted } = renderWithinBounds(outcome.violations, rules, (shown) => problemError(shown, rules));
    body.errors = items;
    const left = (outcome.omittedViolations ?? 0) + omitted;
    if (left) body.omittedViolations = left;
  }
  if (outcome.extensions) Object.assign(body, outcome.extensions);
  return withDebug(body, outcome, options);
}
