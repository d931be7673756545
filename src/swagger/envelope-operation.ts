import type {
  HeaderObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementObject,
} from '@nestjs/swagger';
import type { EndpointCodes } from '../codes/endpoint-codes.js';
import { localise } from '../codes/locale.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { successSchema } from './envelope-schemas.js';
import { exampleValues } from './example-values.js';
import {
  bodyReadFailureCases,
  businessFailureCase,
  documentedFailureCase,
  type FailureCase,
  internalFailureCase,
} from './failure-cases.js';
import { withFailuresUnder200 } from './always-200.js';
import { failureResponses } from './failure-responses.js';
import type { CheckedParameter } from './parameter-validation.js';
import { responseSignatureHeader, signedSecurity, signingFailureCases } from './signing-doc.js';
import { validationFailureCases } from './validation-responses.js';

/**
 * What the document post-processor knows of one operation's handler.
 *
 * @example
 * const endpoint: EndpointDoc = { wraps: true, codes: readEndpointCodes(handler, controller) };
 */
export interface EndpointDoc {
  /** False for handlers whose results are not wrapped (`@RawResponse`, `@Sse`, files, `@Res()`). */
  readonly wraps: boolean;
  readonly codes: EndpointCodes;
  /** True when the signature guard checks its requests (the guard's own policy decides, from `@Signed()`). */
  readonly signed?: boolean;
  /** The parameters a validation pipe checks: each documents its validation failure. */
  readonly validated?: readonly CheckedParameter[];
}

const JSON_TYPE = 'application/json';
const NO_BODY = new Set(['204', '205', '304']);

/** A 2xx the module wraps; under always-200 a 204 too (it leaves as 200 with the envelope). */
function isSuccessKey(key: string, options: ResolvedResponseOptions): boolean {
  const always200 = options.httpStatus === 'always-200' && key === '204';
  return /^2\d\d$/.test(key) && (always200 || !NO_BODY.has(key));
}

/** A response with no content, or JSON content, gets the envelope; a CSV or a stream keeps its own. */
function wrapResponse(
  response: ResponseObject,
  codes: EndpointCodes,
  status: number,
  options: ResolvedResponseOptions,
  headers: Record<string, HeaderObject>,
): ResponseObject {
  const content = response.content ?? {};
  const media = Object.keys(content);
  if (media.some((type) => type !== JSON_TYPE)) return response;
  const success = codes.success;
  const example = success
    ? { code: success.code, message: localise(success.message, options.locale.default) }
    : {
        code: options.success.code === 'http-status' ? status : options.success.code,
        message: successMessage(options),
      };
  const data = content[JSON_TYPE]?.schema;
  return {
    ...response,
    description: response.description || `${String(example.code)} ${example.message}: the envelope around the data`,
    ...(Object.keys(headers).length > 0 ? { headers: { ...response.headers, ...headers } } : {}),
    content: { [JSON_TYPE]: { schema: successSchema(data, example, options) } },
  };
}

function successMessage(options: ResolvedResponseOptions): string {
  return localise(options.success.message, options.locale.default);
}

/** The name of the request body's DTO (the examples' object name), if the operation has a body. */
function requestBodyOf(operation: OperationObject): { objectName: string } | undefined {
  const content = (operation.requestBody as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> })
    ?.content;
  if (content === undefined || Object.keys(content).length === 0) return undefined;
  const schema = content[JSON_TYPE]?.schema;
  if (!schema || !('$ref' in schema)) return { objectName: 'body' };
  return { objectName: schema.$ref.split('/').pop() ?? 'body' };
}

/** Every failure the operation can answer with, in the order its examples are listed. */
function failureCases(
  operation: OperationObject,
  endpoint: EndpointDoc,
  body: ReturnType<typeof requestBodyOf>,
  options: ResolvedResponseOptions,
): FailureCase[] {
  const cases: FailureCase[] = [];
  cases.push(...validationFailureCases(endpoint.validated ?? [], options));
  if (body !== undefined) cases.push(...bodyReadFailureCases(body.objectName, options));
  if (endpoint.signed) cases.push(...signingFailureCases(options, body !== undefined));
  for (const definition of endpoint.codes.throws) cases.push(businessFailureCase(definition, options));
  cases.push(internalFailureCase(options));
  // Failure statuses the operation documents itself and the module has no case for: still the envelope.
  const known = new Set(cases.map((found) => String(found.status)));
  for (const [key, response] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(key) || known.has(key)) continue;
    const description = (response as Partial<ResponseObject>).description ?? '';
    cases.push(documentedFailureCase(Number(key), description, options));
  }
  return cases;
}

/**
 * One operation with the envelope applied: its success responses wrap their schema in the envelope (with the
 * `@ApiCode` example), and every failure it can answer with is documented under its status, with the codes sent
 * under it as an `enum` and one example per case rendered in the configured style: each `@ApiThrows` code, the
 * generic 500, for an operation with a body its validation failure and the failures of reading the body
 * (400, 413, 415), and for a signed operation the signing failures, its security requirement and the response
 * signature header. Pure: returns a new operation.
 *
 * @example
 * envelopeOperation(document.paths['/orders'].post, endpoint, '/orders', 'post', options, document.components.schemas);
 */
export function envelopeOperation(
  operation: OperationObject,
  endpoint: EndpointDoc,
  path: string,
  method: string,
  options: ResolvedResponseOptions,
  schemas: Record<string, SchemaObject | ReferenceObject>,
  inheritedSecurity?: SecurityRequirementObject[],
): OperationObject {
  const signed = endpoint.signed === true && options.signing !== undefined;
  const responses: Record<string, ResponseObject | ReferenceObject> = {};
  const successStatus = endpoint.codes.successStatus;
  const signature = signed && endpoint.wraps ? responseSignatureHeader(options.signing, true) : {};
  for (const [key, response] of Object.entries(operation.responses as Record<string, ResponseObject>)) {
    if (/^[45]\d\d$/.test(key)) continue; // every failure status is rebuilt from the failure cases
    if (!endpoint.wraps || !isSuccessKey(key, options)) {
      responses[key] = response;
      continue;
    }
    // @ApiCode's status moves the default 200/201 (Nest answers with it, as @HttpCode would).
    const status = successStatus !== undefined && (key === '200' || key === '201') ? successStatus : Number(key);
    // always-200: the status lives in the body (the example's code), the wire says 200.
    const wire = options.httpStatus === 'always-200' ? 200 : status;
    responses[String(wire)] = wrapResponse(response, endpoint.codes, status, options, signature);
  }
  const cases = failureCases(operation, endpoint, requestBodyOf(operation), options);
  const where = {
    path,
    method: method.toUpperCase(),
    options,
    value: exampleValues(operation, schemas),
    headers: signed ? responseSignatureHeader(options.signing, false) : {},
  };
  const all =
    options.httpStatus === 'always-200'
      ? withFailuresUnder200(responses, cases, where)
      : { ...responses, ...failureResponses(cases, where) };
  const result: OperationObject = { ...operation, responses: sortedByStatus(all) };
  if (signed) result.security = signedSecurity(operation.security, inheritedSecurity);
  return result;
}

function sortedByStatus<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
