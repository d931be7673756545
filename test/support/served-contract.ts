import SwaggerParser from '@apidevtools/swagger-parser';
import type { Response } from 'supertest';
import { OpenApiSchemas } from './openapi-schemas.js';
import { answerOf, essence, isJson, type RealAnswer } from './real-answer.js';

export { answerOf, type RealAnswer } from './real-answer.js';

/** A dereferenced document read as plain JSON, to reach deep into it in an assertion. */
export type Json = ReturnType<typeof JSON.parse>;

interface MediaTypeObject {
  schema?: object;
  examples?: Record<string, { value?: unknown }>;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, { required?: boolean }>;
}
type SecurityRequirement = Record<string, string[]>;
interface OperationObject {
  responses?: Record<string, ResponseObject>;
  security?: SecurityRequirement[];
}
interface Dereferenced {
  paths?: Record<string, Record<string, OperationObject>>;
  security?: SecurityRequirement[];
  components?: {
    securitySchemes?: Record<string, { type?: string; in?: string; name?: string }>;
    schemas?: Record<string, object>;
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The served OpenAPI document, validated and dereferenced by swagger-parser, and Ajv over its schemas: the
 * independent oracle every real answer is checked against (OpenAPI 3.0 keywords: `nullable`, `discriminator`, the
 * int/float formats, a strict `date-time`).
 */
export class ServedContract {
  /** Ajv over the document's schemas; public so a test can check a value of its own against one. */
  readonly schemas = new OpenApiSchemas();
  private readonly paths: Record<string, Record<string, OperationObject>>;

  private constructor(private readonly dereferenced: Dereferenced) {
    this.paths = dereferenced.paths ?? {};
  }

  /** Validates a copy of `document` as OpenAPI (swagger-parser) and dereferences it; rejects an invalid one. */
  static async load(document: unknown): Promise<ServedContract> {
    return new ServedContract((await SwaggerParser.validate(structuredClone(document) as never)) as Dereferenced);
  }

  /** The dereferenced document, every `$ref` resolved by swagger-parser (not by the code under test). */
  get document(): Json {
    return this.dereferenced;
  }

  /** Every operation, as `METHOD /path/{template}`. */
  operations(): string[] {
    return Object.entries(this.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  /** The keys of an operation's `responses`: statuses, ranges (`4XX`) and `default`. */
  responseKeys(operation: string): string[] {
    return Object.keys(this.operation(operation)?.responses ?? {});
  }

  /** The response key that describes `status` (exact, then its range, then `default`), as OpenAPI resolves it. */
  keyFor(operation: string, status: number): string | undefined {
    const keys = this.responseKeys(operation);
    return [String(status), `${String(status)[0]}XX`, 'default'].find((key) =>
      keys.some((k) => k.toUpperCase() === key.toUpperCase()),
    );
  }

  /** What is wrong with `answer` as an answer of `operation`; empty when the document describes it exactly. */
  check(operation: string, answer: RealAnswer): string[] {
    if (this.operation(operation) === undefined) return [`${operation} is not documented`];
    const key = this.keyFor(operation, answer.status);
    if (key === undefined) {
      return [`status ${answer.status} is not documented (documented: ${this.responseKeys(operation).join(', ')})`];
    }
    const response = this.operation(operation)!.responses![key];
    return [...this.checkBody(response, answer), ...this.checkHeaders(response, answer)].map(
      (problem) => `${problem} (documented under ${key})`,
    );
  }

  /** {@link check} for a supertest answer of `method template` (`get`, `/orders/{id}`). */
  problems(method: string, template: string, res: Response): string[] {
    return this.check(`${method.toUpperCase()} ${template}`, answerOf(res));
  }

  /** The media type object that documents `answer` of `operation` (its schema and examples), if any. */
  documentedMedia(operation: string, answer: RealAnswer): MediaTypeObject | undefined {
    const key = this.keyFor(operation, answer.status);
    const content = key === undefined ? {} : (this.operation(operation)?.responses?.[key].content ?? {});
    const media = answer.contentType === undefined ? undefined : this.mediaKey(content, essence(answer.contentType));
    return media === undefined ? undefined : content[media];
  }

  /**
   * True when the document describes `answer`, what a route-less answer can match (OpenAPI has no place for a path
   * no operation has): some operation's response for its status, or the shared schema `components.schemas[shared]`
   * in a JSON media type.
   */
  describedAnywhere(answer: RealAnswer, shared: string): boolean {
    const schema = this.dereferenced.components?.schemas?.[shared];
    const media = answer.contentType === undefined ? undefined : essence(answer.contentType);
    if (schema !== undefined && media !== undefined && isJson(media)) {
      if (this.checkBody({ content: { [media]: { schema } } }, answer).length === 0) return true;
    }
    return this.operations().some(
      (operation) => this.keyFor(operation, answer.status) !== undefined && this.check(operation, answer).length === 0,
    );
  }

  /**
   * The header sets a client may send to satisfy `operation`'s security: one list per alternative of its requirement
   * (the operation's own, else the document's), each the lower-case header names of its `apiKey` schemes in a header.
   */
  securityHeaders(operation: string): string[][] {
    const requirement = this.operation(operation)?.security ?? this.dereferenced.security ?? [];
    const schemes = this.dereferenced.components?.securitySchemes ?? {};
    return requirement.map((alternative) =>
      Object.keys(alternative).flatMap((name) => {
        const scheme = schemes[name];
        return scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name ? [scheme.name.toLowerCase()] : [];
      }),
    );
  }

  private operation(operation: string): OperationObject | undefined {
    const [method, path] = operation.split(' ');
    return this.paths[path]?.[method.toLowerCase()];
  }

  /** The documented media type for a real one: the same type, else a range that covers it (`text/*`, `*\/*`). */
  private mediaKey(content: Record<string, MediaTypeObject>, real: string): string | undefined {
    const media = Object.keys(content);
    return media.find((m) => essence(m) === real) ?? media.find((m) => this.covers(m, real));
  }

  private checkBody(response: ResponseObject, answer: RealAnswer): string[] {
    const content = response.content ?? {};
    const media = Object.keys(content);
    if (answer.contentType === undefined || answer.text === '') {
      return answer.text === '' && media.length === 0
        ? []
        : [
            `the body is ${answer.text === '' ? 'empty' : 'sent without a Content-Type'}, documented: ${media.join(', ') || 'no body'}`,
          ];
    }
    const real = essence(answer.contentType);
    const documented = this.mediaKey(content, real);
    if (documented === undefined) {
      return [`Content-Type ${real} is not documented (documented: ${media.join(', ') || 'no body'})`];
    }
    const schema = content[documented].schema;
    if (schema === undefined) return [];
    let value: unknown = answer.text;
    if (isJson(real)) {
      try {
        value = JSON.parse(answer.text);
      } catch {
        return [`the ${real} body is not JSON: ${answer.text.slice(0, 80)}`];
      }
    }
    return this.schemas
      .problems(schema, value)
      .map((errors) => `the body does not match the ${documented} schema: ${errors}`);
  }

  private checkHeaders(response: ResponseObject, answer: RealAnswer): string[] {
    const declared = Object.entries(response.headers ?? {}).map(
      ([name, header]) => [name.toLowerCase(), header] as const,
    );
    // A required header is part of the answer a client relies on (OpenAPI ignores a Content-Type entry here).
    const missing = declared
      .filter(
        ([name, header]) => header.required === true && name !== 'content-type' && answer.headers[name] === undefined,
      )
      .map(([name]) => `the required header ${name} is missing`);
    // A response signature is part of what the client verifies, so the document must name it.
    const undeclared =
      answer.headers['x-signature'] !== undefined && !declared.some(([name]) => name === 'x-signature')
        ? ['the response carries an X-Signature header the document does not declare']
        : [];
    return [...missing, ...undeclared];
  }

  private covers(range: string, media: string): boolean {
    const [type, subtype] = essence(range).split('/');
    return type === '*' || (subtype === '*' && media.startsWith(`${type}/`));
  }
}
