import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { bothInt64Forms, holdsInt64, isInt64, referencedSchemas, rewriteInt64 } from './int64-schema.js';

type Schema = SchemaObject | ReferenceObject;

const FLAG = 'Any of 1, true, yes, on (any case)';

/** The response schemas of an operation, each with a function that puts a replacement in its place. */
function responseSchemas(operation: OperationObject): [Schema, (next: Schema) => void][] {
  const found: [Schema, (next: Schema) => void][] = [];
  for (const response of Object.values(operation.responses as Record<string, ResponseObject>)) {
    for (const media of Object.values(response.content ?? {})) {
      const schema = media.schema;
      if (schema) found.push([schema, (next) => (media.schema = next)]);
    }
  }
  return found;
}

/** The int64 switches, as parameters: every configured header and query name (they are aliases). */
function switchParameters(options: ResolvedResponseOptions): ParameterObject[] {
  const headers = options.int64.headers.map<ParameterObject>((name) => ({
    name,
    in: 'header',
    required: false,
    description: `${FLAG}: int64 values in the response come as strings of digits instead of JSON integers.`,
    schema: { type: 'string', example: '1' },
  }));
  const queries = options.int64.queries.map<ParameterObject>((name) => ({
    name,
    in: 'query',
    required: false,
    description: `${FLAG}: int64 values in the response come as strings of digits (as the header does).`,
    schema: { type: 'string', example: '1' },
  }));
  return [...headers, ...queries];
}

function sameParameter(a: ParameterObject | ReferenceObject, b: ParameterObject): boolean {
  if ('$ref' in a) return false;
  return a.in === b.in && (a.in === 'header' ? a.name.toLowerCase() === b.name.toLowerCase() : a.name === b.name);
}

/**
 * Documents int64 as the module really writes it, in `document` (a copy the caller owns, changed in place): every
 * int64 that the responses of `operations` can hold becomes `integer` (int64) or a `string` of digits, in the
 * response schemas and in the components they reach (a component a request body shares is changed too), and
 * each such operation lists the header and the query parameter that ask for the strings (`int64` option).
 *
 * @example
 * documentInt64(document, [document.paths['/orders'].get], options);
 * // OrderDto.properties.id: { oneOf: [{ type: 'integer', format: 'int64' }, { type: 'string', pattern: '^-?[0-9]+$' }] }
 */
export function documentInt64(
  document: OpenAPIObject,
  operations: readonly OperationObject[],
  options: ResolvedResponseOptions,
): void {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const holding = operations.filter((operation) =>
    responseSchemas(operation).some(([schema]) => holdsInt64(schema, components)),
  );
  const reached = new Set<string>();
  for (const operation of holding) {
    for (const [schema, replace] of responseSchemas(operation)) {
      for (const name of referencedSchemas(schema, components)) reached.add(name);
      if (isInt64(schema)) replace(bothInt64Forms(schema));
      else rewriteInt64(schema);
    }
    const parameters = [...(operation.parameters ?? [])];
    for (const parameter of switchParameters(options)) {
      if (!parameters.some((declared) => sameParameter(declared, parameter))) parameters.push(parameter);
    }
    operation.parameters = parameters;
  }
  for (const name of reached) {
    const schema = components[name];
    if (isInt64(schema)) components[name] = bothInt64Forms(schema);
    else rewriteInt64(schema);
  }
}
