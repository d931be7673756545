import type { KeyObject } from 'node:crypto';
import type { BusinessCode, CodeCatalogue, LocalisedText } from '../codes/code-definition.interface.js';
import type { CodeRule } from '../codes/code-rule.js';
import type { TimestampFormatter } from '../render/timestamp.js';
import type { NonceStore } from '../signing/nonce-store.interface.js';
import type { SigningHeaderNames } from '../signing/signing-headers.js';
import type { CodeRulePreset } from './option-defaults.js';
import type { Field, LocaleRequest, ValidationPipeSettings } from './response-options.interface.js';

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
  /** Milliseconds a claim may take before the request is refused (503). */
  readonly nonceStoreTimeout: number;
  readonly global: boolean;
  readonly headers: SigningHeaderNames;
  readonly signResponses: boolean;
  readonly acceptV1: boolean;
}

/**
 * `ResponseOptions` with defaults merged and values checked, once at start-up: what every other part reads.
 *
 * @example
 * const options: ResolvedResponseOptions = resolveResponseOptions({ validation: { style: 'spring' } });
 * options.validation.maxViolations; // 100
 */
export interface ResolvedResponseOptions {
  readonly httpStatus: 'mirror' | 'always-200';
  /** `'http-status'` as the code copies the HTTP status. */
  readonly success: { readonly code: BusinessCode; readonly message: string | LocalisedText };
  /** `[field, wire name]` pairs in body order. */
  readonly successLayout: readonly (readonly [Field, string])[];
  readonly failureLayout: readonly (readonly [Field, string])[];
  readonly outcome: { readonly success: string; readonly failure: string };
  readonly statusCodes: ReadonlyMap<number, BusinessCode>;
  readonly format: 'envelope' | 'problem+json';
  readonly validation: {
    readonly style: 'wechat' | 'spring';
    readonly status: 400 | 422;
    readonly maxViolations: number;
    readonly maxDepth: number;
    readonly maxNodes: number;
    /** `redact` (or the default list) and `alsoRedact`. */
    readonly redact: readonly (string | RegExp)[];
    readonly neverRedact: readonly string[];
    readonly pipe: false | Readonly<ValidationPipeSettings>;
  };
  readonly problem: { readonly typeBase?: string };
  readonly codes: readonly CodeCatalogue[];
  readonly requestId: { readonly header: string; readonly generate: () => string };
  readonly timestamp: TimestampFormatter;
  /** Header names (lower case) and query parameter names by which a client asks for bigints as strings. */
  readonly int64: { readonly headers: readonly string[]; readonly queries: readonly string[] };
  readonly locale: {
    readonly default: string;
    readonly header: string;
    readonly known: readonly string[];
    readonly resolve?: (request: LocaleRequest) => string | undefined;
  };
  readonly html: boolean;
  readonly debug: boolean;
  /** A preset's name (the registry knows its function) or the team's own rule. */
  readonly codeRule: CodeRulePreset | CodeRule | undefined;
  readonly strictThrows: 'off' | 'log' | 'throw';
  /** Signed requests; `undefined` when not configured. */
  readonly signing: ResolvedSigningOptions | undefined;
}
