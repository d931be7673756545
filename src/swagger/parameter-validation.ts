import type { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { EnvelopeValidationPipe } from '../validation/envelope-validation.pipe.js';
import {
  isStandardSchema,
  type StandardSchema,
  standardSchemaViolations,
} from '../validation/standard-schema-violations.js';
import { readValidHeaders } from '../validation/valid-headers.decorator.js';
import type { Violation, ViolationLocation } from '../validation/violation.interface.js';
import type { ValidatingPipes } from './validating-pipes.js';

/**
 * One handler parameter the module's validation can refuse, as the failure names it: where the value came from,
 * the path of the example field (`@Query('filter')` prefixes `filter`), the DTO's name, and the status it fails with.
 *
 * @example
 * const checked: CheckedParameter = {
 *   location: 'query', path: ['page'], objectName: 'PageQuery', status: 400, detailed: true, refusal: 'missing',
 * };
 */
export interface CheckedParameter {
  readonly location: ViolationLocation;
  /** The example violation's path; empty for a value refused as a whole (a body that is no object, a schema). */
  readonly path: readonly string[];
  readonly objectName: string;
  readonly status: number;
  /** False when the pipe has `disableErrorMessages`: the failure is a bare one, without violations. */
  readonly detailed: boolean;
  /** What the example shows: a constrained field left out, a body that is no object, a value against a schema. */
  readonly refusal: 'missing' | 'not-an-object' | 'schema';
  /** For a Standard Schema, the schema's own first violation of an empty object, when it tells it at once. */
  readonly violation?: Violation;
}

/** What this file reads of a Nest `ValidationPipe` (protected members, the same in Nest 11 and 12). */
interface PipeView {
  readonly errorHttpStatusCode: number;
  readonly isDetailedOutputDisabled?: boolean;
  readonly expectedType?: unknown;
  toValidate(metadata: ArgumentMetadata): boolean;
}

const ROUTE_ARGS = '__routeArguments__'; // @nestjs/common ROUTE_ARGS_METADATA
const CUSTOM_ARGS = '__customRouteArgs__'; // @nestjs/common CUSTOM_ROUTE_ARGS_METADATA
const PIPES = '__pipes__'; // @nestjs/common PIPES_METADATA (@UsePipes)
// @nestjs/common RouteParamtypes: the kinds of value a validation pipe sees.
const KINDS: Readonly<Record<string, ArgumentMetadata['type']>> = { 3: 'body', 4: 'query', 5: 'param' };
const LOCATIONS: Readonly<Record<ArgumentMetadata['type'], ViolationLocation>> = {
  body: 'body',
  query: 'query',
  param: 'path',
  custom: 'body',
};

/** `@UsePipes(EnvelopeValidationPipe)` or `@Body(new EnvelopeValidationPipe(…))`: the module's failures there too. */
function localPipes(candidates: readonly unknown[], modulePipe: ValidationPipe | undefined): ValidationPipe[] {
  const pipes: ValidationPipe[] = [];
  for (const candidate of candidates) {
    if (candidate instanceof EnvelopeValidationPipe) pipes.push(candidate);
    else if (candidate === EnvelopeValidationPipe) pipes.push(modulePipe ?? new EnvelopeValidationPipe());
  }
  return pipes;
}

/** The properties class-validator checks on `dto`, in declaration order. */
function validatedProperties(dto: unknown): string[] {
  if (typeof dto !== 'function') return [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))];
}

/** What the schema says of `{}`, if it answers at once (a promise, or a schema that throws, gives no example). */
function emptyObjectViolation(
  schema: StandardSchema,
  location: ViolationLocation,
  prefix: readonly string[],
  objectName: string,
): Violation | undefined {
  try {
    const result = schema['~standard'].validate({});
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return undefined;
    }
    if (!result.issues) return undefined;
    return standardSchemaViolations(result.issues, { location, raw: {}, prefix, objectName })[0];
  } catch {
    return undefined;
  }
}

const PLAIN_TYPES = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date, BigInt, Symbol]);

function isPlainType(metatype: unknown): boolean {
  return typeof metatype !== 'function' || !metatype.name || PLAIN_TYPES.has(metatype);
}

function statusOf(pipe: PipeView, options: ResolvedResponseOptions): number {
  // Nest's default 400 means "not chosen": the filter sends `validation.status` then. A bare failure
  // (`disableErrorMessages`) is an HttpException of the pipe's own status, as Nest's factory makes it.
  if (pipe.isDetailedOutputDisabled) return pipe.errorHttpStatusCode;
  return pipe.errorHttpStatusCode === 400 ? options.validation.status : pipe.errorHttpStatusCode;
}

interface RouteArg {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: readonly unknown[];
  readonly schema?: unknown;
  readonly factory?: unknown;
}

/**
 * The parameters of one handler that the module's validation can refuse, read from the handler's metadata (the
 * route arguments, `design:paramtypes`, class-validator's storage) and the pipes that will run: a class-validator
 * DTO for the body, the query or the path, a body class even with no constraint (a body that is no JSON object is
 * refused), a Standard Schema (`@Body({ schema })`), and `@ValidHeaders(dto)`.
 *
 * @example
 * checkedParameters(OrdersController.prototype.create, OrdersController, pipes, options);
 * // [{ location: 'body', path: ['sku'], objectName: 'CreateOrderDto', status: 400, detailed: true, refusal: 'missing' }]
 */
export function checkedParameters(
  handler: object & { readonly name: string },
  controller: object,
  pipes: ValidatingPipes,
  options: ResolvedResponseOptions,
): CheckedParameter[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS, controller, handler.name) ?? {}) as Record<string, RouteArg>;
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    (controller as { prototype: object }).prototype,
    handler.name,
  ) ?? []) as unknown[];
  const scoped = [
    ...((Reflect.getMetadata(PIPES, controller) ?? []) as unknown[]),
    ...((Reflect.getMetadata(PIPES, handler) ?? []) as unknown[]),
  ];
  const found: CheckedParameter[] = [];
  // Nest records the last parameter first: in declaration order, so the examples are too.
  const entries = Object.entries(args).sort(([, a], [, b]) => a.index - b.index);
  for (const [key, arg] of entries) {
    const metatype = types[arg.index];
    const custom = key.includes(CUSTOM_ARGS);
    if (custom && arg.factory === readValidHeaders) {
      const [property] = validatedProperties(arg.data);
      const objectName = (arg.data as { name?: string } | undefined)?.name ?? 'header';
      const status = options.validation.status;
      if (property !== undefined)
        found.push({
          location: 'header',
          path: [property.toLowerCase()],
          objectName,
          status,
          detailed: true,
          refusal: 'missing',
        });
      continue;
    }
    const type = custom ? 'custom' : KINDS[key.split(':')[0]];
    if (type === undefined) continue;
    const data = typeof arg.data === 'string' && arg.data !== '' ? arg.data : undefined;
    const metadata = { type, metatype, data } as ArgumentMetadata;
    const location = LOCATIONS[type];
    const prefix = data === undefined ? [] : [data];
    if (isStandardSchema(arg.schema) && pipes.module) {
      const status = statusOf(pipes.module as unknown as PipeView, options);
      // The pipe names the failure after the declared class, if there is one (as it does for a DTO).
      const objectName = isPlainType(metatype) ? location : (metatype as { name: string }).name;
      const violation = emptyObjectViolation(arg.schema, location, prefix, objectName);
      const path = (violation?.path ?? prefix).map(String);
      found.push({ location, path, objectName, status, detailed: true, refusal: 'schema', violation });
      continue;
    }
    const running = [...pipes.classes, ...localPipes([...scoped, ...(arg.pipes ?? [])], pipes.module)];
    const pipe = running.find((candidate) => {
      const view = candidate as unknown as PipeView;
      return view.toValidate({ ...metadata, metatype: (view.expectedType as never) ?? metatype });
    }) as unknown as PipeView | undefined;
    if (!pipe) continue;
    const dto = pipe.expectedType ?? metatype;
    const [property] = validatedProperties(dto);
    // A body class with no constraint still refuses a body that is no object; a bare query class refuses nothing.
    if (property === undefined && type !== 'body') continue;
    found.push({
      location,
      path: property === undefined ? prefix : [...prefix, property],
      objectName: (dto as { name?: string }).name || location,
      status: statusOf(pipe, options),
      detailed: !pipe.isDetailedOutputDisabled,
      refusal: property === undefined ? 'not-an-object' : 'missing',
    });
  }
  return found.sort((a, b) => LOCATION_ORDER.indexOf(a.location) - LOCATION_ORDER.indexOf(b.location));
}

const LOCATION_ORDER: readonly ViolationLocation[] = ['body', 'query', 'path', 'header'];
