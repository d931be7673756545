import { ResponseOptionsError } from './response-options.error.js';
import { fail, nonEmptyString, objectAt, onlyKeys } from './option-checks.js';
import { FIELDS } from './option-defaults.js';
import type { Field } from './response-options.interface.js';

/** `[field, wire name]` pairs in body order. */
export type Layout = [Field, string][];

/**
 * The wire name of every field: `fields` over the field's own name.
 *
 * @example
 * wireNames({ code: 'status_id' }).code; // 'status_id'
 */
export function wireNames(value: unknown): Record<Field, string> {
  const given = objectAt('fields', value);
  onlyKeys('fields', given, FIELDS);
  const names = Object.fromEntries(FIELDS.map((field) => [field, field])) as Record<Field, string>;
  for (const [field, name] of Object.entries(given)) {
    names[field as Field] = nonEmptyString(`fields.${field}`, name, field);
  }
  return names;
}

/**
 * A list of fields (`successFields`, `failureFields`): known fields, each once.
 *
 * @example
 * fieldList('successFields', undefined, ['code', 'message', 'data']); // ['code', 'message', 'data']
 */
export function fieldList(path: string, value: unknown, fallback: readonly Field[]): Field[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) fail(path, 'must be an array of fields', value);
  const seen = new Set<Field>();
  value.forEach((field: unknown, index) => {
    if (!FIELDS.includes(field as Field)) fail(`${path}[${index}]`, `must be one of ${FIELDS.join(', ')}`, field);
    if (seen.has(field as Field)) fail(`${path}[${index}]`, 'is listed twice', field);
    seen.add(field as Field);
  });
  return value as Field[];
}

/**
 * The body layout: each field with its wire name; two fields may not share a name, nor take a reserved one.
 *
 * @example
 * layout('successFields', ['code', 'data'], wireNames({}), []); // [['code', 'code'], ['data', 'data']]
 */
export function layout(
  path: string,
  fields: readonly Field[],
  names: Record<Field, string>,
  reservedNames: readonly string[],
): Layout {
  const pairs = fields.map((field): [Field, string] => [field, names[field]]);
  const used = new Map<string, Field>();
  for (const [field, name] of pairs) {
    const other = used.get(name);
    if (other)
      throw new ResponseOptionsError(`${path}: fields.${other} and fields.${field} share the wire name "${name}"`);
    if (reservedNames.includes(name)) {
      throw new ResponseOptionsError(`${path}: fields.${field} uses the reserved member name "${name}"`);
    }
    used.set(name, field);
  }
  return pairs;
}
