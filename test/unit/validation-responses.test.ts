import SwaggerParser from '@apidevtools/swagger-parser';
import type { OperationObject } from '@nestjs/swagger';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { envelopeSchemas } from '../../src/swagger/envelope-schemas.js';
import { genericExample } from '../../src/swagger/example-values.js';
import { businessFailureCase, type FailureCase } from '../../src/swagger/failure-cases.js';
import { failureResponses } from '../../src/swagger/failure-responses.js';
import type { CheckedParameter } from '../../src/swagger/parameter-validation.js';
import { validationFailureCases } from '../../src/swagger/validation-responses.js';

type Json = ReturnType<typeof JSON.parse>;
const loose = (value: unknown): Json => JSON.parse(JSON.stringify(value));

const checked = (
  location: CheckedParameter['location'],
  path: string[],
  extra: Partial<CheckedParameter> = {},
): CheckedParameter => ({
  location,
  path,
  objectName: 'Dto',
  status: 400,
  detailed: true,
  refusal: 'missing',
  ...extra,
});

const PARAMETERS = [
  checked('body', ['sku']),
  checked('query', ['page']),
  checked('path', ['id']),
  checked('header', ['x-tenant-id']),
];

// Where each style puts the name of the refused value (docs/validation.md): the oracle, written out.
const LOCATED: [string, ResponseOptions, Json[]][] = [
  [
    'WeChat',
    {},
    [
      { field: '/sku', location: 'body' },
      { field: 'page', location: 'query' },
      { field: 'id', location: 'path' },
      { field: 'x-tenant-id', location: 'header' },
    ],
  ],
  [
    'Spring',
    { validation: { style: 'spring' } },
    [{ field: 'sku' }, { field: 'page' }, { field: 'id' }, { field: 'x-tenant-id' }],
  ],
  [
    'RFC 9457',
    { format: 'problem+json' },
    [{ pointer: '#/sku' }, { parameter: 'page' }, { parameter: 'id' }, { header: 'x-tenant-id' }],
  ],
];

type Resolved = ReturnType<typeof resolveResponseOptions>;

/** The failure responses of an operation whose parameters are `checked` (and other cases, if given). */
function documented(checked: readonly CheckedParameter[], options: Resolved, others: FailureCase[] = []): Json {
  const where = { path: '/items/{id}', method: 'POST', options, value: genericExample, headers: {} };
  return loose({ responses: failureResponses([...validationFailureCases(checked, options), ...others], where) });
}

function validatorFor(options: ReturnType<typeof resolveResponseOptions>) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'doc', components: { schemas: envelopeSchemas(options) } });
  return (schema: Json, body: unknown) => {
    const text = JSON.stringify(schema).replaceAll('"#/components', '"doc#/components');
    const validate = ajv.compile(JSON.parse(text));
    return validate(body) ? [] : validate.errors;
  };
}

describe.each(LOCATED)('validationFailureCases, %s style', (_name, input, expected) => {
  const options = resolveResponseOptions(input);
  const media = options.format === 'problem+json' ? 'application/problem+json' : 'application/json';
  const result = documented(PARAMETERS, options);
  const content = result.responses['400'].content[media];

  it('documents one example per parameter, each located as its kind of parameter is', () => {
    expect(Object.keys(content.examples)).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED_QUERY',
      'VALIDATION_FAILED_PATH',
      'VALIDATION_FAILED_HEADER',
    ]);
    Object.values(content.examples).forEach((example: Json, index) => {
      const violation = (example.value.details ?? example.value.errors)[0];
      expect(violation).toMatchObject(expected[index]);
    });
    const code = 400; // the default code of a 400
    expect(result.responses['400'].description).toBe(
      `Bad Request: ${code} Dto: a body that fails validation; ${code} Dto: a query that fails validation; ` +
        `${code} Dto: a path parameter that fails validation; ${code} Dto: a header that fails validation`,
    );
  });

  it('each example is valid against the documented schema', () => {
    const check = validatorFor(options);
    for (const example of Object.values<Json>(content.examples))
      expect(check(content.schema, example.value)).toEqual([]);
  });

  it('gives a valid document', async () => {
    const operation: OperationObject = { responses: { '200': { description: 'ok' }, ...result.responses } };
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/items/{id}': {
          post: { ...operation, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] },
        },
      },
      components: { schemas: envelopeSchemas(options) },
    };
    await expect(SwaggerParser.validate(loose(document))).resolves.toBeDefined();
  });
});

describe('validationFailureCases: statuses, other failures, bare failures', () => {
  const options = resolveResponseOptions();

  it('documents nothing when nothing is checked', () => {
    expect(validationFailureCases([], options)).toEqual([]);
  });

  it('puts each parameter under its own status (a pipe’s errorHttpStatusCode)', () => {
    const result = documented([checked('body', ['sku'], { status: 422 }), checked('header', ['x-a'])], options);
    expect(Object.keys(result.responses).sort()).toEqual(['400', '422']);
    const unprocessable = result.responses['422'].content['application/json'].examples.VALIDATION_FAILED.value;
    expect(unprocessable).toMatchObject({ status: 422, error: 'Unprocessable Entity' });
  });

  it('shares a status with a business failure: both examples, either schema, both codes', () => {
    const coupon = { code: 10020, key: 'BAD_COUPON', message: 'bad coupon', status: 400 } as const;
    const result = documented([checked('query', ['page'])], options, [businessFailureCase(coupon, options)]);
    const content = result.responses['400'].content['application/json'];
    expect(Object.keys(content.examples)).toEqual(['VALIDATION_FAILED_QUERY', 'BAD_COUPON']);
    expect(content.schema.anyOf.map((branch: Json): string => String(branch.allOf[0].$ref))).toEqual([
      '#/components/schemas/ValidationFailure',
      '#/components/schemas/FailureEnvelope',
    ]);
    const check = validatorFor(options);
    for (const example of Object.values<Json>(content.examples))
      expect(check(content.schema, example.value)).toEqual([]);
  });

  it('with disableErrorMessages: the plain failure schema and a body without violations', () => {
    const result = documented([checked('body', ['sku'], { detailed: false })], options);
    const content = result.responses['400'].content['application/json'];
    expect(content.schema.allOf[0]).toEqual({ $ref: '#/components/schemas/FailureEnvelope' });
    expect(content.examples.VALIDATION_FAILED.value.details).toBeUndefined();
    expect(validatorFor(options)(content.schema, content.examples.VALIDATION_FAILED.value)).toEqual([]);
  });

  it('a body that is no object, and two parameters of one kind, each named apart', () => {
    const result = documented(
      [checked('body', [], { refusal: 'not-an-object' }), checked('query', ['a']), checked('query', ['filter', 'b'])],
      options,
    );
    const examples = result.responses['400'].content['application/json'].examples;
    expect(Object.keys(examples)).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED_QUERY',
      'VALIDATION_FAILED_QUERY_2',
    ]);
    expect(examples.VALIDATION_FAILED.value.details[0]).toMatchObject({ field: '', location: 'body' });
    expect(examples.VALIDATION_FAILED.value.details[0].issue).toBe('body must be a JSON object (got null)');
    expect(examples.VALIDATION_FAILED_QUERY_2.value.details[0].field).toBe('/filter/b'); // nested: a pointer
  });
});
