import { createSecretKey, type KeyObject } from 'node:crypto';
import { DEFAULT_SIGNING_HEADERS } from './canonical-request.js';
import { MemoryNonceStore } from './memory-nonce.store.js';
import type { NonceStore } from './nonce-store.interface.js';
import type { SigningHeaderNames } from './signing-headers.js';

/**
 * `SigningOptions` with defaults merged and values checked; secrets become key objects, header names lower case.
 *
 * @example
 * resolveResponseOptions({ signing: { secrets: { app1: 'a-long-shared-secret' } } }).signing?.window; // 300
 */
export interface ResolvedSigningOptions {
  readonly secrets: ReadonlyMap<string, KeyObject>;
  readonly window: number;
  readonly nonceStore: NonceStore;
  readonly global: boolean;
  readonly headers: SigningHeaderNames;
  readonly signResponses: boolean;
}

const KEYS = ['secrets', 'window', 'nonceStore', 'global', 'headers', 'signResponses'];
const HEADER_KEYS = ['appId', 'timestamp', 'nonce', 'signature'] as const;
/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const APP_ID = /^[\x21-\x7E]{1,128}$/;
const MIN_SECRET_LENGTH = 16;
const DEFAULT_WINDOW = 300;

/** Reports a bad option; the caller turns the message into its `ResponseOptionsError`. */
export type OptionFailure = (message: string) => never;

// Secrets never appear in an error message: only their type and length do.
function got(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(fail: OptionFailure, path: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(`${path}.${key} is not an option (known: ${known.join(', ')})`);
  }
}

function secretKeys(fail: OptionFailure, value: unknown): Map<string, KeyObject> {
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    fail(`signing.secrets must be a non-empty object of app id → secret (got ${got(value)})`);
  }
  const keys = new Map<string, KeyObject>();
  for (const [appId, secret] of Object.entries(value)) {
    if (!APP_ID.test(appId)) fail(`signing.secrets: app id ${got(appId)} must be 1–128 visible ASCII characters`);
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      const seen = typeof secret === 'string' ? `a string of ${secret.length} characters` : got(secret);
      fail(`signing.secrets.${appId} must be a string of at least ${MIN_SECRET_LENGTH} characters (got ${seen})`);
    }
    keys.set(appId, createSecretKey(Buffer.from(secret, 'utf8')));
  }
  return keys;
}

function headerNames(fail: OptionFailure, value: unknown): SigningHeaderNames {
  if (value !== undefined && !isPlainObject(value)) fail(`signing.headers must be an object (got ${got(value)})`);
  const given = value ?? {};
  onlyKeys(fail, 'signing.headers', given, HEADER_KEYS);
  const names = { appId: '', timestamp: '', nonce: '', signature: '' };
  const owner = new Map<string, string>();
  for (const key of HEADER_KEYS) {
    const name = given[key] ?? DEFAULT_SIGNING_HEADERS[key];
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
      fail(`signing.headers.${key} must be a valid HTTP header name (got ${got(name)})`);
    }
    const lower = name.toLowerCase();
    const other = owner.get(lower);
    if (other !== undefined)
      fail(`signing.headers.${other} and signing.headers.${key} name the same header "${lower}"`);
    owner.set(lower, key);
    names[key] = lower;
  }
  return names;
}

function bool(fail: OptionFailure, path: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(`${path} must be a boolean (got ${got(value)})`);
  return value;
}

/**
 * Checks `ResponseOptions.signing` and merges its defaults; `undefined` when signing is not configured.
 *
 * @example
 * resolveSigningOptions({ secrets: { app1: 'a-long-shared-secret' } }, (message) => { throw new Error(message); });
 */
export function resolveSigningOptions(input: unknown, fail: OptionFailure): ResolvedSigningOptions | undefined {
  if (input === undefined) return undefined;
  if (!isPlainObject(input)) return fail(`signing must be an object (got ${got(input)})`);
  onlyKeys(fail, 'signing', input, KEYS);
  const secrets = secretKeys(fail, input.secrets);
  const window = input.window ?? DEFAULT_WINDOW;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 1) {
    fail(`signing.window must be a positive integer (got ${got(window)})`);
  }
  const store = input.nonceStore ?? new MemoryNonceStore();
  if (!isPlainObject(store) || typeof store.claim !== 'function') {
    fail(`signing.nonceStore must be an object with a claim(key, ttlSeconds) method (got ${got(store)})`);
  }
  return {
    secrets,
    window,
    nonceStore: store as unknown as NonceStore,
    global: bool(fail, 'signing.global', input.global),
    headers: headerNames(fail, input.headers),
    signResponses: bool(fail, 'signing.signResponses', input.signResponses),
  };
}
