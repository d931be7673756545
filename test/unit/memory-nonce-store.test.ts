import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryNonceStore } from '../../src/signing/memory-nonce.store.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start = 1_764_075_600_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('MemoryNonceStore', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts a key once, then refuses it until its TTL has passed', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ now: clock.now });
    expect(await store.claim('app1 n1', 301)).toBe(true);
    expect(await store.claim('app1 n1', 301)).toBe(false);
    expect(await store.claim('app2 n1', 301)).toBe(true);
    clock.advance(300_999);
    expect(await store.claim('app1 n1', 301)).toBe(false);
    clock.advance(1); // exactly 301 s later: expired
    expect(await store.claim('app1 n1', 301)).toBe(true);
  });

  it('keeps each key for its own TTL', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ now: clock.now });
    await store.claim('long', 601);
    await store.claim('short', 1);
    clock.advance(1_000);
    expect(await store.claim('short', 1)).toBe(true);
    expect(await store.claim('long', 601)).toBe(false);
  });

  it('drops expired entries on later claims, without any timer', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clock = manualClock();
    const store = new MemoryNonceStore({ now: clock.now });
    for (let i = 0; i < 1000; i++) await store.claim(`k${i}`, 10);
    expect(store.size).toBe(1000);
    clock.advance(10_000);
    await store.claim('next', 10);
    expect(store.size).toBe(1);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(setIntervalSpy).not.toHaveBeenCalled();
  });

  it('is bounded: when full of unexpired nonces it rejects, never forgets one', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ maxEntries: 3, now: clock.now });
    for (const key of ['a', 'b', 'c']) expect(await store.claim(key, 60)).toBe(true);
    await expect(store.claim('d', 60)).rejects.toThrow(
      'MemoryNonceStore is full: 3 nonces are inside their window; raise maxEntries or share a RedisNonceStore',
    );
    // The held nonces are still refused: nothing was evicted to make room.
    expect(await store.claim('a', 60)).toBe(false);
    expect(store.size).toBe(3);
    clock.advance(60_000);
    expect(await store.claim('d', 60)).toBe(true);
    expect(await store.claim('a', 60)).toBe(true);
  });

  it('makes room from expired entries anywhere in the map, not only at its head', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ maxEntries: 3, now: clock.now });
    await store.claim('long-1', 600);
    await store.claim('short', 5);
    await store.claim('long-2', 600);
    clock.advance(5_000);
    expect(await store.claim('new', 600)).toBe(true);
    expect(store.size).toBe(3);
    expect(await store.claim('long-1', 600)).toBe(false);
    expect(await store.claim('long-2', 600)).toBe(false);
  });

  it('sweeps a full map only when a nonce can have expired, not on every refused claim', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ maxEntries: 100, now: clock.now });
    for (let i = 0; i < 99; i++) await store.claim(`k${i}`, 60);
    await store.claim('brief', 1); // expires first, but sits at the tail
    const iterations = vi.spyOn(Map.prototype, Symbol.iterator);
    /** Map iterations of one claim (claims run synchronously, before their promise settles), and its outcome. */
    const claim = (key: string) => {
      const before = iterations.mock.calls.length;
      const outcome = store.claim(key, 60).then(String, (error: Error) => error.message);
      return { iterations: iterations.mock.calls.length - before, outcome };
    };
    expect(claim('x')).toMatchObject({ iterations: 1 }); // full, nothing can have expired yet: the head only
    clock.advance(1_000);
    const swept = claim('y');
    expect(swept.iterations).toBe(2); // the head, then one sweep that finds "brief"
    expect(await swept.outcome).toBe('true');
    const refused = claim('z');
    expect(refused.iterations).toBe(1); // full again, and the earliest expiry is 59 s away: no sweep
    expect(await refused.outcome).toMatch(/is full/);
  });

  it('accepts exactly one of many concurrent claims of one key', async () => {
    const store = new MemoryNonceStore();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim('app1 same', 300)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('refuses a maxEntries that is not a positive integer', () => {
    for (const maxEntries of [0, -1, 1.5, Number.NaN]) {
      expect(() => new MemoryNonceStore({ maxEntries })).toThrow(/maxEntries must be a positive integer/);
    }
  });
});
