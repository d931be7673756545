import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { notAnObject } from '../validation/validation-errors.factory.js';
import { ValidationFailedException } from '../validation/validation-failed.exception.js';
import type { Violation } from '../validation/violation.interface.js';
import { failureCase, type FailureCase } from './failure-cases.js';
import type { CheckedParameter } from './parameter-validation.js';

/** The one violation an example shows, located as the real failure locates it. */
function exampleViolation(parameter: CheckedParameter): Violation {
  if (parameter.violation) return parameter.violation;
  const { location, path, objectName } = parameter;
  if (parameter.refusal === 'not-an-object') return notAnObject(location, null, path, objectName);
  const name = String(path[path.length - 1] ?? location);
  const schema = parameter.refusal === 'schema';
  return {
    location,
    path,
    value: schema ? undefined : null,
    constraint: schema ? 'invalid_type' : 'isDefined',
    arguments: [],
    message: schema ? `${name} does not match its schema` : `${name} should not be null or undefined`,
    objectName,
  };
}

function exceptionOf(parameter: CheckedParameter, options: ResolvedResponseOptions): unknown {
  const status = parameter.status === options.validation.status ? undefined : parameter.status;
  return parameter.detailed
    ? new ValidationFailedException([exampleViolation(parameter)], { status })
    : new HttpException(STATUS_CODES[parameter.status] ?? 'Bad Request', parameter.status);
}

/**
 * The validation failure of each checked parameter, as a failure case under the status it fails with (its
 * pipe's `errorHttpStatusCode`, else `validation.status`): the example's field and location are the real ones, a
 * pipe with `disableErrorMessages` fails without violations. Examples are keyed `VALIDATION_FAILED` for the body,
 * `VALIDATION_FAILED_QUERY`, `_PATH`, `_HEADER` for the others.
 *
 * @example
 * validationFailureCases([{ location: 'query', path: ['page'], … }], options)[0].key; // 'VALIDATION_FAILED_QUERY'
 */
export function validationFailureCases(
  checked: readonly CheckedParameter[],
  options: ResolvedResponseOptions,
): FailureCase[] {
  return checked.map((parameter) => {
    const where = parameter.location === 'path' ? 'path parameter' : parameter.location;
    const bare = parameter.detailed ? '' : ' (disableErrorMessages: no violations)';
    const key =
      parameter.location === 'body' ? 'VALIDATION_FAILED' : `VALIDATION_FAILED_${parameter.location.toUpperCase()}`;
    const summary = `${parameter.objectName}: a ${where} that fails validation${bare}`;
    return failureCase(key, summary, exceptionOf(parameter, options), options);
  });
}
