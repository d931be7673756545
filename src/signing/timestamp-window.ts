/**
 * True when a request timestamp is at most `window` seconds from the server's clock, either way:
 * `|now - timestamp| <= window`, so exactly ±window is accepted and one second more is not.
 *
 * @example
 * isWithinWindow(1000, 1300, 300); // true
 * isWithinWindow(1000, 1301, 300); // false
 */
export function isWithinWindow(timestamp: number, nowSeconds: number, window: number): boolean {
  const skew = nowSeconds - timestamp;
  return skew <= window && skew >= -window;
}

/**
 * How long a nonce must be remembered: until its timestamp leaves the window (`timestamp + window`),
 * plus one second because clocks are read in whole seconds. At most `2 × window + 1`, for a timestamp
 * `window` seconds in the future; a fixed TTL of `window` would let such a request be replayed.
 *
 * @example
 * nonceTtlSeconds(1000, 1000, 300); // 301
 * nonceTtlSeconds(1300, 1000, 300); // 601
 */
export function nonceTtlSeconds(timestamp: number, nowSeconds: number, window: number): number {
  return Math.max(1, timestamp + window - nowSeconds + 1);
}
