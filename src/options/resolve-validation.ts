import type { ResolvedResponseOptions } from './resolved-options.interface.js';
import { ResponseOptionsError } from './response-options.error.js';
import { bool, fail, objectAt, oneOf, onlyKeys, positiveInteger } from './option-checks.js';
import { DEFAULT_MAX_VIOLATIONS, DEFAULT_REDACTED_NAMES } from './option-defaults.js';
import type { ValidationPipeSettings } from './response-options.interface.js';

const PIPE_FLAGS = [
  'whitelist',
  'forbidNonWhitelisted',
  'transform',
  'skipMissingProperties',
  'stopAtFirstError',
] as const;

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

/**
 * `validation` with its defaults: WeChat style, 400, at most 100 violations, the default redaction list, the pipe.
 *
 * @example
 * resolveValidation({ style: 'spring' }).maxViolations; // 100
 */
export function resolveValidation(value: unknown): ResolvedResponseOptions['validation'] {
  const validation = objectAt('validation', value);
  onlyKeys('validation', validation, ['style', 'status', 'maxViolations', 'redact', 'pipe']);
  return {
    style: oneOf('validation.style', validation.style, ['wechat', 'spring'], 'wechat'),
    status: oneOf('validation.status', validation.status, [400, 422], 400),
    maxViolations: positiveInteger('validation.maxViolations', validation.maxViolations, DEFAULT_MAX_VIOLATIONS),
    redact: redactList(validation.redact),
    pipe: pipeSettings(validation.pipe),
  };
}
