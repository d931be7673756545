import type { LocalisedText } from '../codes/code-definition.interface.js';
import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { reasonPhrase } from './http-status.js';
import { codeForStatus } from './internal-error.source.js';
import type { FailureOutcome } from './outcome.interface.js';

/** Node's HTTP parser errors and the status Node itself answers each with (`_http_server.js`); others are 400. */
const STATUS_OF_PARSER_ERROR: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** Fixed texts: the parser's own messages describe the bytes it refused, and never reach the client. */
const CLIENT_ERROR_MESSAGES: Readonly<Record<number, LocalisedText>> = {
  400: {
    en: 'Malformed HTTP request: the request line or a header could not be read',
    'zh-CN': '请求格式错误：无法读取请求行或请求头',
  },
  408: { en: 'Request timeout: the request did not arrive in time', 'zh-CN': '请求超时：请求未在规定时间内到达' },
  413: { en: 'Request chunk extensions are too large', 'zh-CN': '请求分块扩展过大' },
  431: { en: 'Request header fields are too large', 'zh-CN': '请求头字段过大' },
};

/**
 * The status of a request Node's HTTP parser refused (the server's `clientError` event), as Node would answer it.
 *
 * @example
 * clientErrorStatus('HPE_HEADER_OVERFLOW'); // 431
 * clientErrorStatus('HPE_INVALID_METHOD'); // 400
 */
export function clientErrorStatus(code: unknown): number {
  return typeof code === 'string' && Object.hasOwn(STATUS_OF_PARSER_ERROR, code) ? STATUS_OF_PARSER_ERROR[code] : 400;
}

/**
 * The outcome of a request Node's HTTP parser refused before any adapter or Nest code saw it: Node's status, the
 * code `statusCodes` gives it, a fixed message in `locale`.
 *
 * @example
 * fromClientError('HPE_INVALID_METHOD', options, 'en');
 * // { kind: 'failure', httpStatus: 400, code: 400, message: 'Malformed HTTP request: …', error: 'Bad Request' }
 */
export function fromClientError(code: unknown, options: ResolvedResponseOptions, locale: string): FailureOutcome {
  const status = clientErrorStatus(code);
  return {
    kind: 'failure',
    httpStatus: status,
    code: codeForStatus(status, options),
    message: localise(CLIENT_ERROR_MESSAGES[status] ?? CLIENT_ERROR_MESSAGES[400], locale),
    error: reasonPhrase(status),
  };
}
