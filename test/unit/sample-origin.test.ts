import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, sampleOrigin } from '../../sample-app/src/origin.js';

describe('sampleOrigin: what the sample app prints for where it listens', () => {
  it.each([
    [DEFAULT_HOST, 3000, 'http://127.0.0.1:3000'],
    ['0.0.0.0', 3000, 'http://127.0.0.1:3000'],
    ['::', 4000, 'http://[::1]:4000'],
    ['::1', 4000, 'http://[::1]:4000'],
    ['192.168.1.20', 80, 'http://192.168.1.20:80'],
  ])('%s:%i → %s (a wildcard address as its loopback, IPv6 in brackets)', (host, port, origin) => {
    expect(sampleOrigin(host, port)).toBe(origin);
    expect(() => new URL(origin)).not.toThrow();
  });
});
