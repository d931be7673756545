import type { CodeDefinition } from './code-definition.interface.js';

// Frozen to the messages, like `defineCodes` catalogues: a shared definition must not be edited at run time.
function frozen<T extends Record<string, CodeDefinition>>(catalogue: T): Readonly<T> {
  for (const definition of Object.values(catalogue)) Object.freeze(Object.freeze(definition).message);
  return Object.freeze(catalogue);
}

/**
 * The codes a signed route fails with, in the order the checks run. String codes in the style of WeChat Pay's
 * `SIGN_ERROR`, so they do not collide with a team's numeric catalogue.
 *
 * @example
 * if (body.code === SigningCodes.SIGN_TIMESTAMP_OUT_OF_WINDOW.code) resyncClock(body.detail.serverTime);
 */
export const SigningCodes = frozen({
  SIGN_TARGET_INVALID: {
    code: 'SIGN_TARGET_INVALID',
    status: 400,
    message: { en: 'The request target cannot be signed', 'zh-CN': '请求目标无法签名' },
  },
  SIGN_HEADER_MISSING: {
    code: 'SIGN_HEADER_MISSING',
    status: 400,
    message: { en: 'Missing signing header {header}', 'zh-CN': '缺少签名请求头 {header}' },
  },
  SIGN_HEADER_INVALID: {
    code: 'SIGN_HEADER_INVALID',
    status: 400,
    message: { en: 'Malformed signing header {header}', 'zh-CN': '签名请求头 {header} 格式错误' },
  },
  SIGN_BODY_UNREADABLE: {
    code: 'SIGN_BODY_UNREADABLE',
    status: 415,
    message: {
      en: 'The body of a signed request must be of a content type this server reads',
      'zh-CN': '签名请求的请求体必须是服务器可读取的内容类型',
    },
  },
  SIGN_ERROR: {
    code: 'SIGN_ERROR',
    status: 401,
    message: { en: 'Signature verification failed', 'zh-CN': '签名验证失败' },
  },
  SIGN_VERSION_UNSUPPORTED: {
    code: 'SIGN_VERSION_UNSUPPORTED',
    status: 401,
    message: {
      en: 'The request is signed with canonical string version 1, which this server no longer accepts; update the client',
      'zh-CN': '请求使用第 1 版规范字符串签名，服务器已不再接受，请升级客户端',
    },
  },
  SIGN_TIMESTAMP_OUT_OF_WINDOW: {
    code: 'SIGN_TIMESTAMP_OUT_OF_WINDOW',
    status: 401,
    message: {
      en: 'Request timestamp is more than {window} seconds away from the server time',
      'zh-CN': '请求时间戳与服务器时间相差超过 {window} 秒',
    },
  },
  SIGN_NONCE_USED: {
    code: 'SIGN_NONCE_USED',
    status: 409,
    message: {
      en: 'This nonce was already used; sign the request again with a new nonce',
      'zh-CN': '该随机数（nonce）已被使用，请换一个新的随机数重新签名',
    },
  },
  SIGN_NONCE_STORE_UNAVAILABLE: {
    code: 'SIGN_NONCE_STORE_UNAVAILABLE',
    status: 503,
    message: {
      en: 'Replay protection is unavailable; try again later',
      'zh-CN': '防重放服务暂不可用，请稍后重试',
    },
  },
} as const satisfies Record<string, CodeDefinition>);

const OWN = new Set<CodeDefinition>(Object.values(SigningCodes));

/**
 * True for a definition of `SigningCodes`: a failure the module raises itself, which no `@ApiThrows` needs to
 * declare (`strictThrows` never counts it as a contract violation).
 *
 * @example
 * isSigningCode(SigningCodes.SIGN_ERROR); // true
 */
export function isSigningCode(definition: CodeDefinition): boolean {
  return OWN.has(definition);
}
