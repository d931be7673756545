import { Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CodeRegistry, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { type IncomingRequest, RequestFactsReader } from '../../src/http/request-facts.reader.js';

type Request = IncomingRequest & { query?: Record<string, string> };

function reader(options: ResponseOptions, registryLocales: string[] = ['en']): RequestFactsReader {
  const registry = { locales: () => registryLocales } as unknown as CodeRegistry;
  return new RequestFactsReader(resolveResponseOptions(options), {} as HttpAdapterHost, registry);
}

const request = (headers: Record<string, string> = {}, query?: Record<string, string>): Request => ({ headers, query });

afterEach(() => vi.restoreAllMocks());

describe('locale negotiation', () => {
  it('matches Accept-Language with q-values and primary tags among the built-in locales', () => {
    const facts = reader({});
    expect(facts.locale(request({ 'accept-language': 'fr, zh;q=0.8, en;q=0.5' }))).toBe('zh-CN');
    expect(facts.locale(request({ 'accept-language': 'en-GB' }))).toBe('en');
    expect(facts.locale(request({ 'accept-language': 'de' }))).toBe('en');
    expect(facts.locale(request())).toBe('en');
  });

  it('falls back to locale.default, read from a configurable header', () => {
    const facts = reader({ locale: { default: 'zh-CN', header: 'X-Lang' } });
    expect(facts.locale(request({ 'accept-language': 'en' }))).toBe('zh-CN');
    expect(facts.locale(request({ 'x-lang': 'en-US' }))).toBe('en');
    expect(facts.locale(request({ 'x-lang': 'ko' }))).toBe('zh-CN');
  });

  it('knows the locales of the registered messages too', () => {
    const facts = reader({}, ['en', 'ja', 'zh-CN']);
    expect(facts.locale(request({ 'accept-language': 'ja-JP, en;q=0.5' }))).toBe('ja');
    expect(reader({}).locale(request({ 'accept-language': 'ja-JP, en;q=0.5' }))).toBe('en');
  });
});

describe('locale.resolve', () => {
  const fromQuery = (req: { query?: unknown }) => (req.query as Record<string, string> | undefined)?.lang;

  it('is asked first; its tag is matched among the known locales, an unknown one giving the default', () => {
    const facts = reader({ locale: { resolve: fromQuery } });
    expect(facts.locale(request({ 'accept-language': 'en' }, { lang: 'zh' }))).toBe('zh-CN');
    expect(facts.locale(request({ 'accept-language': 'zh-CN' }, { lang: 'EN' }))).toBe('en');
    expect(facts.locale(request({ 'accept-language': 'zh-CN' }, { lang: 'fr' }))).toBe('en');
  });

  it('leaves the choice to the header when it answers undefined or an empty string', () => {
    const facts = reader({ locale: { resolve: fromQuery } });
    expect(facts.locale(request({ 'accept-language': 'zh-CN' }))).toBe('zh-CN');
    expect(facts.locale(request({ 'accept-language': 'zh-CN' }, { lang: '' }))).toBe('zh-CN');
  });

  it('is asked once per request: the locale is remembered on it', () => {
    const resolve = vi.fn(() => 'zh-CN');
    const facts = reader({ locale: { resolve } });
    const req = request();
    expect([facts.locale(req), facts.locale(req)]).toEqual(['zh-CN', 'zh-CN']);
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(resolve).toHaveBeenCalledWith(req);
  });

  it('is logged once per app and left to the header when it throws', () => {
    const error = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const facts = reader({
      locale: {
        resolve: () => {
          throw new Error('no session');
        },
      },
    });
    expect(facts.locale(request({ 'accept-language': 'zh' }))).toBe('zh-CN');
    expect(facts.locale(request({ 'accept-language': 'en' }))).toBe('en');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/^locale\.resolve threw; the accept-language header decides instead/);
    expect(error.mock.calls[0]?.[1]).toMatch(/^Error: no session\n {4}at /);
  });
});
