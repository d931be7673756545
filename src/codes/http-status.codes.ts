import type { CodeDefinition, LocalisedText } from './code-definition.interface.js';
import { defineCodes } from './define-codes.js';

/**
 * The HTTP statuses as a catalogue, keyed as Nest's `HttpStatus` names them, with English (the RFC reason
 * phrase) and Chinese messages. The Chinese texts are those of a RESTful API convention's status table; rows
 * marked "zh-CN: ours" had none there. It also supplies the localised default messages of plain `HttpException`s
 * without a message of their own. List it in the `codes` option to put it in the code table; it never
 * counts as a duplicate: a team code `404` (or an always-200 API's `201`) is legal and wins over it.
 *
 * @example
 * ResponseModule.forRoot({ codes: [HttpStatusCodes, OrderCodes] });
 * HttpStatusCodes.NOT_FOUND.message; // { en: 'Not Found', 'zh-CN': '实体数据不存在' }
 */
export const HttpStatusCodes = defineCodes(
  {
    CONTINUE: { code: 100, status: 100, message: { en: 'Continue', 'zh-CN': '继续' } }, // zh-CN: ours
    SWITCHING_PROTOCOLS: { code: 101, status: 101, message: { en: 'Switching Protocols', 'zh-CN': '切换协议' } }, // zh-CN: ours
    PROCESSING: { code: 102, status: 102, message: { en: 'Processing', 'zh-CN': '处理中' } }, // zh-CN: ours
    EARLYHINTS: { code: 103, status: 103, message: { en: 'Early Hints', 'zh-CN': '早期提示' } }, // zh-CN: ours
    OK: { code: 200, status: 200, message: { en: 'OK', 'zh-CN': '成功' } },
    CREATED: { code: 201, status: 201, message: { en: 'Created', 'zh-CN': '创建成功' } },
    ACCEPTED: { code: 202, status: 202, message: { en: 'Accepted', 'zh-CN': '已接受' } },
    NON_AUTHORITATIVE_INFORMATION: {
      code: 203,
      status: 203,
      message: { en: 'Non-Authoritative Information', 'zh-CN': '创建成功' },
    },
    NO_CONTENT: { code: 204, status: 204, message: { en: 'No Content', 'zh-CN': '操作成功' } },
    RESET_CONTENT: { code: 205, status: 205, message: { en: 'Reset Content', 'zh-CN': '已重置，请刷新页面' } },
    PARTIAL_CONTENT: { code: 206, status: 206, message: { en: 'Partial Content', 'zh-CN': '断点数据成功' } },
    MULTI_STATUS: { code: 207, status: 207, message: { en: 'Multi-Status', 'zh-CN': '成功' } },
    ALREADY_REPORTED: { code: 208, status: 208, message: { en: 'Already Reported', 'zh-CN': '成功' } },
    IM_USED: { code: 226, status: 226, message: { en: 'IM Used', 'zh-CN': '成功' } },
    AMBIGUOUS: { code: 300, status: 300, message: { en: 'Multiple Choices', 'zh-CN': '多种选择' } }, // zh-CN: ours
    MOVED_PERMANENTLY: { code: 301, status: 301, message: { en: 'Moved Permanently', 'zh-CN': '资源被重置到新位置' } },
    FOUND: { code: 302, status: 302, message: { en: 'Found', 'zh-CN': '临时重定向' } },
    SEE_OTHER: { code: 303, status: 303, message: { en: 'See Other', 'zh-CN': '操作成功后重定向' } },
    NOT_MODIFIED: { code: 304, status: 304, message: { en: 'Not Modified', 'zh-CN': '成功（读取缓存）' } },
    USE_PROXY: { code: 305, status: 305, message: { en: 'Use Proxy', 'zh-CN': '需要代理才可访问' } },
    TEMPORARY_REDIRECT: { code: 307, status: 307, message: { en: 'Temporary Redirect', 'zh-CN': '临时重定向' } },
    PERMANENT_REDIRECT: {
      code: 308,
      status: 308,
      message: { en: 'Permanent Redirect', 'zh-CN': '资源被重置到新位置' },
    },
    BAD_REQUEST: { code: 400, status: 400, message: { en: 'Bad Request', 'zh-CN': '客户端错误' } },
    UNAUTHORIZED: { code: 401, status: 401, message: { en: 'Unauthorized', 'zh-CN': '未登录' } },
    PAYMENT_REQUIRED: { code: 402, status: 402, message: { en: 'Payment Required', 'zh-CN': '需要支付' } },
    FORBIDDEN: { code: 403, status: 403, message: { en: 'Forbidden', 'zh-CN': '无权限访问' } },
    NOT_FOUND: { code: 404, status: 404, message: { en: 'Not Found', 'zh-CN': '实体数据不存在' } },
    METHOD_NOT_ALLOWED: { code: 405, status: 405, message: { en: 'Method Not Allowed', 'zh-CN': '请求方法不允许' } }, // zh-CN: ours
    NOT_ACCEPTABLE: { code: 406, status: 406, message: { en: 'Not Acceptable', 'zh-CN': '无法提供可接受的格式' } }, // zh-CN: ours
    PROXY_AUTHENTICATION_REQUIRED: {
      code: 407,
      status: 407,
      message: { en: 'Proxy Authentication Required', 'zh-CN': '需要第三方授权' },
    },
    REQUEST_TIMEOUT: { code: 408, status: 408, message: { en: 'Request Timeout', 'zh-CN': '网络不稳定，请求超时' } },
    CONFLICT: { code: 409, status: 409, message: { en: 'Conflict', 'zh-CN': '数据冲突' } },
    GONE: { code: 410, status: 410, message: { en: 'Gone', 'zh-CN': '数据已失效' } },
    LENGTH_REQUIRED: { code: 411, status: 411, message: { en: 'Length Required', 'zh-CN': '缺少长度数据' } },
    PRECONDITION_FAILED: { code: 412, status: 412, message: { en: 'Precondition Failed', 'zh-CN': '前置验证失败' } },
    PAYLOAD_TOO_LARGE: { code: 413, status: 413, message: { en: 'Payload Too Large', 'zh-CN': '上传数据过大' } },
    URI_TOO_LONG: { code: 414, status: 414, message: { en: 'URI Too Long', 'zh-CN': '请求目标错误' } },
    UNSUPPORTED_MEDIA_TYPE: {
      code: 415,
      status: 415,
      message: { en: 'Unsupported Media Type', 'zh-CN': '上传数据格式不正确' },
    },
    REQUESTED_RANGE_NOT_SATISFIABLE: {
      code: 416,
      status: 416,
      message: { en: 'Range Not Satisfiable', 'zh-CN': '请求范围无法满足' },
    }, // zh-CN: ours
    EXPECTATION_FAILED: { code: 417, status: 417, message: { en: 'Expectation Failed', 'zh-CN': '预期条件失败' } }, // zh-CN: ours
    I_AM_A_TEAPOT: { code: 418, status: 418, message: { en: "I'm a Teapot", 'zh-CN': '我是茶壶' } }, // zh-CN: ours
    MISDIRECTED: {
      code: 421,
      status: 421,
      message: { en: 'Misdirected Request', 'zh-CN': '请求发送到了错误的服务器' },
    }, // zh-CN: ours
    UNPROCESSABLE_ENTITY: {
      code: 422,
      status: 422,
      message: { en: 'Unprocessable Entity', 'zh-CN': '请求内容无法处理' },
    }, // zh-CN: ours
    LOCKED: { code: 423, status: 423, message: { en: 'Locked', 'zh-CN': '资源被锁定' } },
    FAILED_DEPENDENCY: { code: 424, status: 424, message: { en: 'Failed Dependency', 'zh-CN': '依赖存在错误' } },
    TOO_EARLY: { code: 425, status: 425, message: { en: 'Too Early', 'zh-CN': '拒绝重放' } },
    UPGRADE_REQUIRED: {
      code: 426,
      status: 426,
      message: { en: 'Upgrade Required', 'zh-CN': '客户端版本过低，强制升级' },
    },
    PRECONDITION_REQUIRED: {
      code: 428,
      status: 428,
      message: { en: 'Precondition Required', 'zh-CN': '缺少前置条件' },
    }, // zh-CN: ours
    TOO_MANY_REQUESTS: { code: 429, status: 429, message: { en: 'Too Many Requests', 'zh-CN': '请求过于频繁' } },
    REQUEST_HEADER_FIELDS_TOO_LARGE: {
      code: 431,
      status: 431,
      message: { en: 'Request Header Fields Too Large', 'zh-CN': '请求头字段过大' },
    }, // zh-CN: ours
    UNAVAILABLE_FOR_LEGAL_REASONS: {
      code: 451,
      status: 451,
      message: { en: 'Unavailable For Legal Reasons', 'zh-CN': '内容违反规定' },
    },
    INTERNAL_SERVER_ERROR: { code: 500, status: 500, message: { en: 'Internal Server Error', 'zh-CN': '服务层错误' } },
    NOT_IMPLEMENTED: { code: 501, status: 501, message: { en: 'Not Implemented', 'zh-CN': '服务未开放' } },
    BAD_GATEWAY: { code: 502, status: 502, message: { en: 'Bad Gateway', 'zh-CN': '网关错误' } },
    SERVICE_UNAVAILABLE: { code: 503, status: 503, message: { en: 'Service Unavailable', 'zh-CN': '服务不可用' } },
    GATEWAY_TIMEOUT: { code: 504, status: 504, message: { en: 'Gateway Timeout', 'zh-CN': '网关超时' } },
    HTTP_VERSION_NOT_SUPPORTED: {
      code: 505,
      status: 505,
      message: { en: 'HTTP Version Not Supported', 'zh-CN': 'HTTP 版本不受支持' },
    }, // zh-CN: ours
    VARIANT_ALSO_NEGOTIATES: {
      code: 506,
      status: 506,
      message: { en: 'Variant Also Negotiates', 'zh-CN': '服务器配置错误' },
    },
    INSUFFICIENT_STORAGE: { code: 507, status: 507, message: { en: 'Insufficient Storage', 'zh-CN': '存储空间不足' } },
    LOOP_DETECTED: { code: 508, status: 508, message: { en: 'Loop Detected', 'zh-CN': '检测到死循环' } }, // zh-CN: ours
    NOT_EXTENDED: { code: 510, status: 510, message: { en: 'Not Extended', 'zh-CN': '缺少扩展' } }, // zh-CN: ours
    NETWORK_AUTHENTICATION_REQUIRED: {
      code: 511,
      status: 511,
      message: { en: 'Network Authentication Required', 'zh-CN': '服务间认证失败' },
    },
  },
  { name: 'HttpStatusCodes' },
);

const BUILT_IN: ReadonlySet<CodeDefinition> = new Set<CodeDefinition>(Object.values(HttpStatusCodes));
const MESSAGE_BY_STATUS: ReadonlyMap<number, LocalisedText> = new Map(
  Object.values(HttpStatusCodes).map((definition) => [definition.code, definition.message]),
);

/**
 * True for a definition of the built-in HTTP catalogue: the registry exempts these from the duplicate check.
 *
 * @example
 * isBuiltInHttpCode(HttpStatusCodes.NOT_FOUND); // true
 */
export function isBuiltInHttpCode(definition: CodeDefinition): boolean {
  return BUILT_IN.has(definition);
}

/**
 * The built-in message of an HTTP status in every built-in locale, if the catalogue has the status.
 *
 * @example
 * httpStatusMessage(404); // { en: 'Not Found', 'zh-CN': '实体数据不存在' }
 */
export function httpStatusMessage(status: number): LocalisedText | undefined {
  return MESSAGE_BY_STATUS.get(status);
}
