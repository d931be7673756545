import type { ResolvedResponseOptions } from './resolved-options.interface.js';
import { ResponseOptionsError } from './response-options.error.js';
import { bool, fail, objectAt, oneOf, onlyKeys, positiveInteger } from './option-checks.js';
import {
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_NODES,
  DEFAULT_MAX_VIOLATIONS,
  DEFAULT_REDACTED_NAMES,
} from './option-defaults.js';
import type { ValidationPipeSettings } from './response-options.interface.js';

/** Nest's `ValidationPipeOptions` (Nest 11 and 12) with class-validator's `ValidatorOptions`, by the kind of value. */
const PIPE_FLAGS = [
  'transform',
  'disableErrorMessages',
  'validateCustomDecorators',
  'whitelist',
  'forbidNonWhitelisted',
  'forbidUnknownValues',
  'skipMissingProperties',
  'skipNullProperties',
  'skipUndefinedProperties',
  'stopAtFirstError',
  'always',
  'strictGroups',
  'dismissDefaultMessages',
  'enableDebugMessages',
] as const;
const PIPE_OBJECTS = ['transformOptions', 'validationError', 'validatorPackage', 'transformerPackage'] as const;
const PIPE_FUNCTIONS = ['exceptionFactory', 'expectedType'] as const;
const PIPE_KEYS = [
  ...PIPE_FLAGS,
  ...PIPE_OBJECTS,
  ...PIPE_FUNCTIONS,
  'groups',
  'errorHttpStatusCode',
  'errorFormat',
  'maxErrorMessagesLength',
];

function redactList(path: string, value: unknown, fallback: readonly (string | RegExp)[]): (string | RegExp)[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) fail(path, 'must be an array of names or regular expressions', value);
  value.forEach((entry: unknown, index) => {
    if (!(entry instanceof RegExp) && (typeof entry !== 'string' || entry === '')) {
      fail(`${path}[${index}]`, 'must be a non-empty string or a RegExp', entry);
    }
  });
  return value as (string | RegExp)[];
}

function nameList(path: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'must be an array of names', value);
  value.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string' || entry === '') fail(`${path}[${index}]`, 'must be a non-empty string', entry);
  });
  return value as string[];
}

function pipeSettings(value: unknown): false | ValidationPipeSettings {
  if (value === false) return false;
  const given = objectAt('validation.pipe', value);
  onlyKeys('validation.pipe', given, PIPE_KEYS);
  for (const flag of PIPE_FLAGS) bool(`validation.pipe.${flag}`, given[flag], false);
  for (const key of PIPE_OBJECTS) objectAt(`validation.pipe.${key}`, given[key]);
  for (const key of PIPE_FUNCTIONS) {
    if (given[key] !== undefined && typeof given[key] !== 'function')
      fail(`validation.pipe.${key}`, 'must be a function', given[key]);
  }
  const { groups, errorHttpStatusCode, maxErrorMessagesLength } = given;
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((group) => typeof group === 'string'))) {
    fail('validation.pipe.groups', 'must be an array of strings', groups);
  }
  if (errorHttpStatusCode !== undefined && !isFailureCode(errorHttpStatusCode)) {
    fail('validation.pipe.errorHttpStatusCode', 'must be an HTTP status from 400 to 599', errorHttpStatusCode);
  }
  oneOf('validation.pipe.errorFormat', given.errorFormat, ['list', 'grouped'], 'list');
  if (
    maxErrorMessagesLength !== undefined &&
    !(typeof maxErrorMessagesLength === 'number' && maxErrorMessagesLength > 0)
  ) {
    fail('validation.pipe.maxErrorMessagesLength', 'must be a positive number', maxErrorMessagesLength);
  }
  if (given.forbidNonWhitelisted === true && given.whitelist !== true) {
    throw new ResponseOptionsError('validation.pipe.forbidNonWhitelisted needs validation.pipe.whitelist: true');
  }
  return Object.freeze({ ...given });
}

function isFailureCode(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/**
 * `validation` with its defaults: WeChat style, 400, at most 100 violations, 32 levels and 2 000 values, the default
 * redaction list, the pipe.
 *
 * @example
 * resolveValidation({ style: 'spring' }).maxViolations; // 100
 */
export function resolveValidation(value: unknown): ResolvedResponseOptions['validation'] {
  const validation = objectAt('validation', value);
  onlyKeys('validation', validation, [
    'style',
    'status',
    'maxViolations',
    'maxDepth',
    'maxNodes',
    'redact',
    'alsoRedact',
    'neverRedact',
    'pipe',
  ]);
  const redact = redactList('validation.redact', validation.redact, DEFAULT_REDACTED_NAMES);
  return {
    style: oneOf('validation.style', validation.style, ['wechat', 'spring'], 'wechat'),
    status: oneOf('validation.status', validation.status, [400, 422], 400),
    maxViolations: positiveInteger('validation.maxViolations', validation.maxViolations, DEFAULT_MAX_VIOLATIONS),
    maxDepth: positiveInteger('validation.maxDepth', validation.maxDepth, DEFAULT_MAX_DEPTH),
    maxNodes: positiveInteger('validation.maxNodes', validation.maxNodes, DEFAULT_MAX_NODES),
    redact: [...redact, ...redactList('validation.alsoRedact', validation.alsoRedact, [])],
    neverRedact: nameList('validation.neverRedact', validation.neverRedact),
    pipe: pipeSettings(validation.pipe),
  };
}
