import { defineCodes } from './define-codes.js';

/**
 * Custom HTTP statuses for a RESTful API whose body `code` mirrors the HTTP status: the business failures the
 * standard statuses have no number for (`391` failed, see another page; `494` no rows; `499` conflicts with …),
 * with English names and Chinese messages. Each answers with its own number as the HTTP status. `391` carries
 * the page the client should go to as its message (`params: { target }`), `499` the conflicting information
 * (`params: { info }`). Unlike `HttpStatusCodes`, these are ordinary team codes: another definition of the same
 * code is a duplicate.
 *
 * @example
 * ResponseModule.forRoot({ codes: [CustomStatusCodes] });
 * throw new BusinessException(CustomStatusCodes.FAILED_AND_SEE_OTHER, { params: { target: '/login' } });
 * // HTTP 391 { "code": 391, "message": "/login", … }
 */
export const CustomStatusCodes = defineCodes(
  {
    FAILED_AND_SEE_OTHER: { code: 391, status: 391, message: '{target}' },
    PAGE_EXPIRED: { code: 419, status: 419, message: { en: 'Page Expired', 'zh-CN': '临时token已过期，请刷新页面' } },
    ENHANCE_YOUR_CALM: {
      code: 420,
      status: 420,
      message: { en: 'Enhance Your Calm', 'zh-CN': '服务器繁忙，请稍后再试' },
    },
    TOO_EARLY: { code: 425, status: 425, message: { en: 'Too Early', 'zh-CN': '拒绝重放' } },
    // the convention's table gives 440 no Chinese text; this one is ours
    LOGIN_TIME_OUT: { code: 440, status: 440, message: { en: 'Login Time-out', 'zh-CN': '登录已超时，请重新登录' } },
    NO_ROWS_AVAILABLE: { code: 494, status: 494, message: { en: 'No Rows Available', 'zh-CN': '没有找到符合的数据' } },
    CONFLICT_WITH: { code: 499, status: 499, message: '{info}' },
    EXCEPTION: { code: 590, status: 590, message: { en: 'Exception', 'zh-CN': '服务器异常' } },
  },
  { name: 'CustomStatusCodes' },
);

/**
 * The former name of `CustomStatusCodes` (the same object), kept for one release.
 *
 * @deprecated use `CustomStatusCodes`; this alias will be removed in the next release.
 * @example
 * Seed003Codes === CustomStatusCodes; // true
 */
export const Seed003Codes = CustomStatusCodes;
