import type { HttpException } from '@nestjs/common';
import { httpStatusMessage } from '../codes/http-status.codes.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { isFailureStatus, reasonPhrase } from './http-status.js';
import { codeForStatus, exceptionInfo, internalFailure, isObject } from './internal-error.source.js';
import type { FailureOutcome } from './outcome.interface.js';
import {
  fromRequestError,
  isUncausedJsonParserError,
  requestErrorMessage,
  requestErrorStatus,
} from './request-error.source.js';
import { statusText } from './status-text.js';

/** Members of Nest's own exception bodies that are not part of the occurrence's detail. */
const NEST_BODY_MEMBERS = new Set(['statusCode', 'message', 'error', 'errorCode', 'detail']);
/** Nest's default exception messages that are not the RFC reason phrase (compared case-insensitively). */
const NEST_DEFAULT_MESSAGES: Readonly<Record<number, string>> = { 421: 'misdirected' };

/** The default texts of each status, lower-cased: made once per status, not on every failure. */
const defaultTextsByStatus = new Map<number, readonly string[]>();

function defaultTexts(status: number): readonly string[] {
  let texts = defaultTextsByStatus.get(status);
  if (texts === undefined) {
    const english = httpStatusMessage(status)?.en;
    texts = [reasonPhrase(status), english, NEST_DEFAULT_MESSAGES[status]]
      .filter((text): text is string => text !== undefined)
      .map((text) => text.toLowerCase());
    defaultTextsByStatus.set(status, texts);
  }
  return texts;
}

/** True for a message that is only the default text of its status (Nest's `new NotFoundException()`). */
function isDefaultText(message: string, status: number): boolean {
  const texts = defaultTexts(status);
  // Most messages are no default text, and most differ in length from all of them: no lower-cased copy then.
  if (!texts.some((text) => text.length === message.length)) return false;
  return texts.includes(message.toLowerCase());
}

/** Nest's router text for an unknown route, `Cannot GET /path?query`: the target as the client sent it. */
const NEST_NOT_FOUND_PREFIX = 'Cannot ';
const NEST_NOT_FOUND = /^(Cannot [A-Z]+ [^?#\s]*)[?#][^\s]*$/;

/** The exception's own message, or `undefined` when it has none (or only its status's default text). */
function ownMessageOf(response: unknown, status: number): string | undefined {
  let own: string | undefined;
  if (typeof response === 'string') own = response;
  else if (isObject(response) && !(response instanceof Error)) {
    const { message } = response;
    if (typeof message === 'string') own = message;
    else if (Array.isArray(message)) {
      own = message.filter((item): item is string => typeof item === 'string' && item !== '').join('; ');
    }
  }
  if (own === undefined || own === '' || isDefaultText(own, status)) return undefined;
  // The query (tokens, e-mail addresses …) is not the body's to echo: `path` drops it, and so does the message.
  return status === 404 && own.startsWith(NEST_NOT_FOUND_PREFIX) ? own.replace(NEST_NOT_FOUND, '$1') : own;
}

function detailOf(response: unknown): unknown {
  if (!isObject(response) || response instanceof Error || Array.isArray(response)) return undefined;
  if (response.detail !== undefined) return response.detail;
  const extra = Object.keys(response).filter((key) => !NEST_BODY_MEMBERS.has(key));
  return extra.length === 0 ? undefined : Object.fromEntries(extra.map((key) => [key, response[key]]));
}

function errorCodeOf(exception: HttpException, response: unknown): string | undefined {
  const own: unknown = (exception as { errorCode?: unknown }).errorCode;
  if (typeof own === 'string' && own !== '') return own;
  const inBody = isObject(response) ? response.errorCode : undefined;
  return typeof inBody === 'string' && inBody !== '' ? inBody : undefined;
}

/**
 * The outcome of an `HttpException`: its status, its own message (or the status's text), Nest 12's `errorCode`,
 * extra body members as `detail`. Errors from reading the request keep the module's fixed texts.
 *
 * @example
 * fromHttpException(new NotFoundException('Order 7 not found'), options, 'en');
 * // { kind: 'failure', httpStatus: 404, code: 404, message: 'Order 7 not found', error: 'Not Found' }
 */
export function fromHttpException(
  exception: HttpException,
  options: ResolvedResponseOptions,
  locale: string,
): FailureOutcome {
  const status = exception.getStatus();
  if (!isFailureStatus(status)) return internalFailure(exception, options, locale);
  const response = exception.getResponse();
  if (isUncausedJsonParserError(exception, response)) return fromRequestError(new SyntaxError(), 400, options, locale);
  const fromRequest = requestErrorStatus(exception.cause) !== undefined;
  return {
    kind: 'failure',
    httpStatus: status,
    code: errorCodeOf(exception, response) ?? codeForStatus(status, options),
    message: fromRequest
      ? requestErrorMessage(status, exception.cause, locale)
      : (ownMessageOf(response, status) ?? statusText(status, locale)),
    error: reasonPhrase(status),
    detail: fromRequest ? undefined : detailOf(response),
    exception: status >= 500 ? exceptionInfo(exception) : undefined,
  };
}
