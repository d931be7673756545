import {
  type ArgumentMetadata,
  Inject,
  Injectable,
  Optional,
  type ValidationError,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { VALIDATION_LIMITS, VALIDATION_PIPE_OPTIONS } from '../options/options.constants.js';
import { assertWithinLimits, DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { isStandardSchema, type StandardSchema, standardSchemaViolations } from './standard-schema-violations.js';
import { stripPrototypeKeys } from './strip-prototype-keys.js';
import { clientValidationFailure } from './stackless-failure.js';
import {
  envelopeExceptionFactory,
  isEnvelopeFactory,
  locateValidationFailure,
  withTargets,
} from './validation-errors.factory.js';

const UNVALIDATED_TYPES = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date, BigInt, Symbol]);
const SCHEMA_LOCATIONS = { body: 'body', query: 'query', param: 'path', custom: 'body' } as const;

/**
 * Nest's `ValidationPipe`, every option with Nest's meaning, whose failures render as the configured violations
 * (WeChat, Spring, RFC 9457) with JSON Pointers, locations and redaction. It also validates a Standard Schema
 * (`@Body({ schema })`, Nest 12) and refuses a body that is not a JSON object. `ResponseModule` uses it as its
 * global pipe (with `validation.pipe`'s options); applied by hand (`@UsePipes(EnvelopeValidationPipe)`,
 * `new EnvelopeValidationPipe({ whitelist: true })`) it always validates. Before any validator runs, a value deeper
 * than `maxDepth` or holding more than `maxNodes` values is refused (the module's `validation` limits when injected,
 * 32 and 2 000 when built by hand). With an `exceptionFactory` of your own, the
 * failure is the exception it returns.
 *
 * @example
 * @Post()
 * @UsePipes(new EnvelopeValidationPipe({ whitelist: true, groups: ['create'] }))
 * create(@Body() dto: CreateOrderDto) {}
 */
@Injectable()
export class EnvelopeValidationPipe extends ValidationPipe {
  /** What a value may hold before any validator runs (`validation.maxDepth`, `validation.maxNodes`). */
  private readonly limits: InputLimits;

  constructor(
    @Optional() @Inject(VALIDATION_PIPE_OPTIONS) options?: ValidationPipeOptions,
    @Optional() @Inject(VALIDATION_LIMITS) limits?: InputLimits,
  ) {
    super(options);
    this.limits = limits ?? DEFAULT_INPUT_LIMITS;
  }

  /** Nest calls this when no `exceptionFactory` was given: the errors become violations. */
  override createExceptionFactory(): (errors?: ValidationError[]) => unknown {
    return envelopeExceptionFactory(this);
  }

  /** A Standard Schema first; then Nest's validation, its failure located (body, query, path) and made violations. */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema: unknown = (metadata as { schema?: unknown }).schema;
    const dto = this.expectedType ?? metadata.metatype;
    const code: number = this.errorHttpStatusCode;
    if (isStandardSchema(schema)) {
      assertWithinLimits(value, metadata, this.limits, code === 400 ? undefined : code);
      return this.validateSchema(schema, value, metadata);
    }
    const validates = this.toValidate({ ...metadata, metatype: dto });
    // Before class-transformer and class-validator, whose cost grows with the value and whose recursion overflows.
    if (validates) assertWithinLimits(value, metadata, this.limits, code === 400 ? undefined : code);
    try {
      if (validates && metadata.type === 'body' && value !== undefined && !isJsonObject(value)) {
        // A body that is there but no object (`null`, `"str"`, `[…]`) is refused as such, not as missing fields.
        throw await this.exceptionFactory([
          { property: metadata.data || metadata.type, constraints: { isObject: 'object expected' }, children: [] },
        ]);
      }
      return await super.transform(value, metadata);
    } catch (thrown) {
      throw locateValidationFailure(thrown, value, metadata, dto);
    }
  }

  /** With the module's factory, errors keep their targets: violations read constraint arguments from their class. */
  protected override validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    return super.validate(object, isEnvelopeFactory(this.exceptionFactory) ? withTargets(options) : options);
  }

  /** Iterative, and `prototype` keys too: a 1 000-level-deep body neither overflows nor pollutes. */
  protected override stripProtoKeys(value: unknown): void {
    stripPrototypeKeys(value);
  }

  private async validateSchema(schema: StandardSchema, value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    stripPrototypeKeys(value);
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const location = SCHEMA_LOCATIONS[metadata.type];
    const metatype = metadata.metatype;
    const objectName = metatype?.name && !UNVALIDATED_TYPES.has(metatype) ? metatype.name : location;
    const prefix = metadata.data ? [metadata.data] : [];
    const code: number = this.errorHttpStatusCode;
    const status = code === 400 ? undefined : code;
    throw clientValidationFailure(
      standardSchemaViolations(result.issues, { location, raw: value, prefix, objectName }),
      {
        status,
      },
    );
  }
}

function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
