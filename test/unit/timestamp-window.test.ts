import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinWindow, nonceTtlSeconds } from '../../src/signing/timestamp-window.js';

describe('isWithinWindow', () => {
  const now = 1_764_075_600;

  it('accepts exactly ±window and refuses one second past, either way', () => {
    expect(isWithinWindow(now, now, 300)).toBe(true);
    expect(isWithinWindow(now - 300, now, 300)).toBe(true);
    expect(isWithinWindow(now + 300, now, 300)).toBe(true);
    expect(isWithinWindow(now - 301, now, 300)).toBe(false);
    expect(isWithinWindow(now + 301, now, 300)).toBe(false);
  });

  it('holds for a window of one second', () => {
    expect([-2, -1, 0, 1, 2].map((skew) => isWithinWindow(now + skew, now, 1))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('is |now - timestamp| <= window for any skew', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 86_400 }), (skew, window) => {
        expect(isWithinWindow(now - skew, now, window)).toBe(Math.abs(skew) <= window);
      }),
    );
  });
});

describe('nonceTtlSeconds', () => {
  it('lasts until the timestamp leaves the window, plus the second being read', () => {
    expect(nonceTtlSeconds(1000, 1000, 300)).toBe(301);
    expect(nonceTtlSeconds(1300, 1000, 300)).toBe(601); // a client 5 minutes ahead
    expect(nonceTtlSeconds(700, 1000, 300)).toBe(1); // at the very end of the window
  });

  it('keeps the nonce for as long as a replay of the request would be accepted, under any clock skew', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: -3600, max: 3600 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 8000 }),
        (window, skew, claimMs, laterSeconds) => {
          const claimSecond = 1_764_075_600;
          const timestamp = claimSecond + skew;
          fc.pre(isWithinWindow(timestamp, claimSecond, window));
          const expiresAtMs = claimSecond * 1000 + claimMs + nonceTtlSeconds(timestamp, claimSecond, window) * 1000;
          // A replay at any later whole second whose reading still accepts the timestamp finds the nonce.
          const replaySecond = claimSecond + laterSeconds;
          if (isWithinWindow(timestamp, replaySecond, window)) {
            expect(replaySecond * 1000 + 999).toBeLessThan(expiresAtMs);
          }
        },
      ),
    );
  });
});
