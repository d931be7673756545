import { describe, expect, it } from 'vitest';
import { chooseRequestId, isAcceptableRequestId } from '../../src/http/request-id.js';

describe('isAcceptableRequestId', () => {
  it.each([
    ['a', true],
    ['x'.repeat(128), true],
    ['!~"<>{}', true],
    ['', false],
    ['x'.repeat(129), false],
    ['a b', false],
    ['a\r\nSet-Cookie: x=1', false],
    ['tab\there', false],
    ['café', false],
    ['\u007f', false],
  ])('%j → %s', (value, expected) => {
    expect(isAcceptableRequestId(value)).toBe(expected);
  });

  it('refuses non-strings', () => {
    expect(isAcceptableRequestId(undefined)).toBe(false);
    expect(isAcceptableRequestId(['a'])).toBe(false);
  });
});

describe('chooseRequestId', () => {
  const generate = () => 'generated';
  it('keeps an acceptable incoming id, the first of a repeated header', () => {
    expect(chooseRequestId('abc', generate)).toBe('abc');
    expect(chooseRequestId(['first', 'second'], generate)).toBe('first');
  });

  it('generates one for a missing or unacceptable id', () => {
    expect(chooseRequestId(undefined, generate)).toBe('generated');
    expect(chooseRequestId('a\nb', generate)).toBe('generated');
  });

  it('falls back to a UUID when the generator returns something unusable', () => {
    expect(chooseRequestId(undefined, () => 'has space')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
