import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';

type Schemas = Record<string, SchemaObject | ReferenceObject>;

const JSON_TYPE = 'application/json';
const PLACEHOLDER = /\{([A-Za-z_][\w.-]*)\}/g;

/** The component a schema refers to, directly or as the items of an array. */
function component(schema: SchemaObject | ReferenceObject | undefined, schemas: Schemas): SchemaObject | undefined {
  if (schema === undefined) return undefined;
  if ('$ref' in schema) return schemas[schema.$ref.split('/').pop() ?? ''] as SchemaObject | undefined;
  return schema.type === 'array' ? component(schema.items, schemas) : undefined;
}

function jsonSchemaOf(holder: { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } | undefined) {
  return holder?.content?.[JSON_TYPE]?.schema;
}

/**
 * Where example values for an operation's placeholders are looked up, in order: its parameters (path, query),
 * its request body's DTO, and its success response's DTO (as Swagger gave them, before the envelope).
 *
 * @example
 * const values = exampleValues(document.paths['/orders/{id}'].get, document.components.schemas);
 * values('id'); // 1234567890123, the OrderDto's example; 7 when no DTO has one
 */
export function exampleValues(operation: OperationObject, schemas: Schemas): (name: string) => unknown {
  const sources: Record<string, SchemaObject | ReferenceObject | undefined>[] = [];
  const parameters: Record<string, SchemaObject | ReferenceObject | undefined> = {};
  for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
    const example: unknown = parameter.example;
    if (example !== undefined) parameters[parameter.name] = { example };
    else parameters[parameter.name] = parameter.schema;
  }
  sources.push(parameters);
  const body = component(jsonSchemaOf(operation.requestBody as ResponseObject | undefined), schemas);
  sources.push(body?.properties ?? {});
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue;
    sources.push(component(jsonSchemaOf(response as ResponseObject), schemas)?.properties ?? {});
  }
  return (name) => {
    for (const source of sources) {
      const schema = source[name];
      const example: unknown = schema === undefined || '$ref' in schema ? undefined : schema.example;
      if (example !== undefined) return example;
    }
    return genericExample(name);
  };
}

/**
 * A plausible value for a placeholder nothing documents: `7` for an id, `'A1'` otherwise.
 *
 * @example
 * genericExample('orderId'); // 7
 */
export function genericExample(name: string): unknown {
  return /^id$|Id$|_id$|ID$/.test(name) ? 7 : 'A1';
}

/**
 * Fills the `{name}` placeholders of a path template (`/orders/{id}` → `/orders/7`), for the example's `path`.
 *
 * @example
 * fillPath('/orders/{id}', () => 7); // '/orders/7'
 */
export function fillPath(path: string, value: (name: string) => unknown): string {
  return path.replace(PLACEHOLDER, (_whole, name: string) => encodeURIComponent(String(value(name))));
}

/**
 * Example params for every placeholder of a message, in every locale it has.
 *
 * @example
 * exampleParams({ en: 'order {id} not found' }, () => 7); // { id: 7 }
 */
export function exampleParams(
  message: string | Readonly<Record<string, string>>,
  value: (name: string) => unknown,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
    for (const [, name] of text.matchAll(PLACEHOLDER)) params[name] = value(name);
  }
  return params;
}
