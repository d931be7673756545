import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

/** One real answer, as the wire carried it. */
export interface RealAnswer {
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | undefined;
  text: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

interface MediaTypeObject {
  schema?: object;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}
type SecurityRequirement = Record<string, string[]>;
interface OperationObject {
  responses?: Record<string, ResponseObject>;
  security?: SecurityRequirement[];
}
interface SecurityScheme {
  type?: string;
  in?: string;
  name?: string;
}
interface Dereferenced {
  paths?: Record<string, Record<string, OperationObject>>;
  security?: SecurityRequirement[];
  components?: { securitySchemes?: Record<string, SecurityScheme>; schemas?: Record<string, object> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `application/json; charset=utf-8` → `application/json`. */
const essence = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();
const isJson = (media: string): boolean => media === 'application/json' || media.endsWith('+json');
const formatAjvErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');

/**
 * The served OpenAPI document, dereferenced by swagger-parser, and Ajv over its schemas: the independent oracle
 * every real answer is checked against (OpenAPI 3.0 keywords: `nullable`, `discriminator`, the int/float formats).
 */
export class ServedContract {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  private readonly paths: Record<string, Record<string, OperationObject>>;

  private constructor(private readonly document: Dereferenced) {
    this.paths = document.paths ?? {};
    addFormats(this.ajv);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('float', { type: 'number', validate: () => true });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
  }

  /** Dereferences a copy of `document` (validating it on the way). */
  static async load(document: unknown): Promise<ServedContract> {
    return new ServedContract((await SwaggerParser.dereference(structuredClone(document) as never)) as Dereferenced);
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
    const key = this.keyFor(operation, answer.status);
    if (key === undefined) {
      return [`status ${answer.status} is not documented (documented: ${this.responseKeys(operation).join(', ')})`];
    }
    const response = this.operation(operation)!.responses![key];
    return [...this.checkBody(response, answer), ...this.checkHeaders(response, answer)].map(
      (problem) => `${problem} (documented under ${key})`,
    );
  }

  /**
   * True when the document describes `answer`, what a route-less answer can match (OpenAPI has no place for a path
   * no operation has): some operation's response for its status, or the shared schema `components.schemas[shared]`
   * in a JSON media type.
   */
  describedAnywhere(answer: RealAnswer, shared: string): boolean {
    const schema = this.document.components?.schemas?.[shared];
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
    const requirement = this.operation(operation)?.security ?? this.document.security ?? [];
    const schemes = this.document.components?.securitySchemes ?? {};
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
    const documented = media.find((m) => essence(m) === real) ?? media.find((m) => this.covers(m, real));
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
    const validate = this.validator(schema);
    return validate(value)
      ? []
      : [`the body does not match the ${documented} schema: ${formatAjvErrors(validate.errors)}`];
  }

  private checkHeaders(response: ResponseObject, answer: RealAnswer): string[] {
    // A response signature is part of what the client verifies, so the document must name it.
    const declared = Object.keys(response.headers ?? {}).map((name) => name.toLowerCase());
    return answer.headers['x-signature'] !== undefined && !declared.includes('x-signature')
      ? ['the response carries an X-Signature header the document does not declare']
      : [];
  }

  private covers(range: string, media: string): boolean {
    const [type, subtype] = essence(range).split('/');
    return type === '*' || (subtype === '*' && media.startsWith(`${type}/`));
  }

  private validator(schema: object): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
