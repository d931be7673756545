import type { BusinessException } from '../codes/business.exception.js';
import { interpolate, localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { isBusinessFailureStatus, reasonPhrase } from './http-status.js';
import { exceptionInfo, internalFailure } from './internal-error.source.js';
import type { FailureOutcome } from './outcome.interface.js';

/**
 * The outcome of a `BusinessException`: its definition's code, its message in `locale` with the params filled in.
 *
 * @example
 * fromBusiness(new BusinessException(OrderCodes.OUT_OF_STOCK, { params: { sku: 'TEA-1' } }), options, 'en').code; // 10010
 */
export function fromBusiness(
  exception: BusinessException,
  options: ResolvedResponseOptions,
  locale: string,
): FailureOutcome {
  const status = exception.getStatus();
  if (!isBusinessFailureStatus(status)) return internalFailure(exception, options, locale);
  const message = exception.messageOverride ?? localise(exception.definition.message, locale);
  return {
    kind: 'failure',
    httpStatus: status,
    code: exception.definition.code,
    message: interpolate(message, exception.params),
    error: reasonPhrase(status),
    detail: exception.detail,
    exception: status >= 500 ? exceptionInfo(exception) : undefined,
  };
}
