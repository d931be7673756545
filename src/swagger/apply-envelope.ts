import type { INestApplicationContext, Type } from '@nestjs/common';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { readEndpointCodes } from '../codes/endpoint-codes.js';
import { wrapsResults } from '../http/wrap-decision.js';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { SignedRoutePolicy } from '../signing/signed-route.policy.js';
import { envelopeSchemas } from './envelope-schemas.js';
import { type EndpointDoc, envelopeOperation } from './envelope-operation.js';
import { discoverHandlers, type OperationIdFactory } from './handler-discovery.js';
import { documentInt64 } from './int64-document.js';
import { checkedParameters } from './parameter-validation.js';
import { signingSecuritySchemes } from './signing-doc.js';
import { validatingPipes } from './validating-pipes.js';

/**
 * Options of `applyEnvelopeToDocument`.
 *
 * @example
 * const options: ApplyEnvelopeOptions = { operationIdFactory: (controller, method) => `${controller}.${method}` };
 */
export interface ApplyEnvelopeOptions {
  /** The same `operationIdFactory` given to `SwaggerModule.createDocument`, if any: operations are matched by id. */
  operationIdFactory?: OperationIdFactory;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Turns the document `SwaggerModule.createDocument` made into the one clients really get: every JSON success
 * response wrapped in the envelope (its DTO as `data`, the `@ApiCode` as example), every `@ApiThrows` code under
 * its status with an example body, the failures the module itself sends (the generic 500; for endpoints with a
 * body their validation failure, malformed JSON, 413 and 415; for `@Signed()` endpoints the signing failures, a
 * security requirement and the response signature header), every failure's `code` as an `enum` per status, and
 * the shared schemas registered once in `components.schemas` (the signing schemes in `securitySchemes`). Field names and style come from the app's resolved options
 * (`RESPONSE_OPTIONS`). Returns a new document; operations it cannot match to a handler are left as they are.
 *
 * @example
 * const document = applyEnvelopeToDocument(SwaggerModule.createDocument(app, config), app);
 * SwaggerModule.setup('docs', app, document);
 */
export function applyEnvelopeToDocument(
  document: OpenAPIObject,
  app: INestApplicationContext,
  options: ApplyEnvelopeOptions = {},
): OpenAPIObject {
  const resolved = app.get<ResolvedResponseOptions>(RESPONSE_OPTIONS, { strict: false });
  const handlers = discoverHandlers(app, options.operationIdFactory);
  const pipes = validatingPipes(app, resolved);
  const wrapped: OperationObject[] = [];
  const result = structuredClone(document);
  const schemas = (result.components ??= {}).schemas ?? {};
  result.components.schemas = { ...schemas, ...envelopeSchemas(resolved) };
  // The guard's own policy decides which operations are signed: @Signed() / @Unsigned(), then signing.global.
  const policy = resolved.signing === undefined ? undefined : new SignedRoutePolicy(resolved.signing.global);
  let anySigned = false;
  for (const [path, item] of Object.entries(result.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const found = operation?.operationId === undefined ? undefined : handlers.get(operation.operationId);
      if (!operation || !found) continue;
      const endpoint: EndpointDoc = {
        wraps:
          wrapsResults(found.handler, found.controller as Type<unknown>) &&
          !returnsFile(found.handler, found.controller),
        codes: readEndpointCodes(found.handler, found.controller),
        signed: policy?.requiresSignature(found.handler, found.controller as Type<unknown>) ?? false,
        validated: checkedParameters(found.handler, found.controller, pipes, resolved),
      };
      anySigned ||= endpoint.signed === true;
      const schemaMap = result.components.schemas;
      item[method] = envelopeOperation(operation, endpoint, path, method, resolved, schemaMap, result.security);
      if (endpoint.wraps) wrapped.push(item[method]);
    }
  }
  documentInt64(result, wrapped, resolved);
  if (anySigned && resolved.signing !== undefined) {
    result.components.securitySchemes = {
      ...result.components.securitySchemes,
      ...signingSecuritySchemes(resolved.signing),
    };
  }
  return result;
}

/** A handler declared to return a `StreamableFile` answers with the file, not an envelope. */
function returnsFile(handler: object, controller: object): boolean {
  const returned = Reflect.getMetadata(
    'design:returntype',
    (controller as { prototype: object }).prototype,
    (handler as { name: string }).name,
  ) as { name?: string } | undefined;
  return returned?.name === 'StreamableFile';
}
