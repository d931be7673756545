import type { CodeDefinition } from '../codes/code-definition.interface.js';
import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import type { SuccessOutcome } from './outcome.interface.js';

/**
 * The success outcome of a handler result: `data` is `null` for `null` / `undefined`. The endpoint's
 * `@ApiCode` definition, when it has one, gives the code and message instead of the `success` option.
 *
 * @example
 * successOutcome({ id: 7 }, 201, options, 'en'); // { kind: 'success', httpStatus: 201, code: 0, message: 'OK', data: { id: 7 } }
 * successOutcome({ id: 7 }, 201, options, 'zh-CN', OrderCodes.ORDER_CREATED); // { …, code: 10002, message: '订单已创建' }
 */
export function successOutcome(
  data: unknown,
  httpStatus: number,
  options: ResolvedResponseOptions,
  locale: string,
  endpointCode?: CodeDefinition,
): SuccessOutcome {
  const { code, message } = endpointCode ?? options.success;
  return {
    kind: 'success',
    httpStatus,
    code: code === 'http-status' && endpointCode === undefined ? httpStatus : code,
    message: localise(message, locale),
    data: data ?? null,
  };
}
