import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../module/resolve-options.js';
import type { SuccessOutcome } from './outcome.interface.js';

/**
 * The success outcome of a handler result: `data` is `null` for `null` / `undefined`.
 *
 * @example
 * successOutcome({ id: 7 }, 201, options, 'en'); // { kind: 'success', httpStatus: 201, code: 0, message: 'OK', data: { id: 7 } }
 */
export function successOutcome(
  data: unknown,
  httpStatus: number,
  options: ResolvedResponseOptions,
  locale: string,
): SuccessOutcome {
  const { code, message } = options.success;
  return {
    kind: 'success',
    httpStatus,
    code: code === 'http-status' ? httpStatus : code,
    message: typeof message === 'string' ? message : localise(message, locale),
    data: data ?? null,
  };
}
