import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;
// RFC 3339 as the envelope writes it (`T`, `Z` or `±hh:mm`), and a real calendar date and time (ajv-formats' check).
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const calendarDateTime = addFormats.get('date-time') as { validate: (text: string) => boolean };

const formatAjvErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');

/**
 * Ajv for the schemas of an OpenAPI 3.0 document: `nullable`, `discriminator`, and every format it uses checked,
 * not ignored (int32/int64 integers, a strict `date-time`).
 */
export class OpenApiSchemas {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    this.ajv.addFormat('date-time', {
      type: 'string',
      validate: (text: string) => RFC3339.test(text) && calendarDateTime.validate(text),
    });
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('float', { type: 'number', validate: () => true });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
  }

  /** What is wrong with `value` against `schema` (Ajv's errors, in one line); empty when it validates. */
  problems(schema: object, value: unknown): string[] {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate(value) ? [] : [formatAjvErrors(validate.errors)];
  }
}
