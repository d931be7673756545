import { describe, expect, it } from 'vitest';
import { createTimestampFormatter, isTimestampPattern, unknownPatternLetters } from '../../src/render/timestamp.js';

const MOMENT = new Date('2026-11-22T08:00:05.042Z');

describe('createTimestampFormatter', () => {
  it('writes ISO 8601 UTC by default', () => {
    expect(createTimestampFormatter('iso', 'UTC')(MOMENT)).toBe('2026-11-22T08:00:05.042Z');
  });

  it('reuses the ISO text only within one millisecond, forwards and backwards in time', () => {
    const format = createTimestampFormatter('iso', 'UTC');
    const times = [0, 0, 1, 1, 999, 1000, 1, 86_400_000].map((offset) => new Date(MOMENT.getTime() + offset));
    expect(times.map(format)).toEqual(times.map((time) => time.toISOString()));
  });

  it('writes what toISOString writes across seconds, before 1970 and past year 9999', () => {
    const format = createTimestampFormatter('iso', 'UTC');
    const times = [
      ...[0, 7, 958, 999, 1000, 1001, -1, -1000, -1001, 59_999, 60_000].map((offset) => MOMENT.getTime() + offset),
      0,
      -1,
      -999,
      -1000,
      -62_198_755_200_001, // 0000-12-31T23:59:59.999Z
      -62_198_755_200_000 - 86_400_000 * 366, // year -1
      253_402_300_799_999, // 9999-12-31T23:59:59.999Z
      253_402_300_800_000, // +010000-01-01
      8.64e15, // the last moment a Date holds
      -8.64e15,
    ].map((time) => new Date(time));
    expect(times.map(format)).toEqual(times.map((time) => time.toISOString()));
  });

  it('writes ISO 8601 with the offset of another zone', () => {
    expect(createTimestampFormatter('iso', 'Asia/Shanghai')(MOMENT)).toBe('2026-11-22T16:00:05.042+08:00');
    expect(createTimestampFormatter('iso', 'America/St_Johns')(MOMENT)).toBe('2026-11-22T04:30:05.042-03:30');
  });

  it('writes YYYY-MM-DD HH:mm:ss in Asia/Shanghai (East-8, WeChat Pay style)', () => {
    expect(createTimestampFormatter('YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai')(MOMENT)).toBe('2026-11-22 16:00:05');
  });

  it('crosses the date line with the zone', () => {
    const lateUtc = new Date('2026-12-31T20:30:00.000Z');
    expect(createTimestampFormatter('YYYY-MM-DD HH:mm', 'Asia/Shanghai')(lateUtc)).toBe('2027-01-01 04:30');
    expect(createTimestampFormatter('YYYY-MM-DD HH:mm', 'UTC')(lateUtc)).toBe('2026-12-31 20:30');
  });

  it('writes midnight as 00, not 24', () => {
    expect(createTimestampFormatter('HH:mm:ss', 'UTC')(new Date('2026-11-22T00:00:00Z'))).toBe('00:00:00');
  });

  it('supports milliseconds, offsets with and without a colon, and [literal] text', () => {
    const format = createTimestampFormatter('[at] YYYYMMDD[T]HHmmss.SSS Z ZZ', 'Asia/Kolkata');
    expect(format(MOMENT)).toBe('at 20261122T133005.042 +05:30 +0530');
  });

  it('writes epoch milliseconds as a number', () => {
    expect(createTimestampFormatter('epoch-ms', 'Asia/Shanghai')(MOMENT)).toBe(MOMENT.getTime());
  });

  it('is correct across consecutive seconds (the per-second cache never serves a stale second)', () => {
    const format = createTimestampFormatter('HH:mm:ss.SSS', 'Asia/Shanghai');
    const base = Date.parse('2026-11-22T08:00:00.000Z');
    for (const offset of [0, 999, 1000, 1001, 60_000, 999, 3_600_000]) {
      const date = new Date(base + offset);
      const expected = new Date(base + offset + 8 * 3_600_000).toISOString().slice(11, 23);
      expect(format(date)).toBe(expected);
    }
  });
});

describe('createTimestampFormatter without milliseconds (cached per second)', () => {
  it('changes exactly when the second changes, backwards too', () => {
    const format = createTimestampFormatter('YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai');
    const base = Date.parse('2026-11-22T08:00:00.000Z');
    for (const offset of [0, 999, 1000, 999, 59_999, 60_000, -1]) {
      const expected = new Date(base + offset + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      expect(format(new Date(base + offset))).toBe(expected);
    }
  });
});

describe('isTimestampPattern', () => {
  it('needs at least one date token outside [literals]', () => {
    expect(isTimestampPattern('YYYY')).toBe(true);
    expect(isTimestampPattern('[YYYY]')).toBe(false);
    expect(isTimestampPattern('today')).toBe(false);
  });
});

describe('unknownPatternLetters', () => {
  it.each([
    ['YYYY-MM-DD hh:mm A', ['hh', 'A']],
    ['yyyy-MM-dd', ['yyyy', 'dd']],
    ['MMM DD', ['M']],
    ['HH:mm:ss.SSSS', ['S']],
    ['[at HH:mm', ['at']],
    ['today', ['today']],
  ])('finds the letters of %j that no token reads: %j', (pattern, letters) => {
    expect(unknownPatternLetters(pattern)).toEqual(letters);
  });

  it.each(['YYYY-MM-DD HH:mm:ss', 'YYYYMMDD[T]HHmmss.SSSZZ', "[at] HH:mm [o'clock]", 'YYYY年MM月DD日 HH时', '[x]'])(
    'finds none in %j (tokens, [literals], punctuation, non-ASCII text)',
    (pattern) => {
      expect(unknownPatternLetters(pattern)).toEqual([]);
    },
  );

  it('keeps each run apart, so a token between two runs does not join them', () => {
    expect(unknownPatternLetters('hhHHhh')).toEqual(['hh', 'hh']);
  });
});
