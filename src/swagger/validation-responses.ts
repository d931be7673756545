import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { ExampleObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { reasonPhrase } from '../outcome/http-status.js';
import { PROBLEM_JSON } from '../render/problem-details.renderer.js';
import { notAnObject } from '../validation/validation-errors.factory.js';
import { ValidationFailedException } from '../validation/validation-failed.exception.js';
import type { Violation } from '../validation/violation.interface.js';
import { SCHEMA_NAMES, schemaRef } from './envelope-schemas.js';
import { factsFor, renderedBody } from './failure-examples.js';
import type { CheckedParameter } from './parameter-validation.js';

type Schema = SchemaObject | ReferenceObject;

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

/** `base`, or `base_2`, `base_3`… when an example of that name is there already. */
function freeKey(base: string, taken: Record<string, unknown>): string {
  let key = base;
  for (let n = 2; key in taken; n++) key = `${base}_${n}`;
  return key;
}

function exampleKey(location: string, taken: Record<string, unknown>): string {
  return freeKey(location === 'body' ? 'VALIDATION_FAILED' : `VALIDATION_FAILED_${location.toUpperCase()}`, taken);
}

function exampleOf(parameter: CheckedParameter, path: string, method: string, options: ResolvedResponseOptions) {
  const status = parameter.status === options.validation.status ? undefined : parameter.status;
  const exception = parameter.detailed
    ? new ValidationFailedException([exampleViolation(parameter)], { status })
    : new HttpException(STATUS_CODES[parameter.status] ?? 'Bad Request', parameter.status);
  const where = parameter.location === 'path' ? 'path parameter' : parameter.location;
  const summary = parameter.detailed
    ? `${parameter.objectName}: a ${where} that fails validation`
    : `${parameter.objectName}: a ${where} that fails validation (disableErrorMessages: no violations)`;
  return { summary, value: renderedBody(exception, factsFor(path, method, options), options) };
}

function sameSchema(a: Schema, b: Schema): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Both schemas' bodies valid under one status: `anyOf`, as a validation failure is also a failure. */
function eitherSchema(existing: Schema | undefined, added: Schema): Schema {
  if (existing === undefined || sameSchema(existing, added)) return added;
  const members = 'anyOf' in existing && existing.anyOf ? existing.anyOf : [existing];
  return members.some((member) => sameSchema(member, added)) ? existing : { anyOf: [...members, added] };
}

/** Adds the validation failure to what the operation already documents under that status, losing nothing. */
function merged(
  existing: ResponseObject | undefined,
  media: string,
  schema: Schema,
  examples: Record<string, ExampleObject>,
  description: string,
): ResponseObject {
  if (!existing) return { description, content: { [media]: { schema, examples } } };
  const content = existing.content ?? {};
  const current = content[media] ?? {};
  const together: Record<string, ExampleObject> = { ...(current.examples as Record<string, ExampleObject>) };
  for (const [key, example] of Object.entries(examples)) together[freeKey(key, together)] = example;
  return {
    ...existing,
    description: existing.description ? `${existing.description}; ${description}` : description,
    content: { ...content, [media]: { ...current, schema: eitherSchema(current.schema, schema), examples: together } },
  };
}

/**
 * The operation with the validation failure of each checked parameter documented under the status it fails with:
 * the `ValidationFailure` schema (or the plain failure for a pipe with `disableErrorMessages`) and one example per
 * parameter, its field and location as the real failure renders them. Responses already there (an `@ApiThrows`
 * under the same status) keep their schema and examples. Pure: returns a new operation.
 *
 * @example
 * withValidationFailures(operation, [{ location: 'query', path: ['page'], … }], '/orders', 'get', options);
 * // responses['400'].content['application/json'].examples.VALIDATION_FAILED_QUERY.value.details[0].field === 'page'
 */
export function withValidationFailures(
  operation: OperationObject,
  checked: readonly CheckedParameter[],
  path: string,
  method: string,
  options: ResolvedResponseOptions,
): OperationObject {
  if (checked.length === 0) return operation;
  const media = options.format === 'problem+json' ? PROBLEM_JSON : 'application/json';
  const responses = { ...(operation.responses as Record<string, ResponseObject>) };
  const statuses = [...new Set(checked.map((parameter) => parameter.status))];
  for (const status of statuses) {
    const here = checked.filter((parameter) => parameter.status === status);
    const examples: Record<string, ExampleObject> = {};
    for (const parameter of here)
      examples[exampleKey(parameter.location, examples)] = exampleOf(parameter, path, method.toUpperCase(), options);
    let schema: Schema | undefined;
    if (here.some((parameter) => parameter.detailed)) schema = schemaRef(SCHEMA_NAMES.validationFailure);
    if (here.some((parameter) => !parameter.detailed)) schema = eitherSchema(schema, schemaRef(SCHEMA_NAMES.failure));
    const where = [...new Set(here.map((parameter) => parameter.location))].join(', ');
    const description = `${reasonPhrase(status)}: the request failed validation (${where})`;
    responses[String(status)] = merged(responses[String(status)], media, schema!, examples, description);
  }
  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return { ...operation, responses: sorted };
}
