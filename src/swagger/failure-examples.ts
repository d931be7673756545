import type { ExampleObject } from '@nestjs/swagger';
import { BusinessException } from '../codes/business.exception.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { failureOutcome } from '../outcome/failure-outcome.js';
import type { RequestFacts } from '../outcome/outcome.interface.js';
import { renderFailure } from '../render/envelope.renderer.js';
import { renderProblem } from '../render/problem-details.renderer.js';
import { exampleParams, fillPath } from './example-values.js';
import type { FailureCase } from './failure-cases.js';

// Fixed facts, so that the document is the same on every run (it is compared with a golden copy).
const EXAMPLE_TIME = new Date('2026-01-01T08:00:00.000Z');
const EXAMPLE_REQUEST_ID = '3f2c9a4e-8d1b-4c7a-9e0f-5b6d7c8e9f01';

/** The fixed request facts of every example. */
export function factsFor(path: string, method: string, options: ResolvedResponseOptions): RequestFacts {
  return { method, path, requestId: EXAMPLE_REQUEST_ID, locale: options.locale.default, time: EXAMPLE_TIME };
}

/** The body the filter would send for this exception: the server's own renderers write the examples. */
export function renderedBody(exception: unknown, facts: RequestFacts, options: ResolvedResponseOptions): unknown {
  const outcome = failureOutcome(exception, options, facts.locale);
  return options.format === 'problem+json'
    ? renderProblem(outcome, facts, options)
    : renderFailure(outcome, facts, options);
}

/**
 * The example body of one failure case, as the filter would render it for this operation: a declared code's
 * `{name}` placeholders, and the path's, are filled with example values (a DTO's or parameter's example, else a
 * generic one), so that no example shows a raw `{id}`.
 *
 * @example
 * failureExample(businessFailureCase(OrderCodes.OUT_OF_STOCK, options), '/orders', 'POST', options, values);
 * // { summary: '10010 out of stock: TEA-1', value: { code: 10010, message: 'out of stock: TEA-1', status: 409, … } }
 */
export function failureExample(
  failure: FailureCase,
  path: string,
  method: string,
  options: ResolvedResponseOptions,
  value: (name: string) => unknown,
): ExampleObject {
  const definition = failure.definition;
  const exception = definition
    ? new BusinessException(definition, { params: exampleParams(definition.message, value) })
    : failure.exception;
  const summary = definition
    ? `${String(definition.code)} ${failureOutcome(exception, options, options.locale.default).message}`
    : failure.summary;
  return { summary, value: renderedBody(exception, factsFor(fillPath(path, value), method, options), options) };
}
