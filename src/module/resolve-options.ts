import { randomUUID } from 'node:crypto';
import type { BusinessCode, CodeCatalogue, LocalisedText } from '../codes/code-definition.interface.js';
import { createTimestampFormatter, createZoneFormat, isTimestampPattern } from '../render/timestamp.js';
import type { TimestampFormatter } from '../render/timestamp.js';
import type { Field, LocaleRequest, ResponseOptions, ValidationPipeSettings } from './response-options.interface.js';
import { definitionProblem, describeValue } from '../codes/code-definition.check.js';
import { CODE_RULE_PRESETS, type CodeRule } from '../codes/code-rule.js';
import { resolveSigningOptions, type ResolvedSigningOptions } from '../signing/resolve-signing-options.js';

/** A bad option value; the message names the option by its path. */
export class ResponseOptionsError extends Error {
  constructor(message: string) {
    super(`ResponseModule: ${message}`);
    this.name = 'ResponseOptionsError';
  }
}

/** `ResponseOptions` with defaults merged and values checked, as the interceptor and filter read them. */
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
    readonly redact: readonly (string | RegExp)[];
    readonly pipe: false | Readonly<Required<ValidationPipeSettings>>;
  };
  readonly problem: { readonly typeBase?: string };
  readonly codes: readonly CodeCatalogue[];
  readonly requestId: { readonly header: string; readonly generate: () => string };
  readonly timestamp: TimestampFormatter;
  readonly int64: { readonly header: string; readonly query: string };
  readonly locale: {
    readonly default: string;
    readonly header: string;
    readonly known: readonly string[];
    readonly resolve?: (request: LocaleRequest) => string | undefined;
  };
  readonly html: boolean;
  readonly debug: boolean;
  /** `'seed-004'` resolved to its function. */
  readonly codeRule: CodeRule | undefined;
  readonly strictThrows: 'off' | 'log' | 'throw';
  /** Signed requests; `undefined` when not configured. */
  readonly signing: ResolvedSigningOptions | undefined;
}

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
const DEFAULT_SUCCESS_FIELDS: readonly Field[] = ['code', 'message', 'data'];
const DEFAULT_FAILURE_FIELDS: readonly Field[] = [
  'code',
  'message',
  'status',
  'error',
  'path',
  'timestamp',
  'requestId',
  'detail',
];
export const DEFAULT_REDACTED_NAMES: readonly string[] = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'authorization',
  'cookie',
  'creditCard',
  'cardNumber',
  'cvv',
];
const BUILT_IN_LOCALES = ['en', 'zh-CN'];
const TOP_LEVEL_KEYS = new Set<string>([
  'httpStatus',
  'success',
  'fields',
  'successFields',
  'failureFields',
  'outcome',
  'statusCodes',
  'format',
  'validation',
  'problem',
  'codes',
  'requestId',
  'timestamp',
  'int64',
  'locale',
  'html',
  'debug',
  'codeRule',
  'strictThrows',
  'signing',
]);
/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const LOCALE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

type Path = string;

function fail(path: Path, expectation: string, value: unknown): never {
  throw new ResponseOptionsError(`${path} ${expectation} (got ${describeValue(value)})`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(path: Path, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) fail(path, 'must be an object', value);
  return value;
}

function onlyKeys(path: Path, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ResponseOptionsError(`${path}.${key} is not an option (known: ${allowed.join(', ')})`);
    }
  }
}

function oneOf<T extends string | number>(path: Path, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    fail(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  return value as T;
}

function nonEmptyString(path: Path, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'must be a non-empty string', value);
  return value;
}

function headerName(path: Path, value: unknown, fallback: string): string {
  const name = nonEmptyString(path, value, fallback);
  if (!HEADER_NAME.test(name)) fail(path, 'must be a valid HTTP header name', value);
  return name.toLowerCase();
}

function bool(path: Path, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(path, 'must be a boolean', value);
  return value;
}

function businessCode(path: Path, value: unknown): BusinessCode {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') return value;
  return fail(path, 'must be a finite number or a non-empty string', value);
}

function text(path: Path, value: unknown, fallback: string | LocalisedText): string | LocalisedText {
  if (value === undefined) return fallback;
  if (typeof value === 'string') return value;
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    fail(path, 'must be a string or a non-empty map of locale → string', value);
  }
  for (const [locale, message] of Object.entries(value)) {
    if (!LOCALE_TAG.test(locale)) fail(`${path}.${locale}`, 'must be keyed by a BCP 47 locale tag', locale);
    if (typeof message !== 'string') fail(`${path}.${locale}`, 'must be a string', message);
  }
  return value as LocalisedText;
}

function fieldList(path: Path, value: unknown, fallback: readonly Field[]): Field[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) fail(path, 'must be an array of fields', value);
  const seen = new Set<Field>();
  value.forEach((field: unknown, index) => {
    if (!FIELDS.includes(field as Field)) fail(`${path}[${index}]`, `must be one of ${FIELDS.join(', ')}`, field);
    if (seen.has(field as Field)) fail(`${path}[${index}]`, 'is listed twice', field);
    seen.add(field as Field);
  });
  return value as Field[];
}

function wireNames(value: unknown): Record<Field, string> {
  const given = objectAt('fields', value);
  onlyKeys('fields', given, FIELDS);
  const names = Object.fromEntries(FIELDS.map((field) => [field, field])) as Record<Field, string>;
  for (const [field, name] of Object.entries(given)) {
    names[field as Field] = nonEmptyString(`fields.${field}`, name, field);
  }
  return names;
}

function layout(
  path: Path,
  fields: readonly Field[],
  names: Record<Field, string>,
  extraNames: readonly string[],
): [Field, string][] {
  const pairs = fields.map((field): [Field, string] => [field, names[field]]);
  const used = new Map<string, Field>();
  for (const [field, name] of pairs) {
    const other = used.get(name);
    if (other)
      throw new ResponseOptionsError(`${path}: fields.${other} and fields.${field} share the wire name "${name}"`);
    if (extraNames.includes(name)) {
      throw new ResponseOptionsError(`${path}: fields.${field} uses the reserved member name "${name}"`);
    }
    used.set(name, field);
  }
  return pairs;
}

function statusCodeMap(value: unknown): Map<number, BusinessCode> {
  const given = objectAt('statusCodes', value);
  const map = new Map<number, BusinessCode>();
  for (const [key, code] of Object.entries(given)) {
    const status = Number(key);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      fail(`statusCodes.${key}`, 'must be keyed by an HTTP error status (400–599)', key);
    }
    map.set(status, businessCode(`statusCodes.${key}`, code));
  }
  return map;
}

function redactList(value: unknown): (string | RegExp)[] {
  if (value === undefined) return [...DEFAULT_REDACTED_NAMES];
  if (!Array.isArray(value)) fail('validation.redact', 'must be an array of names or regular expressions', value);
  value.forEach((entry: unknown, index) => {
    if (!(entry instanceof RegExp) && (typeof entry !== 'string' || entry === '')) {
      fail(`validation.redact[${index}]`, 'must be a non-empty string or a RegExp', entry);
    }
  });
  return value as (string | RegExp)[];
}

const PIPE_FLAGS = [
  'whitelist',
  'forbidNonWhitelisted',
  'transform',
  'skipMissingProperties',
  'stopAtFirstError',
] as const;

function pipeSettings(value: unknown): false | Required<ValidationPipeSettings> {
  if (value === false) return false;
  const given = objectAt('validation.pipe', value);
  onlyKeys('validation.pipe', given, PIPE_FLAGS);
  const settings = {} as Required<ValidationPipeSettings>;
  for (const flag of PIPE_FLAGS) settings[flag] = bool(`validation.pipe.${flag}`, given[flag], false);
  if (settings.forbidNonWhitelisted && !settings.whitelist) {
    throw new ResponseOptionsError('validation.pipe.forbidNonWhitelisted needs validation.pipe.whitelist: true');
  }
  return settings;
}

function timestampFormatter(value: unknown): TimestampFormatter {
  const given = objectAt('timestamp', value);
  onlyKeys('timestamp', given, ['format', 'timeZone']);
  const format = nonEmptyString('timestamp.format', given.format, 'iso');
  if (format !== 'iso' && format !== 'epoch-ms' && !isTimestampPattern(format)) {
    fail('timestamp.format', "must be 'iso', 'epoch-ms' or a pattern of YYYY MM DD HH mm ss SSS Z", format);
  }
  const timeZone = nonEmptyString('timestamp.timeZone', given.timeZone, 'UTC');
  try {
    createZoneFormat(timeZone);
  } catch {
    fail('timestamp.timeZone', 'must be an IANA time zone such as "Asia/Shanghai"', timeZone);
  }
  return createTimestampFormatter(format, timeZone);
}

function catalogues(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail('codes', 'must be an array of catalogues from defineCodes', value);
  value.forEach((catalogue: unknown, index) => {
    if (!isPlainObject(catalogue)) {
      throw new ResponseOptionsError(
        `codes must be an array of catalogues from defineCodes (got ${describeValue(catalogue)} at codes[${index}])`,
      );
    }
    for (const [key, definition] of Object.entries(catalogue)) {
      const problem = definitionProblem(definition);
      if (problem === undefined) continue;
      const path = problem.member === '' ? `codes[${index}].${key}` : `codes[${index}].${key}.${problem.member}`;
      throw new ResponseOptionsError(`${path} ${problem.expectation} (got ${problem.got})`);
    }
  });
}

function codeRule(value: unknown): CodeRule | undefined {
  if (value === undefined || typeof value === 'function') return value as CodeRule | undefined;
  const preset = typeof value === 'string' ? CODE_RULE_PRESETS[value] : undefined;
  if (preset === undefined) {
    const names = Object.keys(CODE_RULE_PRESETS).map((name) => JSON.stringify(name));
    fail('codeRule', `must be ${names.join(', ')} or a function (code) => string | undefined`, value);
  }
  return preset;
}

function localesOf(message: string | LocalisedText): string[] {
  return typeof message === 'string' ? [] : Object.keys(message);
}

/**
 * Validates the options once, at start-up, and merges the defaults.
 * Throws `ResponseOptionsError` naming the first bad option by its path.
 *
 * @example
 * resolveResponseOptions({ fields: { code: 'status_id' } }).successLayout; // [['code','status_id'], ['message','message'], ['data','data']]
 */
export function resolveResponseOptions(input: ResponseOptions | undefined = {}): ResolvedResponseOptions {
  const options = objectAt('options', input ?? {});
  for (const key of Object.keys(options)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      throw new ResponseOptionsError(`"${key}" is not an option (known: ${[...TOP_LEVEL_KEYS].join(', ')})`);
    }
  }

  const success = objectAt('success', options.success);
  onlyKeys('success', success, ['code', 'message']);
  const successCode =
    success.code === 'http-status'
      ? 'http-status'
      : success.code === undefined
        ? 0
        : businessCode('success.code', success.code);
  const successMessage = text('success.message', success.message, 'OK');

  const requestId = objectAt('requestId', options.requestId);
  onlyKeys('requestId', requestId, ['header', 'generate', 'inSuccessBody']);
  if (requestId.generate !== undefined && typeof requestId.generate !== 'function') {
    fail('requestId.generate', 'must be a function returning a string', requestId.generate);
  }

  const names = wireNames(options.fields);
  const successFields = fieldList('successFields', options.successFields, DEFAULT_SUCCESS_FIELDS);
  if (bool('requestId.inSuccessBody', requestId.inSuccessBody, false) && !successFields.includes('requestId')) {
    successFields.push('requestId');
  }
  const failureFields = fieldList('failureFields', options.failureFields, DEFAULT_FAILURE_FIELDS);

  const outcome = objectAt('outcome', options.outcome);
  onlyKeys('outcome', outcome, ['success', 'failure']);

  const validation = objectAt('validation', options.validation);
  onlyKeys('validation', validation, ['style', 'status', 'maxViolations', 'redact', 'pipe']);
  const problem = objectAt('problem', options.problem);
  onlyKeys('problem', problem, ['typeBase']);
  const maxViolations = validation.maxViolations ?? 100;
  if (typeof maxViolations !== 'number' || !Number.isInteger(maxViolations) || maxViolations < 1) {
    fail('validation.maxViolations', 'must be a positive integer', maxViolations);
  }

  catalogues(options.codes);

  const int64 = objectAt('int64', options.int64);
  onlyKeys('int64', int64, ['header', 'query']);
  const locale = objectAt('locale', options.locale);
  onlyKeys('locale', locale, ['default', 'header', 'resolve']);
  if (locale.resolve !== undefined && typeof locale.resolve !== 'function') {
    fail('locale.resolve', 'must be a function (request) => string | undefined', locale.resolve);
  }
  const defaultLocale = nonEmptyString('locale.default', locale.default, 'en');
  if (!LOCALE_TAG.test(defaultLocale))
    fail('locale.default', 'must be a BCP 47 locale tag such as "zh-CN"', defaultLocale);

  const format = oneOf('format', options.format, ['envelope', 'problem+json'] as const, 'envelope');
  const httpStatus = oneOf('httpStatus', options.httpStatus, ['mirror', 'always-200'] as const, 'mirror');
  if (format === 'problem+json' && httpStatus === 'always-200') {
    throw new ResponseOptionsError(
      "format 'problem+json' needs httpStatus 'mirror': RFC 9457's status must be the HTTP status",
    );
  }

  const generate = (requestId.generate as (() => string) | undefined) ?? randomUUID;
  return {
    httpStatus,
    success: { code: successCode, message: successMessage },
    successLayout: layout('successFields', successFields, names, []),
    failureLayout: layout('failureFields', failureFields, names, ['details', 'errors', 'omittedViolations']),
    outcome: {
      success: nonEmptyString('outcome.success', outcome.success, 'success'),
      failure: nonEmptyString('outcome.failure', outcome.failure, 'failure'),
    },
    statusCodes: statusCodeMap(options.statusCodes),
    format,
    validation: {
      style: oneOf('validation.style', validation.style, ['wechat', 'spring'], 'wechat'),
      status: oneOf('validation.status', validation.status, [400, 422], 400),
      maxViolations,
      redact: redactList(validation.redact),
      pipe: pipeSettings(validation.pipe),
    },
    problem: {
      typeBase: problem.typeBase === undefined ? undefined : nonEmptyString('problem.typeBase', problem.typeBase, ''),
    },
    codes: (options.codes as CodeCatalogue[] | undefined) ?? [],
    requestId: { header: headerName('requestId.header', requestId.header, 'x-request-id'), generate },
    timestamp: timestampFormatter(options.timestamp),
    int64: {
      header: headerName('int64.header', int64.header, 'x-stringify'),
      query: nonEmptyString('int64.query', int64.query, '_string'),
    },
    locale: {
      default: defaultLocale,
      header: headerName('locale.header', locale.header, 'accept-language'),
      known: [...new Set([defaultLocale, ...BUILT_IN_LOCALES, ...localesOf(successMessage)])],
      ...(locale.resolve === undefined
        ? {}
        : { resolve: locale.resolve as (request: LocaleRequest) => string | undefined }),
    },
    html: bool('html', options.html, false),
    debug: bool('debug', options.debug, false),
    codeRule: codeRule(options.codeRule),
    strictThrows: oneOf('strictThrows', options.strictThrows, ['off', 'log', 'throw'], 'off'),
    signing: resolveSigningOptions(options.signing, (message) => {
      throw new ResponseOptionsError(message);
    }),
  };
}
