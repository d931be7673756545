import type { ExampleObject, HeaderObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import type { BusinessCode } from '../codes/code-definition.interface.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { reasonPhrase } from '../outcome/http-status.js';
import { PROBLEM_JSON } from '../render/problem-details.renderer.js';
import { SCHEMA_NAMES, schemaRef } from './envelope-schemas.js';
import type { FailureCase } from './failure-cases.js';
import { failureExample } from './failure-examples.js';

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html';

/**
 * What the failure responses of one operation are built for.
 *
 * @example
 * const where: FailureContext = { path: '/orders/{id}', method: 'GET', options, value: exampleValues(operation, schemas), headers: {} };
 */
export interface FailureContext {
  readonly path: string;
  readonly method: string;
  readonly options: ResolvedResponseOptions;
  /** Example values of placeholders (`{id}`, `{sku}`). */
  readonly value: (name: string) => unknown;
  /** Headers every failure response of the operation may carry (the response signature). */
  readonly headers: Record<string, HeaderObject>;
}

/** The wire name of the failure body's code, if it has one: a client narrows the failure by it. */
function codeName(options: ResolvedResponseOptions): string | undefined {
  if (options.format === 'problem+json') return 'code';
  return options.failureLayout.find(([field]) => field === 'code')?.[1];
}

function codeEnum(codes: readonly BusinessCode[]): SchemaObject {
  if (codes.every((code) => typeof code === 'string')) return { type: 'string', enum: [...codes] };
  if (codes.every((code) => Number.isInteger(code))) return { type: 'integer', enum: [...codes] };
  return { enum: [...codes] };
}

/** A shared failure schema with `code` narrowed to the codes this status can carry. */
function narrowed(name: string, codes: readonly BusinessCode[], options: ResolvedResponseOptions): SchemaObject {
  const key = codeName(options);
  const base = schemaRef(name);
  if (key === undefined) return { allOf: [base] };
  return { allOf: [base, { type: 'object', required: [key], properties: { [key]: codeEnum(codes) } }] };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * The schema of every body one status can carry: `FailureEnvelope` (or `ValidationFailure` for bodies with
 * violations) with `code` as an `enum` of the codes sent under it; both kinds under one status are an `anyOf`
 * (a malformed-JSON 400 has no violations, a validation 400 has them, and both may carry the same code).
 *
 * @example
 * statusSchema(cases, options); // { anyOf: [{ allOf: [ValidationFailure, { code: { enum: ['PARAM_ERROR'] } }] }, …] }
 */
export function statusSchema(cases: readonly FailureCase[], options: ResolvedResponseOptions): SchemaObject {
  const validation = unique(cases.filter((c) => c.validation).map((c) => c.code));
  const plain = unique(cases.filter((c) => !c.validation).map((c) => c.code));
  const branches: SchemaObject[] = [];
  if (validation.length > 0) branches.push(narrowed(SCHEMA_NAMES.validationFailure, validation, options));
  if (plain.length > 0) branches.push(narrowed(SCHEMA_NAMES.failure, plain, options));
  return branches.length === 1 ? branches[0] : { anyOf: branches };
}

function examplesOf(cases: readonly FailureCase[], where: FailureContext): Record<string, ExampleObject> {
  const examples: Record<string, ExampleObject> = {};
  for (const failure of cases) {
    let key = failure.key;
    for (let n = 2; key in examples; n++) key = `${failure.key}_${n}`;
    examples[key] = failureExample(failure, where.path, where.method, where.options, where.value);
  }
  return examples;
}

const HTML_PAGE: SchemaObject = {
  type: 'string',
  description:
    'the HTML error page (status, reason, message, code, request id), sent instead when the Accept header ' +
    'prefers text/html',
};

/**
 * The response of a group of failure cases: its description lists the codes, its JSON (or problem+json) content
 * has the schema with the code `enum` and one example per case, and, with `html: true`, the HTML page as a
 * second content type.
 *
 * @example
 * failureResponse([internalFailureCase(options)], 500, where).content['application/json'].examples.INTERNAL_ERROR;
 */
export function failureResponse(group: readonly FailureCase[], status: number, where: FailureContext): ResponseObject {
  const media = where.options.format === 'problem+json' ? PROBLEM_JSON : JSON_TYPE;
  const content: ResponseObject['content'] = {
    [media]: { schema: statusSchema(group, where.options), examples: examplesOf(group, where) },
  };
  if (where.options.html) content[HTML_TYPE] = { schema: HTML_PAGE };
  return {
    description: `${reasonPhrase(status)}: ${unique(group.map((c) => c.summary)).join('; ')}`,
    ...(Object.keys(where.headers).length > 0 ? { headers: where.headers } : {}),
    content,
  };
}

/**
 * One response per status the cases name (see `failureResponse`).
 *
 * @example
 * Object.keys(failureResponses([internalFailureCase(options)], where)); // ['500']
 */
export function failureResponses(
  cases: readonly FailureCase[],
  where: FailureContext,
): Record<string, ResponseObject | ReferenceObject> {
  const byStatus = new Map<number, FailureCase[]>();
  for (const failure of cases) byStatus.set(failure.status, [...(byStatus.get(failure.status) ?? []), failure]);
  const responses: Record<string, ResponseObject> = {};
  for (const [status, group] of byStatus) responses[String(status)] = failureResponse(group, status, where);
  return responses;
}
