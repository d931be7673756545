import type { ArgumentMetadata, Type, ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ValidationPipe } from '@nestjs/common';
import { EnvelopeValidationPipe } from './envelope-validation.pipe.js';
import { assertWithinLimits, DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { envelopeExceptionFactory, locateValidationFailure, withTargets } from './validation-errors.factory.js';

/** The members of Nest's `ValidationPipe` (Nest 11 and 12) an adopted pipe has replaced: all protected, or methods. */
interface PipeInternals {
  exceptionFactory: (errors: ValidationError[]) => unknown;
  readonly expectedType?: Type<unknown>;
  readonly errorHttpStatusCode: number;
  toValidate(metadata: ArgumentMetadata): boolean;
  validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[];
  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown>;
}

const ADOPTED = new WeakSet<ValidationPipe>();
const LIMITED = new WeakSet<ValidationPipe>();

/**
 * True when the pipe's `exceptionFactory` is Nest's default one, i.e. the app gave none (neither the option nor an
 * overridden `createExceptionFactory`): Nest builds a fresh closure of the same source each time.
 *
 * @example
 * hasNestDefaultFactory(new ValidationPipe()); // true
 * hasNestDefaultFactory(new ValidationPipe({ exceptionFactory: (errors) => new MyException(errors) })); // false
 */
export function hasNestDefaultFactory(pipe: ValidationPipe): boolean {
  const own = (pipe as unknown as PipeInternals).exceptionFactory;
  const nest: unknown = ValidationPipe.prototype.createExceptionFactory.call(pipe);
  return typeof own === 'function' && typeof nest === 'function' && String(own) === String(nest);
}

/** Wraps the pipe's `transform`: a value over `limits` is refused before class-transformer sees it. */
function checkLimitsFirst(
  pipe: ValidationPipe,
  limits: InputLimits,
  around: (transform: PipeInternals['transform']) => PipeInternals['transform'] = (transform) => transform,
): void {
  const internals = pipe as unknown as PipeInternals;
  const transform = around(internals.transform.bind(pipe));
  internals.transform = async (value, metadata) => {
    if (internals.toValidate({ ...metadata, metatype: internals.expectedType ?? metadata.metatype })) {
      const code = internals.errorHttpStatusCode;
      assertWithinLimits(value, metadata, limits, code === 400 ? undefined : code);
    }
    return await transform(value, metadata);
  };
}

/**
 * Makes an app's own `ValidationPipe` (one with Nest's default `exceptionFactory`) report its failures as the
 * module's violations: its factory becomes the module's, and its `transform` adds where the value came from. Every
 * option of the pipe keeps its meaning; nothing else of it changes. Before it transforms anything, a value over
 * `limits` is refused (a hand-built `EnvelopeValidationPipe` takes `limits` in place of the defaults). Returns whether
 * the pipe was adopted; a pipe with a factory of the app's own is not, but it
 * checks the limits first all the same (their violation is the module's; every other failure is the app's).
 *
 * @example
 * adoptValidationPipe(new ValidationPipe({ whitelist: true })); // true
 */
export function adoptValidationPipe(pipe: ValidationPipe, limits: InputLimits = DEFAULT_INPUT_LIMITS): boolean {
  if (pipe instanceof EnvelopeValidationPipe) {
    // Built by hand (`new EnvelopeValidationPipe({ … })` on a route), it has the defaults: the app's are the module's.
    const own = pipe as unknown as { limits: InputLimits };
    if (own.limits === DEFAULT_INPUT_LIMITS) own.limits = limits;
    return true;
  }
  if (ADOPTED.has(pipe)) return true;
  if (LIMITED.has(pipe)) return false;
  if (!hasNestDefaultFactory(pipe)) {
    LIMITED.add(pipe);
    checkLimitsFirst(pipe, limits);
    return false;
  }
  ADOPTED.add(pipe);
  const internals = pipe as unknown as PipeInternals;
  const validate = internals.validate.bind(pipe);
  internals.exceptionFactory = envelopeExceptionFactory(pipe);
  internals.validate = (object, options) => validate(object, withTargets(options));
  checkLimitsFirst(pipe, limits, (transform) => async (value, metadata) => {
    try {
      return await transform(value, metadata);
    } catch (thrown) {
      throw locateValidationFailure(thrown, value, metadata, internals.expectedType ?? metadata.metatype);
    }
  });
  return true;
}
