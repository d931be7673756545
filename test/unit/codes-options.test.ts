import { describe, expect, it } from 'vitest';
import { type CodeRule, HttpStatusCodes, seed004Rule } from '../../src/index.js';
import { codeRuleOf } from '../../src/codes/code-rule.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';

describe('the codeRule, strictThrows and codes options', () => {
  it("resolves 'seed-004' to its rule and keeps a function", () => {
    const preset = resolveResponseOptions({ codeRule: 'seed-004' }).codeRule;
    expect(preset).toBe('seed-004');
    expect(codeRuleOf(preset!)).toBe(seed004Rule);
    const own: CodeRule = () => undefined;
    expect(resolveResponseOptions({ codeRule: own }).codeRule).toBe(own);
    expect(codeRuleOf(own)).toBe(own);
    expect(resolveResponseOptions().codeRule).toBeUndefined();
    expect(resolveResponseOptions().strictThrows).toBe('off');
    expect(resolveResponseOptions({ strictThrows: 'throw' }).strictThrows).toBe('throw');
  });

  it.each([
    [
      { codeRule: 'seed-005' },
      'codeRule must be "seed-004" or a function (code) => string | undefined (got "seed-005")',
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
