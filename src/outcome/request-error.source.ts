import { HttpException } from '@nestjs/common';
import type { LocalisedText } from '../codes/code-definition.interface.js';
import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { isFailureStatus, reasonPhrase } from './http-status.js';
import { codeForStatus, isObject } from './internal-error.source.js';
import type { FailureOutcome } from './outcome.interface.js';
import { statusText } from './status-text.js';

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

type ErrorLike = { statusCode?: unknown; status?: unknown; type?: unknown; code?: unknown; expose?: unknown };

/**
 * The 4xx status of an error raised while reading the request (http-errors, Fastify errors), if it is one.
 *
 * @example
 * requestErrorStatus(Object.assign(new SyntaxError('…'), { type: 'entity.parse.failed', status: 400 })); // 400
 */
export function requestErrorStatus(error: unknown): number | undefined {
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

/**
 * True for Nest 11's cause-less `BadRequestException` carrying a JSON parser's message.
 *
 * @example
 * isUncausedJsonParserError(new BadRequestException('Unexpected end of JSON input'), 'Unexpected end of JSON input'); // true
 */
export function isUncausedJsonParserError(exception: HttpException, response: unknown): boolean {
  if (exception.getStatus() !== 400 || exception.cause !== undefined) return false;
  const message = typeof response === 'string' ? response : isObject(response) ? response.message : undefined;
  return typeof message === 'string' && JSON_PARSER_WORDING.test(message);
}

/**
 * The value of a JSON body that body-parser's strict mode refused although it is valid JSON (`null`, `"str"`, `42`):
 * such a body is no malformed JSON but a body that is not an object. `undefined` for any other error.
 *
 * @example
 * strictlyRefusedJson(Object.assign(new SyntaxError('…'), { type: 'entity.parse.failed', body: 'null' })); // { value: null }
 */
export function strictlyRefusedJson(error: unknown): { value: unknown } | undefined {
  const body = refusedBody(error);
  // Strict mode refuses a body that starts with neither `{` nor `[`; anything else that failed is malformed.
  if (body === undefined || /^\s*[{[]/.test(body)) return undefined;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}

/** V8's message for strict mode's refusal, which quotes a short body whole (Nest 11 keeps only the message). */
const STRICT_REFUSAL = /^Unexpected token '.', "(.{1,64})" is not valid JSON$/s;

function refusedBody(error: unknown): string | undefined {
  const parserError = error instanceof HttpException ? error.cause : error;
  if (isObject(parserError) && parserError.type === 'entity.parse.failed') {
    return typeof parserError.body === 'string' ? parserError.body : undefined;
  }
  if (error instanceof HttpException && isUncausedJsonParserError(error, error.getResponse())) {
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : isObject(response) ? response.message : undefined;
    return typeof message === 'string' ? STRICT_REFUSAL.exec(message)?.[1] : undefined;
  }
  return undefined;
}

/**
 * The module's fixed text for a request that could not be read: it never quotes the body.
 *
 * @example
 * requestErrorMessage(400, new SyntaxError('Unexpected token } in JSON'), 'en'); // 'Malformed JSON in request body'
 */
export function requestErrorMessage(status: number, error: unknown, locale: string): string {
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

/**
 * The outcome of a request that could not be read (malformed JSON, too large, unsupported media type).
 *
 * @example
 * fromRequestError(new SyntaxError(), 400, options, 'en').message; // 'Malformed JSON in request body'
 */
export function fromRequestError(
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
