import { HttpException } from '@nestjs/common';
import { BusinessException } from '../codes/business.exception.js';
import type { LocalisedText } from '../codes/code-definition.interface.js';
import { httpStatusMessage } from '../codes/http-status.codes.js';
import { interpolate, localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { springObjectName } from '../validation/spring-message-codes.js';
import { ValidationFailedException } from '../validation/validation-failed.exception.js';
import {
  GENERIC_FAILURE_MESSAGE,
  INTERNAL_SERVER_ERROR,
  isBusinessFailureStatus,
  isFailureStatus,
  reasonPhrase,
} from './http-status.js';
import type { FailureOutcome } from './outcome.interface.js';

/** Members of Nest's own exception bodies that are not part of the occurrence's detail. */
const NEST_BODY_MEMBERS = new Set(['statusCode', 'message', 'error', 'errorCode', 'detail']);

/**
 * Messages for errors raised while reading the request (body-parser, Fastify's content-type parsers).
 * Their own texts may quote the body (V8's JSON errors do), so they never reach the client.
 */
const REQUEST_ERROR_MESSAGES: Readonly<Record<number, LocalisedText>> = {
  400: { en: 'Malformed request: the body could not be read', 'zh-CN': '请求格式错误：无法读取请求体' },
  413: { en: 'Request body is too large', 'zh-CN': '请求体过大' },
  415: {
    en: 'Unsupported media type: the request body has a Content-Type or encoding this endpoint does not read',
    'zh-CN': '不支持的媒体类型：此接口不读取该 Content-Type 或编码的请求体',
  },
};
const MALFORMED_JSON_MESSAGE: LocalisedText = {
  en: 'Malformed JSON in request body',
  'zh-CN': '请求体中的 JSON 格式错误',
};
const EMPTY_JSON_MESSAGE: LocalisedText = {
  en: 'Request body is empty, but its Content-Type says JSON',
  'zh-CN': '请求体为空，但其 Content-Type 声明为 JSON',
};
/** The generic 500 text; zh-CN is seed 003's text for 500. */
const GENERIC_FAILURE: LocalisedText = { en: GENERIC_FAILURE_MESSAGE, 'zh-CN': '服务层错误' };
/** Nest's default exception messages that are not the RFC reason phrase (compared case-insensitively). */
const NEST_DEFAULT_MESSAGES: Readonly<Record<number, string>> = { 421: 'misdirected' };

type ErrorLike = { statusCode?: unknown; status?: unknown; type?: unknown; code?: unknown; expose?: unknown };

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The 4xx status of an error raised while reading the request (http-errors, Fastify errors), if it is one. */
function requestErrorStatus(error: unknown): number | undefined {
  if (!isObject(error) || error instanceof HttpException) return undefined;
  const { statusCode, status, type, code } = error as ErrorLike;
  const fromParser =
    (typeof type === 'string' && /^(entity|request|encoding|charset|parameters|stream)\./.test(type)) ||
    (typeof code === 'string' && code.startsWith('FST_')) ||
    error instanceof SyntaxError;
  const value = statusCode ?? status;
  return fromParser && isFailureStatus(value) && value < 500 ? value : undefined;
}

/**
 * Nest 11 maps a body parser's `SyntaxError` to `new BadRequestException(error.message)` and drops the cause; the
 * message is V8's (which quotes the body) or Fastify's. These are recognised by their wording.
 */
const JSON_PARSER_WORDING =
  /\bin JSON at position \d+|^Unexpected end of JSON input$|is not valid JSON|^Unexpected token .* JSON/;

function isUncausedJsonParserError(exception: HttpException, response: unknown): boolean {
  if (exception.getStatus() !== 400 || exception.cause !== undefined) return false;
  const message = typeof response === 'string' ? response : isObject(response) ? response.message : undefined;
  return typeof message === 'string' && JSON_PARSER_WORDING.test(message);
}

/** The built-in text of a status in a locale (seed 003's Chinese for zh-CN), else the English reason phrase. */
function statusText(status: number, locale: string): string {
  const text = httpStatusMessage(status);
  return text === undefined ? reasonPhrase(status) : localise(text, locale);
}

/** True for a message that is only the default text of its status (Nest's `new NotFoundException()`). */
function isDefaultText(message: string, status: number): boolean {
  const lower = message.toLowerCase();
  return (
    lower === reasonPhrase(status).toLowerCase() ||
    lower === httpStatusMessage(status)?.en?.toLowerCase() ||
    lower === NEST_DEFAULT_MESSAGES[status]
  );
}

function requestErrorMessage(status: number, error: unknown, locale: string): string {
  const { type, code } = error as ErrorLike;
  const json =
    error instanceof SyntaxError ||
    type === 'entity.parse.failed' ||
    (typeof code === 'string' && code.includes('JSON'));
  if (status === 400 && code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return localise(EMPTY_JSON_MESSAGE, locale);
  if (status === 400 && json) return localise(MALFORMED_JSON_MESSAGE, locale);
  const text = REQUEST_ERROR_MESSAGES[status];
  return text === undefined ? statusText(status, locale) : localise(text, locale);
}

function exceptionInfo(exception: unknown): FailureOutcome['exception'] {
  if (exception instanceof Error) {
    return { name: String(exception.name), stack: typeof exception.stack === 'string' ? exception.stack : undefined };
  }
  if (isObject(exception)) {
    const prototype: unknown = Object.getPrototypeOf(exception);
    const ctor = isObject(prototype) ? prototype.constructor : undefined;
    return { name: typeof ctor === 'function' && ctor.name ? ctor.name : 'Object' };
  }
  return { name: typeof exception };
}

function codeForStatus(status: number, options: ResolvedResponseOptions): FailureOutcome['code'] {
  return options.statusCodes.get(status) ?? status;
}

function internalFailure(exception: unknown, options: ResolvedResponseOptions, locale: string): FailureOutcome {
  return {
    kind: 'failure',
    httpStatus: INTERNAL_SERVER_ERROR,
    code: codeForStatus(INTERNAL_SERVER_ERROR, options),
    message: localise(GENERIC_FAILURE, locale),
    error: reasonPhrase(INTERNAL_SERVER_ERROR),
    exception: exceptionInfo(exception),
  };
}

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
  return own === undefined || own === '' || isDefaultText(own, status) ? undefined : own;
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

function fromBusiness(exception: BusinessException, options: ResolvedResponseOptions, locale: string): FailureOutcome {
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

function fromHttpException(exception: HttpException, options: ResolvedResponseOptions, locale: string): FailureOutcome {
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

/** The summary of a validation failure in the default (WeChat) style; Spring style has Spring's own text. */
const VALIDATION_SUMMARY = { en: 'Request parameters are invalid', 'zh-CN': '参数错误' };

function fromValidation(
  exception: ValidationFailedException,
  options: ResolvedResponseOptions,
  locale: string,
): FailureOutcome {
  const status = options.validation.status;
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

function fromRequestError(
  error: unknown,
  status: number,
  options: ResolvedResponseOptions,
  locale: string,
): FailureOutcome {
  return {
    kind: 'failure',
    httpStatus: status,
    code: codeForStatus(status, options),
    message: requestErrorMessage(status, error, locale),
    error: reasonPhrase(status),
  };
}

/**
 * Normalises anything thrown into a failure outcome. Never throws: a value that cannot be read
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
    if (exception instanceof HttpException) return fromHttpException(exception, options, locale);
    const requestStatus = requestErrorStatus(exception);
    if (requestStatus !== undefined) return fromRequestError(exception, requestStatus, options, locale);
    return internalFailure(exception, options, locale);
  } catch {
    return internalFailure(undefined, options, locale);
  }
}
