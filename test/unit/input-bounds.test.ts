import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { REDACTED } from '../../src/render/rejected-value.js';
import { isSensitiveName, NAME_LIMIT, nameWords } from '../../src/render/sensitive-name.js';
import { boundPath, renderWithinBounds, showViolation, VIOLATION_BOUNDS } from '../../src/render/violation-bounds.js';
import { springError, wechatDetail } from '../../src/render/violations.renderer.js';
import { DEFAULT_REDACTED_NAMES } from '../../src/options/option-defaults.js';
import { findLimitBreach } from '../../src/validation/input-limits.js';
import type { Violation } from '../../src/validation/violation.interface.js';

const DEFAULTS = { redact: DEFAULT_REDACTED_NAMES };

describe('names redacted by their words', () => {
  it.each([
    'access_token',
    'api_key',
    'client_secret',
    'newPassword',
    'privateKey',
    'session_token',
    'x-api-key',
    'x-auth-token',
    'X-API-Key',
    'NEWPASSWORD',
    'newpassword',
    'refreshTokens',
    'oauth2Token',
    'APIKey',
    'Set-Cookie',
    'sessionId',
    'credentials',
    'creditCardNumber',
  ])('%s is redacted by the default list', (name) => {
    expect(isSensitiveName(name, DEFAULTS)).toBe(true);
  });

  it.each(['monkey', 'keyboard', 'tokenizer', 'secretary', 'name', 'email', 'keynote', 'donkeys', 'turkey'])(
    '%s is not',
    (name) => expect(isSensitiveName(name, DEFAULTS)).toBe(false),
  );

  it('splits at separators, case changes and digits', () => {
    expect(nameWords('X-API-Key')).toEqual(['x', 'api', 'key']);
    expect(nameWords('newPassword2')).toEqual(['new', 'password', '2']);
    expect(nameWords('APIKey')).toEqual(['api', 'key']);
    expect(nameWords('client.secret value')).toEqual(['client', 'secret', 'value']);
  });

  it('matches whatever the separators and case (fast-check)', () => {
    const word = fc.constantFrom('password', 'token', 'secret', 'key', 'credential', 'authorization', 'cookie');
    const other = fc.constantFrom('new', 'client', 'access', 'my', 'x', 'api', 'user');
    fc.assert(
      fc.property(fc.array(other, { maxLength: 3 }), word, fc.constantFrom('_', '-', '.', ''), (before, term, sep) => {
        const words = [...before, term];
        const camel = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
        // Run together in one case, a short term (key) is no word of its own: `MONKEY` is no key
        const joined = term.length >= 5 ? [camel.toUpperCase(), words.join('')] : [];
        for (const name of [words.join(sep || '_'), camel, words.join('-').toUpperCase(), ...joined]) {
          expect(isSensitiveName(name, DEFAULTS), name).toBe(true);
        }
      }),
    );
  });

  it('is a superset of the former exact, case-insensitive match (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (name) => {
        const rules = { redact: [name] };
        expect(isSensitiveName(name, rules)).toBe(true);
        expect(isSensitiveName(name.toUpperCase(), rules) || name.toUpperCase().length !== name.length).toBe(true);
      }),
    );
  });

  it('neverRedact spares a name by its words; a name over NAME_LIMIT is always redacted', () => {
    const rules = { redact: DEFAULT_REDACTED_NAMES, neverRedact: ['tokenCount'] };
    expect(isSensitiveName('token_count', rules)).toBe(false);
    expect(isSensitiveName('tokenCount', rules)).toBe(false);
    expect(isSensitiveName('token', rules)).toBe(true);
    expect(isSensitiveName('n'.repeat(NAME_LIMIT + 1), { redact: [] })).toBe(true);
  });

  it('a slow pattern sees no more than NAME_LIMIT characters', () => {
    const started = performance.now();
    expect(isSensitiveName('k'.repeat(150_000), { redact: [/.*secret/i] })).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

const base: Violation = {
  location: 'body',
  path: ['password'],
  value: 'hunter2-secret',
  constraint: 'minLength',
  arguments: [32],
  message: 'password hunter2-secret is too short',
  objectName: 'LoginDto',
  type: 'String',
};

describe('a redacted value is removed from every text', () => {
  it('WeChat issue and Spring defaultMessage', () => {
    expect(wechatDetail(base, DEFAULTS)).toMatchObject({ value: REDACTED, issue: 'password [REDACTED] is too short' });
    expect(springError(base, DEFAULTS)).toMatchObject({
      rejectedValue: REDACTED,
      defaultMessage: 'password [REDACTED] is too short',
    });
  });

  it('a secret inside a rejected object, and a long one before the message is cut', () => {
    const nested = { ...base, path: ['user'], value: { name: 'ann', pin: 7, password: 'p'.repeat(3000) } };
    const shown = showViolation({ ...nested, message: `user ${'p'.repeat(3000)} is wrong` }, DEFAULTS);
    expect(shown.message).toBe('user [REDACTED] is wrong');
  });
});

describe('bounds of what a body shows', () => {
  const hostileViolation = fc.record({
    location: fc.constantFrom<Violation['location']>('body', 'query', 'path', 'header'),
    path: fc.array(fc.oneof(fc.string({ maxLength: 2000 }), fc.nat()), { maxLength: 60 }),
    value: fc.jsonValue({ maxDepth: 6 }),
    constraint: fc.constantFrom('isString', 'min'),
    arguments: fc.constant([1]),
    message: fc.string({ maxLength: 5000 }),
    objectName: fc.constant('Dto'),
  });

  it('keeps every rendered list within the stated bound, whatever the violations (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(hostileViolation, { maxLength: 120 }), (violations) => {
        for (const render of [wechatDetail, springError]) {
          const { items, omitted } = renderWithinBounds(violations, DEFAULTS, (shown) => render(shown, DEFAULTS));
          expect(items.length + omitted).toBe(violations.length);
          expect(JSON.stringify(items).length).toBeLessThanOrEqual(VIOLATION_BOUNDS.list + VIOLATION_BOUNDS.item);
          for (const item of items) expect(JSON.stringify(item).length).toBeLessThanOrEqual(VIOLATION_BOUNDS.item);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('shows what exact sizes throughout show, though it measures only near a bound (fast-check)', () => {
    // The oracle: every item measured by the serialiser, as the first version did.
    const exactly = (violations: Violation[], render: typeof wechatDetail) => {
      const items: Record<string, unknown>[] = [];
      let total = 0;
      for (const violation of violations) {
        const shown = showViolation(violation, DEFAULTS);
        let item = render(shown, DEFAULTS);
        let size = JSON.stringify(item).length;
        if (size > VIOLATION_BOUNDS.item) {
          item = render({ ...shown, value: '…' }, DEFAULTS);
          size = JSON.stringify(item).length;
        }
        if (items.length > 0 && total + size > VIOLATION_BOUNDS.list) break;
        items.push(item);
        total += size;
      }
      return items;
    };
    fc.assert(
      fc.property(fc.array(hostileViolation, { maxLength: 120 }), (violations) => {
        for (const render of [wechatDetail, springError]) {
          const { items } = renderWithinBounds(violations, DEFAULTS, (shown) => render(shown, DEFAULTS));
          expect(items).toEqual(exactly(violations, render));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('cuts paths by segment and in all', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 500 }), fc.nat()), { maxLength: 100 }), (path) => {
        const bounded = boundPath(path);
        expect(bounded.length).toBeLessThanOrEqual(VIOLATION_BOUNDS.segments + 1);
        for (const segment of bounded) expect(String(segment).length).toBeLessThanOrEqual(NAME_LIMIT + 1);
      }),
    );
  });
});

describe('findLimitBreach', () => {
  it('finds the first container too deep, and too many values, without recursion', () => {
    expect(findLimitBreach({ a: { b: {} } }, { maxDepth: 2, maxNodes: 100 })).toEqual({
      limit: 'maxDepth',
      path: ['a', 'b'],
    });
    expect(findLimitBreach([1, 2, 3], { maxDepth: 2, maxNodes: 3 })).toEqual({ limit: 'maxNodes', path: [] });
    expect(findLimitBreach([1, 2], { maxDepth: 2, maxNodes: 3 })).toBeUndefined();
    expect(findLimitBreach('text', { maxDepth: 1, maxNodes: 1 })).toBeUndefined();
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(findLimitBreach(deep, { maxDepth: 32, maxNodes: 5000 })?.limit).toBe('maxDepth');
  });

  it('counts every value once, as an independent recursive count does (fast-check)', () => {
    const count = (value: unknown): number =>
      typeof value === 'object' && value !== null
        ? 1 + Object.values(value).reduce((n: number, v) => n + count(v), 0)
        : 1;
    const depth = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 60 }),
        (value, maxDepth, maxNodes) => {
          const breach = findLimitBreach(value, { maxDepth, maxNodes });
          const fits = depth(value) <= maxDepth && count(value) <= maxNodes;
          expect(breach === undefined).toBe(fits);
        },
      ),
    );
  });
});

describe('validation limits and redaction options', () => {
  it('defaults, and errors naming the option', () => {
    const { validation } = resolveResponseOptions({});
    expect(validation).toMatchObject({ maxDepth: 32, maxNodes: 2000, neverRedact: [] });
    const added = resolveResponseOptions({ validation: { alsoRedact: ['ssn'] } }).validation.redact;
    expect(added).toEqual([...DEFAULT_REDACTED_NAMES, 'ssn']);
    expect(resolveResponseOptions({ validation: { redact: ['a'], alsoRedact: [/b/] } }).validation.redact).toEqual([
      'a',
      /b/,
    ]);
    expect(() => resolveResponseOptions({ validation: { maxDepth: 0 } })).toThrow(
      'validation.maxDepth must be a positive integer (got 0)',
    );
    expect(() => resolveResponseOptions({ validation: { maxNodes: 1.5 } })).toThrow('validation.maxNodes must be');
    expect(() => resolveResponseOptions({ validation: { alsoRedact: [''] } })).toThrow('validation.alsoRedact[0]');
    expect(() => resolveResponseOptions({ validation: { neverRedact: [/x/] as never } })).toThrow(
      'validation.neverRedact[0] must be a non-empty string',
    );
  });
});
