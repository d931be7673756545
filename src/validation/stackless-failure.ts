import { ValidationFailedException } from './validation-failed.exception.js';
import type { Violation } from './violation.interface.js';

/**
 * Builds an error without capturing a stack. Capturing one (async frames included) is most of what constructing an
 * exception costs: about 40 k instructions per validation failure, more than turning its errors into violations.
 *
 * @example
 * const error = withoutStack(() => new Error('refused')); // error.stack === 'Error: refused'
 */
export function withoutStack<T>(build: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The failure the module's pipes and `@ValidHeaders()` throw for what a client sent. It has no stack frames: the
 * place it points to is the pipe, never the app's code, and the filter logs no stack for a 4xx.
 *
 * @example
 * throw clientValidationFailure(violations, { status: 422 });
 */
export function clientValidationFailure(
  violations: readonly Violation[],
  options?: { status?: number },
): ValidationFailedException {
  return withoutStack(() => new ValidationFailedException(violations, options));
}
