import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import type { Response } from 'supertest';
import { expect } from 'vitest';

/** A dereferenced OpenAPI document, read as plain JSON. */
export type Document = ReturnType<typeof JSON.parse>;

/** The served document with every `$ref` resolved by swagger-parser (not by the code under test). */
export async function dereferenced(served: unknown): Promise<Document> {
  return SwaggerParser.dereference(JSON.parse(JSON.stringify(served)) as never);
}

/** Ajv for OpenAPI schemas: the formats the document uses are checked, not ignored. */
function openApiAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  return ajv;
}

/**
 * An independent check of a real answer against the document: the operation lists the status, the content type
 * is one of that response's, the body validates (Ajv) against the schema given for it, and every header the
 * response marks required is there. Returns the schema errors (none expected), so a failure names them.
 */
export function documentChecker(document: Document) {
  const ajv = openApiAjv();
  return (method: string, template: string, response: Response): void => {
    const where = `${method.toUpperCase()} ${template} → ${response.status}`;
    const operation = document.paths[template]?.[method];
    expect(operation, `${where}: the operation is documented`).toBeDefined();
    const documented = operation.responses[String(response.status)];
    expect(
      documented,
      `${where}: the status is documented (${Object.keys(operation.responses).join(', ')})`,
    ).toBeDefined();
    for (const [name, header] of Object.entries<{ required?: boolean }>(documented.headers ?? {}))
      if (header.required) expect(response.headers[name.toLowerCase()], `${where}: header ${name}`).toBeDefined();
    if (response.status === 204) return;
    const type = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const media = documented.content?.[type];
    expect(
      media,
      `${where}: ${type} is documented (${Object.keys(documented.content ?? {}).join(', ')})`,
    ).toBeDefined();
    const body: unknown = type.endsWith('json') ? JSON.parse(response.text) : response.text;
    const validate = ajv.compile(media.schema);
    expect(validate(body) ? [] : validate.errors, `${where}: ${response.text.slice(0, 300)}`).toEqual([]);
  };
}

/** Every example of every documented failure validates against its own schema and shows no raw placeholder. */
export function checkExamples(document: Document): number {
  const ajv = openApiAjv();
  let checked = 0;
  for (const [template, item] of Object.entries<Record<string, Document>>(document.paths)) {
    for (const [method, operation] of Object.entries<Document>(item)) {
      for (const [status, response] of Object.entries<Document>(operation.responses ?? {})) {
        for (const media of Object.values<Document>(response.content ?? {})) {
          for (const [name, example] of Object.entries<{ value: unknown }>(media.examples ?? {})) {
            const where = `${method} ${template} ${status} ${name}`;
            const validate = ajv.compile(media.schema);
            expect(validate(example.value) ? [] : validate.errors, where).toEqual([]);
            expect(JSON.stringify(example.value), where).not.toMatch(/\{[A-Za-z_][\w.-]*\}/);
            checked++;
          }
        }
      }
    }
  }
  return checked;
}
