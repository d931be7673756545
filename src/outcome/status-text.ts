import { httpStatusMessage } from '../codes/http-status.codes.js';
import { localise } from '../codes/locale.js';
import { reasonPhrase } from './http-status.js';

/**
 * The built-in text of a status in a locale (the module's Chinese texts for zh-CN), else the English reason phrase.
 *
 * @example
 * statusText(404, 'zh-CN'); // '实体数据不存在'
 * statusText(404, 'en'); // 'Not Found'
 */
export function statusText(status: number, locale: string): string {
  const text = httpStatusMessage(status);
  return text === undefined ? reasonPhrase(status) : localise(text, locale);
}
