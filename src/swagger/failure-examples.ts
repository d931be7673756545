import type { ExampleObject } from '@nestjs/swagger';
import { BusinessException } from '../codes/business.exception.js';
import type { CodeDefinition } from '../codes/code-definition.interface.js';
import { localise, placeholdersAsWritten } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { failureOutcome } from '../outcome/failure-outcome.js';
import type { RequestFacts } from '../outcome/outcome.interface.js';
import { renderFailure } from '../render/envelope.renderer.js';
import { renderProblem } from '../render/problem-details.renderer.js';
import { ValidationFailedException } from '../validation/validation-failed.exception.js';

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
 * The example failure body of each code, in the configured style, keyed by the code's catalogue key.
 *
 * @example
 * businessFailureExamples([OrderCodes.OUT_OF_STOCK], '/orders', 'POST', options);
 * // { OUT_OF_STOCK: { summary: '10010 out of stock: {sku}', value: { code: 10010, message: 'out of stock: {sku}', status: 409, … } } }
 */
export function businessFailureExamples(
  definitions: readonly CodeDefinition[],
  path: string,
  method: string,
  options: ResolvedResponseOptions,
): Record<string, ExampleObject> {
  const examples: Record<string, ExampleObject> = {};
  for (const definition of definitions) {
    // The message as written, placeholders and all: an example documents every occurrence, not one.
    const exception = new BusinessException(definition, { params: placeholdersAsWritten(definition.message) });
    const value = renderedBody(exception, factsFor(path, method, options), options);
    examples[definition.key ?? String(definition.code)] = {
      summary: `${String(definition.code)} ${localise(definition.message, options.locale.default)}`,
      value,
    };
  }
  return examples;
}

/**
 * An example validation failure in the configured style (WeChat `details`, Spring `errors`, RFC 9457 `errors`),
 * for one body property.
 *
 * @example
 * validationFailureExample('sku', 'CreateOrderDto', '/orders', 'POST', options).value.details[0].field; // '/sku'
 */
export function validationFailureExample(
  property: string,
  objectName: string,
  path: string,
  method: string,
  options: ResolvedResponseOptions,
): ExampleObject {
  const exception = new ValidationFailedException([
    {
      location: 'body',
      path: [property],
      value: null,
      constraint: 'isDefined',
      arguments: [],
      message: `${property} should not be null or undefined`,
      objectName,
    },
  ]);
  return {
    summary: `${styleName(options)} validation failure`,
    value: renderedBody(exception, factsFor(path, method, options), options),
  };
}

function styleName(options: ResolvedResponseOptions): string {
  if (options.format === 'problem+json') return 'RFC 9457';
  return options.validation.style === 'spring' ? 'Spring-style' : 'WeChat-style';
}
