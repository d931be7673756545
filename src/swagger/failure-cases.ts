import { HttpException } from '@nestjs/common';
import { BusinessException } from '../codes/business.exception.js';
import type { BusinessCode, CodeDefinition } from '../codes/code-definition.interface.js';
import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { failureOutcome } from '../outcome/failure-outcome.js';
import { reasonPhrase } from '../outcome/http-status.js';
import { ValidationFailedException } from '../validation/validation-failed.exception.js';

/**
 * One failure an operation can answer with: its status and code, whether its body carries violations, and the
 * exception the example body is rendered from (the server's own renderers write it).
 *
 * @example
 * const crash: FailureCase = internalFailureCase(options);
 * crash.status; // 500
 */
export interface FailureCase {
  readonly status: number;
  readonly code: BusinessCode;
  /** True for a body with violations (`details`, `errors`): documented by `ValidationFailure`. */
  readonly validation: boolean;
  /** The name of its example. */
  readonly key: string;
  readonly summary: string;
  /** What the example is rendered from. */
  readonly exception: unknown;
  /** The definition's `{name}` placeholders are filled with example values. */
  readonly definition?: CodeDefinition;
}

/**
 * The case of a thrown value: status and code as the filter would send them.
 *
 * @example
 * failureCase('GONE', 'the order was archived', new GoneException(), options).status; // 410
 */
export function failureCase(
  key: string,
  summary: string,
  exception: unknown,
  options: ResolvedResponseOptions,
): FailureCase {
  const outcome = failureOutcome(exception, options, options.locale.default);
  return {
    status: outcome.httpStatus,
    code: outcome.code,
    validation: outcome.violations !== undefined,
    key,
    summary: `${String(outcome.code)} ${summary}`,
    exception,
  };
}

/** An error as a body parser raises it (body-parser's `type`, Fastify's `FST_` code), for the request sources. */
function parserError(message: string, members: Record<string, unknown>): Error {
  return Object.assign(new (members.json ? SyntaxError : Error)(message), members);
}

function violation(path: string[], objectName: string, constraint: string, limit: unknown[], message: string) {
  return { location: 'body' as const, path, value: undefined, constraint, arguments: limit, message, objectName };
}

/**
 * The failures of reading a request body, which every operation with a body can answer before its handler
 * runs: malformed JSON (400, no violations; also an empty JSON body or a broken encoding), a body over the size
 * limit (413; and 413 with a violation for more values than `validation.maxNodes`), and a Content-Type, charset
 * or encoding the server does not read (415).
 *
 * @example
 * bodyReadFailureCases('CreateOrderDto', options).map((c) => c.status); // [400, 413, 413, 415]
 */
export function bodyReadFailureCases(objectName: string, options: ResolvedResponseOptions): FailureCase[] {
  const maxNodes = options.validation.maxNodes;
  // As the pipe's size check throws it: before any validator, for the whole body.
  const tooMany = new ValidationFailedException(
    [violation([], objectName, 'maxNodes', [maxNodes], `body holds more than ${maxNodes} values`)],
    { status: 413 },
  );
  return [
    failureCase(
      'MALFORMED_BODY',
      'the body is not valid JSON (or is empty, or wrongly encoded)',
      parserError('Unexpected end of JSON input', { json: true, type: 'entity.parse.failed', status: 400 }),
      options,
    ),
    failureCase(
      'BODY_TOO_LARGE',
      'the body is larger than the server reads',
      parserError('request entity too large', { type: 'entity.too.large', status: 413 }),
      options,
    ),
    failureCase('TOO_MANY_VALUES', `the body holds more than ${maxNodes} values`, tooMany, options),
    failureCase(
      'UNSUPPORTED_MEDIA_TYPE',
      'the body has a Content-Type, charset or encoding the server does not read',
      parserError('Unsupported Media Type', { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }),
      options,
    ),
  ];
}

/**
 * The failure any operation can answer with: anything unexpected becomes the generic 500.
 *
 * @example
 * internalFailureCase(options).code; // 'SYSTEM_ERROR' with statusCodes { 500: 'SYSTEM_ERROR' }
 */
export function internalFailureCase(options: ResolvedResponseOptions): FailureCase {
  return failureCase('INTERNAL_ERROR', 'anything unexpected (never its text)', new Error('example'), options);
}

/**
 * The case of a declared business code (`@ApiThrows`, the signing codes), at the status the filter sends it with.
 * `exception` builds its example; by default the definition with placeholders to fill.
 *
 * @example
 * businessFailureCase(OrderCodes.OUT_OF_STOCK, options).status; // 409
 */
export function businessFailureCase(
  definition: CodeDefinition,
  options: ResolvedResponseOptions,
  exception?: BusinessException,
): FailureCase {
  const thrown = exception ?? new BusinessException(definition);
  return {
    status: thrown.getStatus(),
    code: definition.code,
    validation: false,
    key: definition.key ?? String(definition.code),
    summary: `${String(definition.code)} ${
      exception === undefined
        ? localise(definition.message, options.locale.default)
        : failureOutcome(thrown, options, options.locale.default).message
    }`,
    exception: thrown,
    definition: exception === undefined ? definition : undefined,
  };
}

/**
 * The case of a failure status the operation documents itself (`@ApiForbiddenResponse()`, for a guard's
 * `ForbiddenException`): the filter renders it like any `HttpException` of that status, so it gets the envelope.
 *
 * @example
 * documentedFailureCase(403, 'not your order', options).code; // 403
 */
export function documentedFailureCase(status: number, description: string, options: ResolvedResponseOptions) {
  const found = failureCase(`HTTP_${status}`, description, new HttpException(reasonPhrase(status), status), options);
  return { ...found, summary: `${String(found.code)} ${description || reasonPhrase(status)}` };
}
