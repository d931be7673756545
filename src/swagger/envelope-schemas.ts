import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import type { Field } from '../options/response-options.interface.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { UNTYPED_DATA } from './untyped-data.js';

/** Names of the shared schemas under `components.schemas`. */
export const SCHEMA_NAMES = {
  success: 'SuccessEnvelope',
  failure: 'FailureEnvelope',
  violation: 'Violation',
  validationFailure: 'ValidationFailure',
} as const;

/**
 * A `$ref` to one of the shared schemas.
 *
 * @example
 * schemaRef('FailureEnvelope'); // { $ref: '#/components/schemas/FailureEnvelope' }
 */
export function schemaRef(name: string): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

const CODE: SchemaObject = {
  oneOf: [{ type: 'integer' }, { type: 'string' }],
  description: 'business code (a number, or a name such as PARAM_ERROR)',
};

const DEBUG_MEMBERS: Record<string, SchemaObject> = {
  exception: { type: 'string', description: 'debug only, 5xx only: the name of what was thrown' },
  stack: { type: 'string', description: 'debug only, 5xx only: its stack trace' },
};

function timestampSchema(options: ResolvedResponseOptions): SchemaObject {
  // The formatter is the truth: epoch-ms gives a number, ISO and patterns give text.
  const sample = options.timestamp(new Date(0));
  if (typeof sample === 'number') return { type: 'integer', description: 'milliseconds since the epoch' };
  return sample === new Date(0).toISOString()
    ? { type: 'string', format: 'date-time' }
    : { type: 'string', example: sample };
}

function fieldSchema(field: Field, kind: 'success' | 'failure', options: ResolvedResponseOptions): SchemaObject {
  switch (field) {
    case 'code':
      return CODE;
    case 'message':
      return { type: 'string' };
    case 'data':
      return kind === 'success'
        ? { description: 'the endpoint’s result' }
        : { type: 'object', nullable: true, enum: [null], description: 'null in a failure' };
    case 'status':
      return { type: 'integer', description: 'HTTP status' };
    case 'error':
      return { type: 'string', description: 'reason phrase of the HTTP status' };
    case 'path':
      return { type: 'string' };
    case 'timestamp':
      return timestampSchema(options);
    case 'requestId':
      return { type: 'string', description: 'the X-Request-Id echoed or generated' };
    case 'detail':
      return { description: 'what the failure is about (any JSON); the first violation of a validation failure' };
    case 'outcome':
      return { type: 'string', enum: [kind === 'success' ? options.outcome.success : options.outcome.failure] };
  }
}

/** The members a body always has: every configured field except the ones the renderer leaves out when empty. */
function envelopeSchema(
  layout: ResolvedResponseOptions['successLayout'],
  kind: 'success' | 'failure',
  options: ResolvedResponseOptions,
): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [field, name] of layout) {
    properties[name] = fieldSchema(field, kind, options);
    if (field !== 'detail') required.push(name); // a success always has `data` (null when the handler returns nothing)
  }
  return { type: 'object', properties, required };
}

function violationSchema(options: ResolvedResponseOptions): SchemaObject {
  if (options.format === 'problem+json') {
    return {
      type: 'object',
      description: 'RFC 9457 violation: a JSON Pointer fragment for the body, the parameter or header name elsewhere',
      properties: {
        detail: { type: 'string' },
        pointer: { type: 'string', example: '#/shipping/city' },
        parameter: { type: 'string' },
        header: { type: 'string' },
      },
      required: ['detail'],
    };
  }
  if (options.validation.style === 'spring') {
    return {
      type: 'object',
      description: 'Spring FieldError',
      properties: {
        codes: { type: 'array', items: { type: 'string' } },
        arguments: { type: 'array', nullable: true, items: {} },
        defaultMessage: { type: 'string' },
        objectName: { type: 'string' },
        field: { type: 'string' },
        rejectedValue: { description: 'the rejected value (any JSON, null when absent)' },
        bindingFailure: { type: 'boolean' },
        code: { type: 'string' },
      },
      required: ['codes', 'defaultMessage', 'objectName', 'code'],
    };
  }
  return {
    type: 'object',
    description: 'WeChat Pay style violation',
    properties: {
      field: { type: 'string', description: 'JSON Pointer in the body; parameter or header name elsewhere' },
      value: { description: 'the rejected value ("[REDACTED]" for secrets)' },
      issue: { type: 'string' },
      location: { type: 'string', enum: ['body', 'query', 'path', 'header'] },
    },
    required: ['field', 'issue', 'location'],
  };
}

function problemSchema(options: ResolvedResponseOptions): SchemaObject {
  return {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json)',
    properties: {
      type: { type: 'string', example: 'about:blank' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      code: CODE,
      timestamp: timestampSchema(options),
      requestId: { type: 'string' },
      context: { description: 'what the failure is about (any JSON)' },
    },
    required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'timestamp', 'requestId'],
  };
}

/** The members a validation failure adds to the failure body, per style. */
function validationMembers(options: ResolvedResponseOptions): SchemaObject {
  const list = { type: 'array', items: schemaRef(SCHEMA_NAMES.violation) } as const;
  const omitted = { type: 'integer', description: 'violations left out by validation.maxViolations' } as const;
  const problem = options.format === 'problem+json';
  const key = problem || options.validation.style === 'spring' ? 'errors' : 'details';
  return { type: 'object', properties: { [key]: list, omittedViolations: omitted }, required: [key] };
}

/**
 * The shared schemas, built from the resolved options (wire names, field lists, style, format), to register
 * once under `components.schemas`: the success and failure envelopes, a violation, and a validation failure.
 *
 * @example
 * const schemas = envelopeSchemas(app.get(RESPONSE_OPTIONS));
 * schemas.SuccessEnvelope.properties; // { code, message, data }
 */
export function envelopeSchemas(options: ResolvedResponseOptions): Record<string, SchemaObject> {
  const failure =
    options.format === 'problem+json'
      ? problemSchema(options)
      : envelopeSchema(options.failureLayout, 'failure', options);
  // `debug: true` adds the exception's name and stack to 5xx bodies.
  if (options.debug) failure.properties = { ...failure.properties, ...DEBUG_MEMBERS };
  return {
    [SCHEMA_NAMES.success]: envelopeSchema(options.successLayout, 'success', options),
    [SCHEMA_NAMES.failure]: failure,
    [SCHEMA_NAMES.violation]: violationSchema(options),
    [SCHEMA_NAMES.validationFailure]: { allOf: [schemaRef(SCHEMA_NAMES.failure), validationMembers(options)] },
  };
}

/**
 * One endpoint's success body: the shared envelope with `data` as its DTO (or array, or primitive) and the
 * example code and message of its `@ApiCode`.
 *
 * @example
 * successSchema({ $ref: '#/components/schemas/OrderDto' }, { code: 10001, message: 'order' }, options);
 * // { allOf: [{ $ref: '…/SuccessEnvelope' }, { properties: { code: { example: 10001 }, …, data: { $ref: '…/OrderDto' } } }] }
 */
export function successSchema(
  data: SchemaObject | ReferenceObject | undefined,
  example: { code: unknown; message: string },
  options: ResolvedResponseOptions,
): SchemaObject {
  const properties: Record<string, SchemaObject | ReferenceObject> = {};
  for (const [field, name] of options.successLayout) {
    if (field === 'code') properties[name] = { example: example.code };
    else if (field === 'message') properties[name] = { type: 'string', example: example.message };
    else if (field === 'data') properties[name] = data ?? UNTYPED_DATA;
  }
  // Required here too: a generator intersects the two parts, and an optional `data` here makes it optional there.
  const required = Object.keys(properties);
  return { allOf: [schemaRef(SCHEMA_NAMES.success), { type: 'object', required, properties }] };
}
