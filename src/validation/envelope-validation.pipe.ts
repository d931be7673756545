import { type ArgumentMetadata, Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { classValidatorViolations } from './class-validator-violations.js';
import { isStandardSchema, standardSchemaViolations } from './standard-schema-violations.js';
import { stripPrototypeKeys } from './strip-prototype-keys.js';
import { ValidationFailedException } from './validation-failed.exception.js';
import type { Violation, ViolationLocation } from './violation.interface.js';

const LOCATIONS: Partial<Record<ArgumentMetadata['type'], ViolationLocation>> = {
  body: 'body',
  query: 'query',
  param: 'path',
};
const UNVALIDATED_TYPES = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date, BigInt, Symbol]);

/**
 * Validates `@Body()`, `@Query()` and `@Param()` against their DTO class (class-validator) or a Standard Schema
 * (`@Body({ schema })`, Nest 12), and throws `ValidationFailedException` with one violation per failed constraint.
 * Registered globally by `ResponseModule` (turn off with `validation: { pipe: false }`); also usable per route.
 *
 * @example
 * @Post()
 * create(@Body() dto: CreateOrderDto) {}
 */
@Injectable()
export class EnvelopeValidationPipe implements PipeTransform {
  constructor(@Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const settings = this.options.validation.pipe;
    const location = LOCATIONS[metadata.type];
    if (settings === false || location === undefined) return value;
    const prefix = metadata.data ? [metadata.data] : [];
    const schema: unknown = (metadata as { schema?: unknown }).schema;
    if (isStandardSchema(schema)) {
      stripPrototypeKeys(value);
      const result = await schema['~standard'].validate(value);
      if (!result.issues) return result.value;
      const objectName =
        metadata.metatype?.name && !UNVALIDATED_TYPES.has(metadata.metatype) ? metadata.metatype.name : location;
      throw new ValidationFailedException(
        standardSchemaViolations(result.issues, { location, raw: value, prefix, objectName }),
      );
    }
    const metatype = metadata.metatype;
    if (!metatype || UNVALIDATED_TYPES.has(metatype))
      return settings.transform ? this.primitive(value, metatype) : value;

    stripPrototypeKeys(value);
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!isObject && location === 'body') {
      throw new ValidationFailedException([notAnObject(location, value, prefix, metatype.name)]);
    }
    const instance = plainToInstance(metatype, isObject ? value : {}) as object;
    const validatorOptions: ValidatorOptions = {
      whitelist: settings.whitelist,
      forbidNonWhitelisted: settings.forbidNonWhitelisted,
      forbidUnknownValues: false,
      skipMissingProperties: settings.skipMissingProperties,
      stopAtFirstError: settings.stopAtFirstError,
    };
    const errors = await validate(instance, validatorOptions);
    if (errors.length > 0) {
      throw new ValidationFailedException(
        classValidatorViolations(errors, { location, raw: value, prefix, objectName: metatype.name }),
      );
    }
    if (settings.transform) return instance;
    return settings.whitelist ? instanceToPlain(instance) : value;
  }

  /** `@Param('id') id: number` with `transform`: what Nest's ValidationPipe does for primitives. */
  private primitive(value: unknown, metatype: unknown): unknown {
    if (typeof value !== 'string') return value;
    if (metatype === Number) return value.trim() === '' ? value : Number(value);
    if (metatype === Boolean) return value === 'true' ? true : value === 'false' ? false : value;
    return value;
  }
}

function notAnObject(location: ViolationLocation, value: unknown, prefix: string[], objectName: string): Violation {
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
