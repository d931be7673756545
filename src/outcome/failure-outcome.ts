import { HttpException } from '@nestjs/common';
import { BusinessException } from '../codes/business.exception.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { notAnObject } from '../validation/validation-errors.factory.js';
import { ValidationFailedException } from '../validation/validation-failed.exception.js';
import { fromBusiness } from './business-exception.source.js';
import { fromHttpException } from './http-exception.source.js';
import { internalFailure } from './internal-error.source.js';
import type { FailureOutcome } from './outcome.interface.js';
import { fromRequestError, requestErrorStatus, strictlyRefusedJson } from './request-error.source.js';
import { fromValidation } from './validation.source.js';

/**
 * Normalises anything thrown into a failure outcome, by its source. Never throws: a value that cannot be read
 * (throwing getters, proxies) becomes a generic 500. Texts the module or Nest wrote (the generic 500, request
 * errors, a status's default text) are given in `locale`; a message the exception was given is kept as it is.
 *
 * @example
 * failureOutcome(new NotFoundException('Order 7 not found'), options, 'en');
 * // { kind: 'failure', httpStatus: 404, code: 404, message: 'Order 7 not found', error: 'Not Found' }
 * failureOutcome(new NotFoundException(), options, 'zh-CN').message; // '实体数据不存在'
 */
export function failureOutcome(exception: unknown, options: ResolvedResponseOptions, locale: string): FailureOutcome {
  try {
    if (exception instanceof ValidationFailedException) return fromValidation(exception, options, locale);
    if (exception instanceof BusinessException) return fromBusiness(exception, options, locale);
    const refused = strictlyRefusedJson(exception);
    if (refused !== undefined) {
      const violation = notAnObject('body', refused.value, [], 'body');
      return fromValidation(new ValidationFailedException([violation]), options, locale);
    }
    if (exception instanceof HttpException) return fromHttpException(exception, options, locale);
    const requestStatus = requestErrorStatus(exception);
    if (requestStatus !== undefined) return fromRequestError(exception, requestStatus, options, locale);
    return internalFailure(exception, options, locale);
  } catch {
    return internalFailure(undefined, options, locale);
  }
}
