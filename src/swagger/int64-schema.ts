import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

type Schema = SchemaObject | ReferenceObject;

/** The string form of an int64: the decimal digits `bigint.toString()` writes. */
export const INT64_STRING: SchemaObject = {
  type: 'string',
  pattern: '^-?[0-9]+$',
  description: 'the int64 as decimal digits (asked for by the int64 header or query parameter)',
};

// Keywords that constrain the number: they stay with the integer form.
const NUMERIC_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'enum'] as const;

/**
 * True for a schema that says int64: `integer` with `format: int64`, as `@ApiProperty({ format: 'int64' })` and a
 * `bigint` property give.
 *
 * @example
 * isInt64({ type: 'integer', format: 'int64' }); // true
 */
export function isInt64(schema: Schema | undefined): schema is SchemaObject {
  return schema !== undefined && !('$ref' in schema) && schema.type === 'integer' && schema.format === 'int64';
}

/**
 * An int64 schema in both forms the module writes: the exact JSON integer, or (on request) its digits as a string.
 * Its description, example and `nullable` stay outside; numeric bounds stay with the integer.
 *
 * @example
 * bothInt64Forms({ type: 'integer', format: 'int64', example: 7 });
 * // { example: 7, oneOf: [{ type: 'integer', format: 'int64' }, { type: 'string', pattern: '^-?[0-9]+$', … }] }
 */
export function bothInt64Forms(schema: SchemaObject): SchemaObject {
  const outside: SchemaObject = { ...schema };
  delete outside.type;
  delete outside.format;
  const integer: SchemaObject = { type: 'integer', format: 'int64' };
  for (const keyword of NUMERIC_KEYWORDS) {
    if (outside[keyword] === undefined) continue;
    (integer as Record<string, unknown>)[keyword] = outside[keyword];
    delete outside[keyword];
  }
  return { ...outside, oneOf: [integer, INT64_STRING] };
}

/** An int64 already in both forms (a schema object the document shares between two places is seen twice). */
function inBothForms(schema: Schema): boolean {
  const members = '$ref' in schema ? undefined : schema.oneOf;
  return members?.some((member) => !('$ref' in member) && member.pattern === INT64_STRING.pattern) ?? false;
}

/** Every sub-schema of `schema`, one level down, with a function that puts a replacement in its place. */
function children(schema: SchemaObject): [Schema, (next: Schema) => void][] {
  const found: [Schema, (next: Schema) => void][] = [];
  const record = schema as Record<string, unknown>;
  for (const key of ['items', 'not', 'additionalProperties'] as const) {
    const child = record[key];
    if (typeof child === 'object' && child !== null) found.push([child, (next) => (record[key] = next)]);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = record[key];
    if (Array.isArray(list))
      list.forEach((child: Schema, index) => found.push([child, (next) => (list[index] = next)]));
  }
  const properties = schema.properties;
  for (const [name, child] of Object.entries(properties ?? {}))
    found.push([child, (next) => (properties![name] = next)]);
  return found;
}

/**
 * `schema` with every int64 in it (not behind a `$ref`) in both forms; modifies it in place and says whether it
 * held one. An int64 already in both forms is left as it is, so the rewrite may run twice.
 *
 * @example
 * const schema = { type: 'object', properties: { id: { type: 'integer', format: 'int64' } } };
 * rewriteInt64(schema); // true; schema.properties.id.oneOf[1].type === 'string'
 */
export function rewriteInt64(schema: Schema): boolean {
  if ('$ref' in schema) return false;
  let found = false;
  for (const [child, replace] of children(schema)) {
    if (inBothForms(child)) found = true;
    else if (isInt64(child)) {
      replace(bothInt64Forms(child));
      found = true;
    } else if (rewriteInt64(child)) found = true;
  }
  return found;
}

/**
 * The names of the `components.schemas` entries `schema` reaches through `$ref`s, transitively.
 *
 * @example
 * referencedSchemas({ items: { $ref: '#/components/schemas/OrderDto' } }, components); // Set { 'OrderDto', … }
 */
export function referencedSchemas(schema: Schema, components: Record<string, Schema>, seen = new Set<string>()) {
  if ('$ref' in schema) {
    const name = schema.$ref.startsWith('#/components/schemas/') ? schema.$ref.slice(21) : undefined;
    if (name === undefined || seen.has(name) || components[name] === undefined) return seen;
    seen.add(name);
    return referencedSchemas(components[name], components, seen);
  }
  for (const [child] of children(schema)) referencedSchemas(child, components, seen);
  return seen;
}

/**
 * True when `schema`, or a schema it reaches through `$ref`s, holds an int64 (before the rewrite).
 *
 * @example
 * holdsInt64({ $ref: '#/components/schemas/OrderDto' }, components); // true when OrderDto has an int64 id
 */
export function holdsInt64(schema: Schema, components: Record<string, Schema>): boolean {
  const probe = structuredClone(schema);
  if (isInt64(probe) || rewriteInt64(probe)) return true;
  for (const name of referencedSchemas(schema, components)) {
    const target = structuredClone(components[name]);
    if (isInt64(target) || rewriteInt64(target)) return true;
  }
  return false;
}
