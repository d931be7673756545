import { describe, expect, it, vi } from 'vitest';
import { apiNumberKindRule, type CodeRule, HttpStatusCodes, seed004Rule } from '../../src/index.js';
import { codeRuleOf } from '../../src/codes/code-rule.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';

describe('the codeRule, strictThrows and codes options', () => {
  it("resolves 'api-number-kind' to its rule and keeps a function", () => {
    const preset = resolveResponseOptions({ codeRule: 'api-number-kind' }).codeRule;
    expect(preset).toBe('api-number-kind');
    expect(codeRuleOf(preset!)).toBe(apiNumberKindRule);
    const own: CodeRule = () => undefined;
    expect(resolveResponseOptions({ codeRule: own }).codeRule).toBe(own);
    expect(codeRuleOf(own)).toBe(own);
    expect(resolveResponseOptions().codeRule).toBeUndefined();
    expect(resolveResponseOptions().strictThrows).toBe('off');
    expect(resolveResponseOptions({ strictThrows: 'throw' }).strictThrows).toBe('throw');
  });

  it("still takes the former name 'seed-004' (deprecated) as the same rule, warning once", () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(resolveResponseOptions({ codeRule: 'seed-004' }).codeRule).toBe('api-number-kind');
      expect(resolveResponseOptions({ codeRule: 'seed-004' }).codeRule).toBe('api-number-kind');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(
        "ResponseModule: codeRule 'seed-004' is deprecated; use 'api-number-kind' (the same rule)",
        { type: 'DeprecationWarning', code: 'NEST_ENVELOPE_CODE_RULE_NAME' },
      );
    } finally {
      warn.mockRestore();
    }
    expect(seed004Rule).toBe(apiNumberKindRule);
  });

  it.each([
    [
      { codeRule: 'api-number' },
      'codeRule must be "api-number-kind" or a function (code) => string | undefined (got "api-number")',
    ],
    [{ strictThrows: true }, 'strictThrows must be one of "off", "log", "throw" (got true)'],
    [
      { codes: [{ A: { code: 1, message: 'a' } }, 3] },
      'codes must be an array of catalogues from defineCodes (got 3 at codes[1])',
    ],
    [
      { codes: [{ OUT_OF_STOCK: { code: 10010, status: 1000, message: 'x' } }] },
      'codes[0].OUT_OF_STOCK.status must be an integer HTTP status (100–599) (got 1000)',
    ],
    [{ codes: [{ BROKEN: null }] }, 'codes[0].BROKEN must be an object { code, status?, message } (got null)'],
    [
      { locale: { resolve: 'zh-CN' } },
      'locale.resolve must be a function (request) => string | undefined (got "zh-CN")',
    ],
  ])('refuses %j', (options, message) => {
    expect(() => resolveResponseOptions(options as never)).toThrow(`ResponseModule: ${message}`);
  });

  it('accepts the built-in catalogues as codes', () => {
    expect(resolveResponseOptions({ codes: [HttpStatusCodes] }).codes).toEqual([HttpStatusCodes]);
  });
});
