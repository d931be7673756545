import { describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { isFramable, successFrame } from '../../src/http/success-frame.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import type { RequestFacts } from '../../src/outcome/outcome.interface.js';
import { successOutcome } from '../../src/outcome/success-outcome.js';
import { renderSuccess } from '../../src/render/envelope.renderer.js';

const facts: RequestFacts = { method: '', path: '', requestId: '', locale: 'en', time: new Date(0) };
const results: unknown[] = [{ id: 7, name: 'a "quoted" name\n' }, [1, 'two', null], 'text', 42, true, null, {}];

// The oracle: the envelope as it was always serialised, the whole body object at once.
function wholeEnvelope(options: ResponseOptions, result: unknown, status: number, locale: string): string {
  const resolved = resolveResponseOptions(options);
  return JSON.stringify(
    renderSuccess(successOutcome(result, status, resolved, locale), { ...facts, locale }, resolved),
  );
}

describe('successFrame', () => {
  const layouts: [string, ResponseOptions][] = [
    ['the default', {}],
    [
      'renamed members, data in the middle',
      { fields: { code: 'status_id', data: 'result' }, successFields: ['code', 'data', 'message'] },
    ],
    ['data first, the outcome and the status after it', { successFields: ['data', 'outcome', 'status', 'code'] }],
    [
      'the status as code, a localised message',
      { success: { code: 'http-status', message: { en: 'Done', 'zh-CN': '成功 "ok"' } } },
    ],
  ];
  for (const [name, options] of layouts) {
    it(`wraps a result as the whole envelope does: ${name}`, () => {
      const resolved = resolveResponseOptions(options);
      for (const locale of ['en', 'zh-CN']) {
        for (const status of [200, 201]) {
          const frame = successFrame(status, resolved, locale, undefined, { ...facts, locale });
          expect(frame.status).toBe(status);
          for (const result of results) {
            expect(`${frame.before}${JSON.stringify(result)}${frame.after}`).toBe(
              wholeEnvelope(options, result, status, locale),
            );
          }
        }
      }
    });
  }

  it('has no parts for a layout without data', () => {
    const resolved = resolveResponseOptions({ successFields: ['code', 'message'] });
    expect(successFrame(200, resolved, 'en', undefined, facts)).toEqual({
      status: 200,
      before: undefined,
      after: undefined,
    });
  });
});

describe('isFramable', () => {
  it('takes values whose JSON is the same alone as inside an object', () => {
    for (const result of [...results, undefined, 7n]) expect(isFramable(result)).toBe(true);
  });

  it('leaves out functions, symbols and objects with a toJSON (called with the member name)', () => {
    const keyed = { toJSON: (key: string) => key };
    for (const result of [() => 1, Symbol('s'), new Date(0), keyed]) expect(isFramable(result)).toBe(false);
    // The oracle: toJSON sees the member's name inside the envelope, the empty key alone.
    expect(JSON.stringify({ data: keyed })).toBe('{"data":"data"}');
    expect(JSON.stringify(keyed)).toBe('""');
  });
});
