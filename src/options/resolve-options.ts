import { randomUUID } from 'node:crypto';
import type { LocalisedText } from '../codes/code-definition.interface.js';
import {
  bool,
  businessCode,
  fail,
  headerName,
  isLocaleTag,
  nonEmptyString,
  objectAt,
  oneOf,
  onlyKeys,
  text,
} from './option-checks.js';
import {
  BUILT_IN_LOCALES,
  DEFAULT_FAILURE_FIELDS,
  DEFAULT_SUCCESS_FIELDS,
  FAILURE_EXTRA_MEMBERS,
} from './option-defaults.js';
import { resolveCatalogues, resolveCodeRule } from './resolve-codes.js';
import { resolveInt64 } from './resolve-int64.js';
import { fieldList, layout, wireNames } from './resolve-layout.js';
import { resolveSigningOptions } from './resolve-signing-options.js';
import { resolveTimestamp } from './resolve-timestamp.js';
import { resolveValidation } from './resolve-validation.js';
import type { ResolvedResponseOptions } from './resolved-options.interface.js';
import { ResponseOptionsError } from './response-options.error.js';
import type { BusinessCode } from '../codes/code-definition.interface.js';
import type { LocaleRequest, ResponseOptions } from './response-options.interface.js';

const TOP_LEVEL_KEYS = [
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
];

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

function successOf(value: unknown): ResolvedResponseOptions['success'] {
  const success = objectAt('success', value);
  onlyKeys('success', success, ['code', 'message']);
  const code =
    success.code === 'http-status' || success.code === undefined
      ? (success.code ?? 0)
      : businessCode('success.code', success.code);
  return { code, message: text('success.message', success.message, 'OK') };
}

function localesOf(message: string | LocalisedText): string[] {
  return typeof message === 'string' ? [] : Object.keys(message);
}

function localeOf(value: unknown, successMessage: string | LocalisedText): ResolvedResponseOptions['locale'] {
  const locale = objectAt('locale', value);
  onlyKeys('locale', locale, ['default', 'header', 'resolve']);
  if (locale.resolve !== undefined && typeof locale.resolve !== 'function') {
    fail('locale.resolve', 'must be a function (request) => string | undefined', locale.resolve);
  }
  const defaultLocale = nonEmptyString('locale.default', locale.default, 'en');
  if (!isLocaleTag(defaultLocale)) fail('locale.default', 'must be a BCP 47 locale tag such as "zh-CN"', defaultLocale);
  return {
    default: defaultLocale,
    header: headerName('locale.header', locale.header, 'accept-language'),
    known: [...new Set([defaultLocale, ...BUILT_IN_LOCALES, ...localesOf(successMessage)])],
    ...(locale.resolve === undefined
      ? {}
      : { resolve: locale.resolve as (request: LocaleRequest) => string | undefined }),
  };
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
    if (!TOP_LEVEL_KEYS.includes(key)) {
      throw new ResponseOptionsError(`"${key}" is not an option (known: ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  const success = successOf(options.success);

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
  const problem = objectAt('problem', options.problem);
  onlyKeys('problem', problem, ['typeBase']);

  const format = oneOf('format', options.format, ['envelope', 'problem+json'] as const, 'envelope');
  const httpStatus = oneOf('httpStatus', options.httpStatus, ['mirror', 'always-200'] as const, 'mirror');
  if (format === 'problem+json' && httpStatus === 'always-200') {
    throw new ResponseOptionsError(
      "format 'problem+json' needs httpStatus 'mirror': RFC 9457's status must be the HTTP status",
    );
  }

  return {
    httpStatus,
    success,
    successLayout: layout('successFields', successFields, names, []),
    failureLayout: layout('failureFields', failureFields, names, FAILURE_EXTRA_MEMBERS),
    outcome: {
      success: nonEmptyString('outcome.success', outcome.success, 'success'),
      failure: nonEmptyString('outcome.failure', outcome.failure, 'failure'),
    },
    statusCodes: statusCodeMap(options.statusCodes),
    format,
    validation: resolveValidation(options.validation),
    problem: {
      typeBase: problem.typeBase === undefined ? undefined : nonEmptyString('problem.typeBase', problem.typeBase, ''),
    },
    codes: resolveCatalogues(options.codes),
    requestId: {
      header: headerName('requestId.header', requestId.header, 'x-request-id'),
      generate: (requestId.generate as (() => string) | undefined) ?? randomUUID,
    },
    timestamp: resolveTimestamp(options.timestamp),
    int64: resolveInt64(options.int64),
    locale: localeOf(options.locale, success.message),
    html: bool('html', options.html, false),
    debug: bool('debug', options.debug, false),
    codeRule: resolveCodeRule(options.codeRule),
    strictThrows: oneOf('strictThrows', options.strictThrows, ['off', 'log', 'throw'], 'off'),
    signing: resolveSigningOptions(options.signing),
  };
}
