import type { LocalisedText } from './code-definition.interface.js';

const FALLBACK_LOCALE = 'en';
const NEGOTIATION_CACHE_LIMIT = 256;

interface LanguageRange {
  tag: string;
  primary: string;
  quality: number;
}

function primaryOf(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash === -1 ? tag : tag.slice(0, dash)).toLowerCase();
}

/** Parses an `Accept-Language` value into ranges, best first (stable for equal quality). */
export function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const part of header.split(',')) {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim() ?? '';
    if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) continue;
    let quality = 1;
    let malformed = false;
    for (const param of params) {
      if (!/^\s*q\s*=/.test(param)) continue;
      const match = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.exec(param);
      if (match) quality = Number(match[1]);
      else malformed = true; // RFC 9110 qvalue: 0 to 1, three decimals at most
    }
    if (!malformed && quality > 0) ranges.push({ tag, primary: primaryOf(tag), quality });
  }
  return ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => b.range.quality - a.range.quality || a.index - b.index)
    .map(({ range }) => range);
}

/**
 * Picks, among the locales the app knows, the one an `Accept-Language` header prefers: exact tags first,
 * then by primary tag (`zh` → `zh-CN`, `en-US` → `en`); `fallback` when nothing matches.
 */
export class LocaleNegotiator {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly known: readonly string[],
    private readonly fallback: string,
  ) {}

  negotiate(header: string | undefined): string {
    if (!header) return this.fallback;
    const cached = this.cache.get(header);
    if (cached !== undefined) return cached;
    const chosen = this.choose(header);
    if (this.cache.size >= NEGOTIATION_CACHE_LIMIT) this.cache.clear();
    this.cache.set(header, chosen);
    return chosen;
  }

  private choose(header: string): string {
    for (const range of parseAcceptLanguage(header)) {
      if (range.tag === '*') return this.fallback;
      const lower = range.tag.toLowerCase();
      const exact = this.known.find((locale) => locale.toLowerCase() === lower);
      if (exact) return exact;
      const samePrimary = this.known.find((locale) => primaryOf(locale) === range.primary);
      if (samePrimary) return samePrimary;
    }
    return this.fallback;
  }
}

/**
 * The text of a message in a locale: exact tag, then same primary tag, then `en`, then any locale it has.
 *
 * @example
 * localise({ en: 'out of stock', 'zh-CN': '库存不足' }, 'zh-CN'); // '库存不足'
 */
export function localise(text: string | LocalisedText, locale: string): string {
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const primary = primaryOf(locale);
  const keys = Object.keys(text);
  const samePrimary = keys.find((key) => primaryOf(key) === primary);
  if (samePrimary !== undefined) return text[samePrimary];
  const english = text[FALLBACK_LOCALE];
  if (english !== undefined) return english;
  return keys.length > 0 ? text[keys[0]] : '';
}

function shown(params: Readonly<Record<string, unknown>>, name: string): string | undefined {
  try {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  } catch {
    // a throwing getter or proxy trap: nothing to show
  }
  return undefined; // objects, functions and symbols have no text worth showing a client
}

const PLACEHOLDER = /\{([A-Za-z_][\w.-]*)\}/g;
const SPACE = /\s/;

/**
 * Params that render every placeholder of a message as itself (`{ id: '{id}' }`), in every locale: for examples
 * that document the message as written (the OpenAPI document), not as one request filled it.
 *
 * @example
 * placeholdersAsWritten({ en: 'user {id} not found', 'zh-CN': '用户 {id} 不存在' }); // { id: '{id}' }
 */
export function placeholdersAsWritten(text: string | LocalisedText): Record<string, string> {
  const params: Record<string, string> = {};
  for (const message of typeof text === 'string' ? [text] : Object.values(text)) {
    for (const [whole, name] of message.matchAll(PLACEHOLDER)) params[name] = whole;
  }
  return params;
}

/**
 * Fills `{name}` placeholders from `params` (own members only). A placeholder with nothing to show (no such
 * param, or an object, function or symbol) is left out with one space beside it (the one before, else the one
 * after), so a client never reads a raw `{id}`. Never throws.
 *
 * @example
 * interpolate('book {id} not found', { id: 42 }); // 'book 42 not found'
 * interpolate('book {id} not found', {}); // 'book not found'
 */
export function interpolate(message: string, params: Readonly<Record<string, unknown>>): string {
  if (!message.includes('{')) return message;
  let out = '';
  let last = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    const end = match.index + match[0].length;
    const text = shown(params, match[1]);
    const before = message.slice(last, match.index);
    last = end;
    if (text !== undefined) out += before + text;
    else if (before !== '' && SPACE.test(before.at(-1)!)) out += before.slice(0, -1);
    else {
      out += before;
      if (end < message.length && SPACE.test(message[end])) last = end + 1;
    }
  }
  return out + message.slice(last);
}
