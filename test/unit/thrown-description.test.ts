import { describe, expect, it } from 'vitest';
import { MAX_ERROR_TEXT, describeThrownChain, thrownName } from '../../src/http/thrown-description.js';

describe('thrownName', () => {
  it('names errors, class instances, proxies and primitives without calling toString', () => {
    class Job {
      toString(): string {
        throw new Error('never called');
      }
    }
    expect(thrownName(new TypeError('x'))).toBe('TypeError');
    expect(thrownName(new Job())).toBe('Job');
    expect(thrownName(Object.create(null))).toBe('Object');
    expect(thrownName(new Proxy({}, {}))).toBe('Proxy');
    expect(thrownName('boom')).toBe('string');
    expect(thrownName(null)).toBe('object');
  });
});

describe('describeThrownChain', () => {
  it('primitives say what they are', () => {
    expect(describeThrownChain('db down')).toBe('(a thrown string) db down');
    expect(describeThrownChain(undefined)).toBe('(a thrown undefined) undefined');
    expect(describeThrownChain(42)).toBe('(a thrown number) 42');
  });

  it('an object without a stack: its name and message, and a plain-object cause', () => {
    const value = { name: 'Rejection', message: 'no', cause: { code: 'E1' } };
    expect(describeThrownChain(value)).toBe('Rejection: no (no stack)\nCaused by: Object (no stack)');
  });

  it('a cause that is itself a string ends the chain', () => {
    const error = new Error('outer', { cause: 'inner text' });
    expect(describeThrownChain(error).split('\n').at(-1)).toBe('Caused by: (a thrown string) inner text');
  });

  it('a huge message is cut to a bound', () => {
    const text = describeThrownChain(new Error('x'.repeat(100_000)));
    expect(text.length).toBeLessThan(MAX_ERROR_TEXT + 100);
    expect(text).toMatch(/… \(\d+ characters\)$/);
  });

  it('restores Error.prepareStackTrace after reading frames of an error whose getters throw', () => {
    const before = Error.prepareStackTrace;
    class Trap extends Error {
      override get name(): string {
        throw new Error('n');
      }
    }
    expect(describeThrownChain(new Trap('m'))).toMatch(/^<unreadable name>: m \(stack without its header/);
    expect(Error.prepareStackTrace).toBe(before);
  });
});
