import { STATUS_CODES } from 'node:http';
import { type ArgumentMetadata, HttpException, type ValidationError } from '@nestjs/common';
import { classValidatorViolations } from './class-validator-violations.js';
import type { ValidatorOptions } from 'class-validator';
import { clientValidationFailure, withoutStack } from './stackless-failure.js';
import type { Violation, ViolationLocation } from './violation.interface.js';

/** What the factory reads of a Nest `ValidationPipe` (protected members, the same in Nest 11 and 12). */
interface PipeSettings {
  readonly errorHttpStatusCode: number;
  readonly isDetailedOutputDisabled?: boolean;
}

const LOCATIONS: Readonly<Record<ArgumentMetadata['type'], ViolationLocation>> = {
  body: 'body',
  query: 'query',
  param: 'path',
  // A custom decorator's value (validateCustomDecorators) is reported as a body: its fields are pointers into it.
  custom: 'body',
};

/** The factories this file made: a pipe holding one renders its failures as violations. */
const ENVELOPE_FACTORIES = new WeakSet<object>();

/**
 * The errors of one failed validation on their way from a pipe's `exceptionFactory` (which sees only the errors)
 * to the pipe's `transform` (which knows where the value came from). Never reaches a client as it is.
 */
export class UnlocatedValidationErrors extends HttpException {
  constructor(
    readonly errors: readonly ValidationError[],
    readonly requestedStatus: number | undefined,
  ) {
    const status = requestedStatus ?? 400;
    super(STATUS_CODES[status] ?? 'Bad Request', status);
  }
}

/**
 * The module's `exceptionFactory` for a Nest `ValidationPipe` (or the module's own): the errors, to be located by the
 * pipe's `transform`. `disableErrorMessages` gives a bare failure of the pipe's status, as Nest's factory does.
 *
 * @example
 * const factory = envelopeExceptionFactory(pipe);
 */
export function envelopeExceptionFactory(pipe: object): (errors?: ValidationError[]) => unknown {
  const settings = pipe as unknown as PipeSettings;
  const factory = (errors: ValidationError[] = []): unknown => {
    const status = settings.errorHttpStatusCode;
    if (settings.isDetailedOutputDisabled) return new HttpException(STATUS_CODES[status] ?? 'Bad Request', status);
    // Nest's default is 400: only another status is the pipe's own choice over `validation.status`.
    return withoutStack(() => new UnlocatedValidationErrors(errors, status === 400 ? undefined : status));
  };
  ENVELOPE_FACTORIES.add(factory);
  return factory;
}

/** True for a factory made by `envelopeExceptionFactory`. */
export function isEnvelopeFactory(factory: unknown): boolean {
  return typeof factory === 'object' || typeof factory === 'function' ? ENVELOPE_FACTORIES.has(factory!) : false;
}

/**
 * Validator options with `validationError.target` on: the violations read constraint arguments and declared types
 * from the class of each error's target. It shapes only the errors handed to the module's factory.
 */
export function withTargets(options: ValidatorOptions | undefined): ValidatorOptions {
  return { ...options, validationError: { ...options?.validationError, target: true } };
}

/**
 * The violation "must be a JSON object" for a body (or `@Body('key')`) that is not one: `null`, a string, an array.
 *
 * @example
 * notAnObject('body', null, [], 'CreateOrderDto').message; // 'body must be a JSON object (got null)'
 */
export function notAnObject(
  location: ViolationLocation,
  value: unknown,
  prefix: readonly (string | number)[],
  objectName: string,
): Violation {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return {
    location,
    path: prefix,
    // An unparsed text body (a JSON document sent as text/plain) may hold anything, secrets included: never echo it.
    value: typeof value === 'string' ? undefined : value,
    constraint: 'isObject',
    arguments: [],
    message: `${prefix[0] ?? location} must be a JSON object (got ${kind})`,
    objectName,
  };
}

/** Nest's own error for a value that is no object (a primitive, an array): the parameter's name, `isObject`. */
function isStandInError(errors: readonly ValidationError[], metadata: ArgumentMetadata): boolean {
  const [error] = errors;
  return (
    errors.length === 1 &&
    error.target === undefined &&
    error.property === (metadata.data || metadata.type) &&
    error.constraints?.isObject !== undefined
  );
}

/**
 * What a validation pipe's `transform` throws: the factory's errors as a `ValidationFailedException` with the
 * parameter's location, the value as sent and the DTO's name; anything else as it is.
 *
 * @example
 * throw locateValidationFailure(thrown, value, metadata, CreateOrderDto);
 */
export function locateValidationFailure(
  thrown: unknown,
  value: unknown,
  metadata: ArgumentMetadata,
  dto: unknown,
): unknown {
  if (!(thrown instanceof UnlocatedValidationErrors)) return thrown;
  const location = LOCATIONS[metadata.type] ?? 'body';
  const prefix = metadata.data ? [metadata.data] : [];
  const objectName = typeof dto === 'function' && dto.name ? dto.name : location;
  const violations = isStandInError(thrown.errors, metadata)
    ? [notAnObject(location, value, prefix, objectName)]
    : classValidatorViolations(thrown.errors, { location, raw: value, prefix, objectName });
  return clientValidationFailure(violations, { status: thrown.requestedStatus });
}
