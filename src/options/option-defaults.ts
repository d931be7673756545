import type { Field } from './response-options.interface.js';

/** Every body field the layouts may name, in the order the error messages list them. */
export const FIELDS: readonly Field[] = [
  'code',
  'message',
  'data',
  'status',
  'error',
  'path',
  'timestamp',
  'requestId',
  'detail',
  'outcome',
];

export const DEFAULT_SUCCESS_FIELDS: readonly Field[] = ['code', 'message', 'data'];

export const DEFAULT_FAILURE_FIELDS: readonly Field[] = [
  'code',
  'message',
  'status',
  'error',
  'path',
  'timestamp',
  'requestId',
  'detail',
];

/** Members a failure body may add after its layout; a wire name may not take them. */
export const FAILURE_EXTRA_MEMBERS: readonly string[] = ['details', 'errors', 'omittedViolations'];

/**
 * Terms whose values are redacted unless `validation.redact` says otherwise. A term matches a property or header
 * name by its words (`newPassword`, `access_token`, `X-API-Key`): see `isSensitiveName` and docs/validation.md.
 */
export const DEFAULT_REDACTED_NAMES: readonly string[] = [
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'token',
  'key',
  'apiKey',
  'privateKey',
  'secretKey',
  'accessKey',
  'credential',
  'authorization',
  'cookie',
  'sessionId',
  'creditCard',
  'cardNumber',
  'cvv',
  'cvc',
];

export const DEFAULT_MAX_VIOLATIONS = 100;

/** Levels of nested objects and arrays a validated value may have (the value itself is level 1). */
export const DEFAULT_MAX_DEPTH = 32;

/**
 * Values (objects, arrays, strings, numbers …) a validated value may hold in all, before any validator runs. 2 000:
 * the costliest shape just under it (empty nested DTO items) holds a concurrent request up under 50 ms (bench/README.md).
 */
export const DEFAULT_MAX_NODES = 2000;

/** Locales the module has its own texts in. */
export const BUILT_IN_LOCALES: readonly string[] = ['en', 'zh-CN'];

/** The `codeRule` presets by name; `CodeRegistry` holds their functions. */
export const CODE_RULE_PRESETS = ['api-number-kind'] as const;

/** A `codeRule` preset's name. */
export type CodeRulePreset = (typeof CODE_RULE_PRESETS)[number];

/** Former preset names, still accepted for one release, and the preset each now is. */
export const DEPRECATED_CODE_RULE_PRESETS = { 'seed-004': 'api-number-kind' } as const satisfies Record<
  string,
  CodeRulePreset
>;

/** Seconds a signed request's timestamp may be off, either way. */
export const DEFAULT_SIGNING_WINDOW = 300;

/** How long a signed request waits for the nonce store, in milliseconds, before it is refused (503). */
export const DEFAULT_NONCE_STORE_TIMEOUT = 1000;

/** The longest `signing.nonceStoreTimeout` accepted: a minute. */
export const MAX_NONCE_STORE_TIMEOUT = 60_000;
