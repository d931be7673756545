import type { OperationObject, ResponseObject } from '@nestjs/swagger';
import type { CodeDefinition } from '../codes/code-definition.interface.js';
import type { EndpointCodes } from '../codes/endpoint-codes.js';
import { localise } from '../codes/locale.js';
import { BusinessException } from '../codes/business.exception.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { reasonPhrase } from '../outcome/http-status.js';
import { PROBLEM_JSON } from '../render/problem-details.renderer.js';
import { SCHEMA_NAMES, schemaRef, successSchema } from './envelope-schemas.js';
import { businessFailureExamples } from './failure-examples.js';

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
}

const JSON_TYPE = 'application/json';
const NO_BODY = new Set(['204', '205', '304']);

function isSuccessKey(key: string): boolean {
  return /^2\d\d$/.test(key) && !NO_BODY.has(key);
}

/** A response with no content, or JSON content, gets the envelope; a CSV or a stream keeps its own. */
function wrapResponse(
  response: ResponseObject,
  codes: EndpointCodes,
  status: number,
  options: ResolvedResponseOptions,
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
    content: { [JSON_TYPE]: { schema: successSchema(data, example, options) } },
  };
}

function successMessage(options: ResolvedResponseOptions): string {
  return localise(options.success.message, options.locale.default);
}

function failureMedia(options: ResolvedResponseOptions): string {
  return options.format === 'problem+json' ? PROBLEM_JSON : JSON_TYPE;
}

function describeCodes(definitions: readonly CodeDefinition[], options: ResolvedResponseOptions): string {
  return definitions
    .map((definition) => `\`${String(definition.code)}\` ${localise(definition.message, options.locale.default)}`)
    .join('; ');
}

/**
 * One operation with the envelope applied: its success responses wrap their schema in the envelope (with the
 * `@ApiCode` example), each `@ApiThrows` code appears under its HTTP status with an example body in the
 * configured style, and an operation with a JSON request body documents the validation failure. Pure: returns
 * a new operation.
 *
 * @example
 * envelopeOperation(document.paths['/orders'].post, endpoint, '/orders', 'post', options);
 */
export function envelopeOperation(
  operation: OperationObject,
  endpoint: EndpointDoc,
  path: string,
  method: string,
  options: ResolvedResponseOptions,
): OperationObject {
  const responses: Record<string, ResponseObject> = {};
  const successStatus = endpoint.codes.successStatus;
  for (const [key, response] of Object.entries(operation.responses as Record<string, ResponseObject>)) {
    if (!endpoint.wraps || !isSuccessKey(key)) {
      responses[key] = response;
      continue;
    }
    // @ApiCode's status moves the default 200/201 (Nest answers with it, as @HttpCode would).
    const status = successStatus !== undefined && (key === '200' || key === '201') ? successStatus : Number(key);
    responses[String(status)] = wrapResponse(response, endpoint.codes, status, options);
  }
  const verb = method.toUpperCase();
  const byStatus = new Map<number, CodeDefinition[]>();
  for (const definition of endpoint.codes.throws) {
    const status = new BusinessException(definition).getStatus(); // the status the filter will send
    byStatus.set(status, [...(byStatus.get(status) ?? []), definition]);
  }
  for (const [status, definitions] of byStatus) {
    responses[String(status)] = {
      description: `${reasonPhrase(status)}: ${describeCodes(definitions, options)}`,
      content: {
        [failureMedia(options)]: {
          schema: schemaRef(SCHEMA_NAMES.failure),
          examples: businessFailureExamples(definitions, path, verb, options),
        },
      },
    };
  }
  return { ...operation, responses: sortedByStatus(responses) };
}

function sortedByStatus(responses: Record<string, ResponseObject>): Record<string, ResponseObject> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
