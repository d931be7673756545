import { describe, expect, it } from 'vitest';
import { MemoryNonceStore, type NonceStore, ResponseOptionsError, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';

const secrets = { app1: 'app1-secret-0123456789abcdef' };

describe('signing options', () => {
  it('are undefined when not given', () => {
    expect(resolveResponseOptions().signing).toBeUndefined();
  });

  it('have documented defaults', () => {
    const signing = resolveResponseOptions({ signing: { secrets } }).signing!;
    expect(signing.window).toBe(300);
    expect(signing.global).toBe(false);
    expect(signing.signResponses).toBe(false);
    expect(signing.headers).toEqual({
      appId: 'x-app-id',
      timestamp: 'x-timestamp',
      nonce: 'x-nonce',
      signature: 'x-signature',
    });
    expect(signing.nonceStore).toBeInstanceOf(MemoryNonceStore);
    expect([...signing.secrets.keys()]).toEqual(['app1']);
    expect(signing.secrets.get('app1')?.export().toString()).toBe(secrets.app1);
  });

  it('keep a given store, lower-case header names, and take the flags', () => {
    const store: NonceStore = { claim: () => Promise.resolve(true) };
    const signing = resolveResponseOptions({
      signing: {
        secrets,
        nonceStore: store,
        window: 60,
        global: true,
        signResponses: true,
        headers: { nonce: 'X-Once' },
      },
    }).signing!;
    expect(signing).toMatchObject({ nonceStore: store, window: 60, global: true, signResponses: true });
    expect(signing.headers.nonce).toBe('x-once');
  });

  it('give each app a separate memory store per module', () => {
    const a = resolveResponseOptions({ signing: { secrets } }).signing!.nonceStore;
    const b = resolveResponseOptions({ signing: { secrets } }).signing!.nonceStore;
    expect(a).not.toBe(b);
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 'yes', 'signing must be an object (got "yes")'],
    [
      'an unknown key',
      { secrets, windw: 1 },
      'signing.windw is not an option (known: secrets, window, nonceStore, nonceStoreTimeout, global, headers, signResponses, acceptV1)',
    ],
    ['no secrets', {}, 'signing.secrets must be a non-empty object of app id → secret (got undefined)'],
    ['empty secrets', { secrets: {} }, 'signing.secrets must be a non-empty object of app id → secret (got an object)'],
    [
      'secrets as an array',
      { secrets: ['x'] },
      'signing.secrets must be a non-empty object of app id → secret (got an array)',
    ],
    [
      'an app id with a space',
      { secrets: { 'my app': secrets.app1 } },
      'signing.secrets: app id "my app" must be 1–128 visible ASCII characters',
    ],
    [
      'a short secret',
      { secrets: { app1: 'hunter2' } },
      'signing.secrets.app1 must be a string of at least 16 characters (got a string of 7 characters)',
    ],
    [
      'a secret that is no string',
      { secrets: { app1: 42 } },
      'signing.secrets.app1 must be a string of at least 16 characters (got 42)',
    ],
    ['window 0', { secrets, window: 0 }, 'signing.window must be a positive integer (got 0)'],
    [
      'nonceStoreTimeout 0',
      { secrets, nonceStoreTimeout: 0 },
      'signing.nonceStoreTimeout must be a positive integer (got 0)',
    ],
    [
      'nonceStoreTimeout over a minute',
      { secrets, nonceStoreTimeout: 60_001 },
      'signing.nonceStoreTimeout must be at most 60000 (milliseconds) (got 60001)',
    ],
    ['acceptV1 as text', { secrets, acceptV1: 'yes' }, 'signing.acceptV1 must be a boolean (got "yes")'],
    ['window 1.5', { secrets, window: 1.5 }, 'signing.window must be a positive integer (got 1.5)'],
    ['window as text', { secrets, window: '300' }, 'signing.window must be a positive integer (got "300")'],
    [
      'a store without claim',
      { secrets, nonceStore: {} },
      'signing.nonceStore must be an object with a claim(key, ttlSeconds) method (got an object)',
    ],
    [
      'a function as the store',
      { secrets, nonceStore: () => true },
      'signing.nonceStore must be an object with a claim(key, ttlSeconds) method (got a function)',
    ],
    ['global as text', { secrets, global: 'true' }, 'signing.global must be a boolean (got "true")'],
    ['signResponses as a number', { secrets, signResponses: 1 }, 'signing.signResponses must be a boolean (got 1)'],
    ['headers not an object', { secrets, headers: 'x' }, 'signing.headers must be an object (got "x")'],
    [
      'an unknown header key',
      { secrets, headers: { app: 'x' } },
      'signing.headers.app is not an option (known: appId, timestamp, nonce, signature)',
    ],
    [
      'a bad header name',
      { secrets, headers: { nonce: 'X Nonce' } },
      'signing.headers.nonce must be a valid HTTP header name (got "X Nonce")',
    ],
    [
      'a header named twice',
      { secrets, headers: { nonce: 'X-Signature' } },
      'signing.headers.nonce and signing.headers.signature name the same header "x-signature"',
    ],
  ];

  it.each(bad)('stop start-up on %s, naming the option', (_what, signing, message) => {
    const attempt = () => resolveResponseOptions({ signing } as ResponseOptions);
    expect(attempt).toThrow(ResponseOptionsError);
    expect(attempt).toThrow(`ResponseModule: ${message}`);
  });

  it('never print a secret in an error', () => {
    const secret = 'short-secret';
    expect(() => resolveResponseOptions({ signing: { secrets: { app1: secret } } })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) as unknown }),
    );
  });
});
