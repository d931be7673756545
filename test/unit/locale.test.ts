import { describe, expect, it } from 'vitest';
import {
  interpolate,
  localise,
  LocaleNegotiator,
  parseAcceptLanguage,
  placeholdersAsWritten,
} from '../../src/codes/locale.js';

describe('parseAcceptLanguage', () => {
  it('orders ranges by quality, keeping header order for ties, and drops q=0 and garbage', () => {
    const ranges = parseAcceptLanguage('fr;q=0.5, zh-CN, en;q=0.8, de;q=0, ;;; , x_y, en-GB;q=0.8');
    expect(ranges.map((r) => [r.tag, r.quality])).toEqual([
      ['zh-CN', 1],
      ['en', 0.8],
      ['en-GB', 0.8],
      ['fr', 0.5],
    ]);
  });
});

describe('LocaleNegotiator', () => {
  const negotiator = new LocaleNegotiator(['en', 'zh-CN'], 'en');

  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['fr, zh;q=0.9, en;q=0.8', 'zh-CN'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['%%%garbage%%%', 'en'],
  ])('Accept-Language %j → %s', (header, expected) => {
    expect(negotiator.negotiate(header)).toBe(expected);
    expect(negotiator.negotiate(header)).toBe(expected); // cached answer is the same
  });

  it('falls back to the configured default', () => {
    expect(new LocaleNegotiator(['en', 'zh-CN'], 'zh-CN').negotiate('ja')).toBe('zh-CN');
  });

  it('stays bounded under many distinct headers', () => {
    const many = new LocaleNegotiator(['en'], 'en');
    for (let i = 0; i < 1000; i++) expect(many.negotiate(`x-${i}`)).toBe('en');
  });
});

describe('localise', () => {
  const text = { en: 'out of stock', 'zh-CN': '库存不足' };
  it('picks the exact locale, then the primary tag, then en, then any', () => {
    expect(localise(text, 'zh-CN')).toBe('库存不足');
    expect(localise(text, 'zh-TW')).toBe('库存不足');
    expect(localise(text, 'ja')).toBe('out of stock');
    expect(localise({ 'zh-CN': '库存不足' }, 'ja')).toBe('库存不足');
    expect(localise('plain', 'zh-CN')).toBe('plain');
    expect(localise({}, 'en')).toBe('');
  });
});

describe('interpolate', () => {
  it('fills {name} placeholders', () => {
    expect(interpolate('sku {sku} has {left} left, {n}n, {ok}', { sku: 'A1', left: 0, n: 9n, ok: true })).toBe(
      'sku A1 has 0 left, 9n, true',
    );
    expect(interpolate('no placeholders', { a: 1 })).toBe('no placeholders');
    expect(interpolate('price: {p}', { p: '$& $1' })).toBe('price: $& $1'); // no replacement patterns
  });

  it('never leaves a raw {name}: a placeholder with nothing to show is left out with one space beside it', () => {
    expect(interpolate('book {id} not found', {})).toBe('book not found');
    expect(interpolate('{id} not found', {})).toBe('not found');
    expect(interpolate('out of stock: {sku}', { sku: { deep: 1 } })).toBe('out of stock:');
    expect(interpolate('订单 {id} 不存在', { id: null })).toBe('订单 不存在');
    expect(interpolate('{a}', { a: () => 1 })).toBe('');
    // inherited members are not params
    expect(interpolate('{constructor} {toString}', {})).toBe('');
    expect(interpolate('x {a} {b} y', {})).toBe('x y');
    expect(interpolate('{a}{b} x', {})).toBe('x');
    expect(interpolate('{a} {b}', { a: 'A' })).toBe('A');
    expect(interpolate('已借出：{title}，{days} 天后归还', { title: '三体' })).toBe('已借出：三体，天后归还');
  });

  it('leaves text that is not a placeholder as it is', () => {
    expect(interpolate('use {} or { x } or {9x} or {"a":1}', {})).toBe('use {} or { x } or {9x} or {"a":1}');
  });

  it('never throws: a throwing getter or proxy shows nothing', () => {
    const getter = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(interpolate('book {id} not found', getter)).toBe('book not found');
    const trap = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
      },
    );
    expect(interpolate('book {id} not found', trap)).toBe('book not found');
  });
});

describe('placeholdersAsWritten', () => {
  it('gives params that render a message as written, in every locale', () => {
    const message = { en: 'user {id} not found in {org.name}', 'zh-CN': '用户 {id} 不存在 {extra}' };
    const params = placeholdersAsWritten(message);
    expect(params).toEqual({ id: '{id}', 'org.name': '{org.name}', extra: '{extra}' });
    expect(interpolate(message.en, params)).toBe(message.en);
    expect(interpolate(message['zh-CN'], params)).toBe(message['zh-CN']);
    expect(placeholdersAsWritten('no {} placeholders { x }')).toEqual({});
  });
});
