import { createSecretKey, type KeyObject } from 'node:crypto';
import { DEFAULT_SIGNING_HEADERS } from '../signing/canonical-request.js';
import { MemoryNonceStore } from '../signing/memory-nonce.store.js';
import type { NonceStore } from '../signing/nonce-store.interface.js';
import type { SigningHeaderNames } from '../signing/signing-headers.js';
import { bool, describeValue, fail, isHeaderName, isPlainObject, onlyKeys, positiveInteger } from './option-checks.js';
import { DEFAULT_NONCE_STORE_TIMEOUT, DEFAULT_SIGNING_WINDOW, MAX_NONCE_STORE_TIMEOUT } from './option-defaults.js';
import type { ResolvedSigningOptions } from './resolved-options.interface.js';
import { ResponseOptionsError } from './response-options.error.js';

const KEYS = ['secrets', 'window', 'nonceStore', 'nonceStoreTimeout', 'global', 'headers', 'signResponses', 'acceptV1'];
const HEADER_KEYS = ['appId', 'timestamp', 'nonce', 'signature'] as const;
const APP_ID = /^[\x21-\x7E]{1,128}$/;
const MIN_SECRET_LENGTH = 16;

// A secret never appears in an error message: only its type and length do.
function secretKeys(value: unknown): Map<string, KeyObject> {
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    fail('signing.secrets', 'must be a non-empty object of app id → secret', value);
  }
  const keys = new Map<string, KeyObject>();
  for (const [appId, secret] of Object.entries(value)) {
    if (!APP_ID.test(appId)) {
      throw new ResponseOptionsError(
        `signing.secrets: app id ${describeValue(appId)} must be 1–128 visible ASCII characters`,
      );
    }
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      const seen = typeof secret === 'string' ? `a string of ${secret.length} characters` : describeValue(secret);
      throw new ResponseOptionsError(
        `signing.secrets.${appId} must be a string of at least ${MIN_SECRET_LENGTH} characters (got ${seen})`,
      );
    }
    keys.set(appId, createSecretKey(Buffer.from(secret, 'utf8')));
  }
  return keys;
}

function headerNames(value: unknown): SigningHeaderNames {
  if (value !== undefined && !isPlainObject(value)) fail('signing.headers', 'must be an object', value);
  const given = value ?? {};
  onlyKeys('signing.headers', given, HEADER_KEYS);
  const names = { appId: '', timestamp: '', nonce: '', signature: '' };
  const owner = new Map<string, string>();
  for (const key of HEADER_KEYS) {
    const name = given[key] ?? DEFAULT_SIGNING_HEADERS[key];
    if (typeof name !== 'string' || !isHeaderName(name)) {
      fail(`signing.headers.${key}`, 'must be a valid HTTP header name', name);
    }
    const lower = name.toLowerCase();
    const other = owner.get(lower);
    if (other !== undefined) {
      throw new ResponseOptionsError(
        `signing.headers.${other} and signing.headers.${key} name the same header "${lower}"`,
      );
    }
    owner.set(lower, key);
    names[key] = lower;
  }
  return names;
}

/**
 * Checks `ResponseOptions.signing` and merges its defaults; `undefined` when signing is not configured.
 *
 * @example
 * resolveSigningOptions({ secrets: { app1: 'a-long-shared-secret' } })?.window; // 300
 */
export function resolveSigningOptions(input: unknown): ResolvedSigningOptions | undefined {
  if (input === undefined) return undefined;
  if (!isPlainObject(input)) fail('signing', 'must be an object', input);
  onlyKeys('signing', input, KEYS);
  const secrets = secretKeys(input.secrets);
  const window = positiveInteger('signing.window', input.window, DEFAULT_SIGNING_WINDOW);
  const store = input.nonceStore ?? new MemoryNonceStore();
  if (!isPlainObject(store) || typeof store.claim !== 'function') {
    fail('signing.nonceStore', 'must be an object with a claim(key, ttlSeconds) method', store);
  }
  const nonceStoreTimeout = positiveInteger(
    'signing.nonceStoreTimeout',
    input.nonceStoreTimeout,
    DEFAULT_NONCE_STORE_TIMEOUT,
  );
  if (nonceStoreTimeout > MAX_NONCE_STORE_TIMEOUT) {
    fail('signing.nonceStoreTimeout', `must be at most ${MAX_NONCE_STORE_TIMEOUT} (milliseconds)`, nonceStoreTimeout);
  }
  return {
    secrets,
    window,
    nonceStore: store as unknown as NonceStore,
    nonceStoreTimeout,
    global: bool('signing.global', input.global, false),
    headers: headerNames(input.headers),
    signResponses: bool('signing.signResponses', input.signResponses, false),
    acceptV1: bool('signing.acceptV1', input.acceptV1, false),
  };
}
