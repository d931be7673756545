import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { springObjectName } from '../validation/spring-message-codes.js';
import type { ValidationFailedException } from '../validation/validation-failed.exception.js';
import { reasonPhrase } from './http-status.js';
import { codeForStatus } from './internal-error.source.js';
import type { FailureOutcome } from './outcome.interface.js';

/** The summary of a validation failure in the default (WeChat) style; Spring style has Spring's own text. */
const VALIDATION_SUMMARY = { en: 'Request parameters are invalid', 'zh-CN': '参数错误' };

/**
 * The outcome of a validation failure: the status the exception asked for, else `validation.status`; at most `maxViolations` violations and the count left out.
 *
 * @example
 * fromValidation(new ValidationFailedException(violations), options, 'en').message; // 'Request parameters are invalid'
 */
export function fromValidation(
  exception: ValidationFailedException,
  options: ResolvedResponseOptions,
  locale: string,
): FailureOutcome {
  const status = exception.httpStatus ?? options.validation.status;
  const all = exception.violations;
  const shown = all.slice(0, options.validation.maxViolations);
  const message =
    options.validation.style === 'spring' && all.length > 0
      ? `Validation failed for object='${springObjectName(all[0].objectName)}'. Error count: ${all.length}`
      : localise(VALIDATION_SUMMARY, locale);
  return {
    kind: 'failure',
    httpStatus: status,
    code: codeForStatus(status, options),
    message,
    error: reasonPhrase(status),
    violations: shown,
    omittedViolations: all.length - shown.length,
  };
}
