import SwaggerParser from '@apidevtools/swagger-parser';
import type { OperationObject } from '@nestjs/swagger';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { envelopeSchemas } from '../../src/swagger/envelope-schemas.js';
import type { CheckedParameter } from '../../src/swagger/parameter-validation.js';
import { withValidationFailures } from '../../src/swagger/validation-responses.js';

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

function validatorFor(options: ReturnType<typeof resolveResponseOptions>) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'doc', components: { schemas: envelopeSchemas(options) } });
  return (schema: Json, body: unknown) => {
    const text = JSON.stringify(schema).replaceAll('"#/components', '"doc#/components');
    const validate = ajv.compile(JSON.parse(text));
    return validate(body) ? [] : validate.errors;
  };
}

describe.each(LOCATED)('withValidationFailures, %s style', (_name, input, expected) => {
  const options = resolveResponseOptions(input);
  const media = options.format === 'problem+json' ? 'application/problem+json' : 'application/json';
  const operation: OperationObject = { responses: { '200': { description: 'ok' } } };
  const result = loose(withValidationFailures(operation, PARAMETERS, '/items/{id}', 'post', options));
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
    expect(result.responses['400'].description).toBe(
      'Bad Request: the request failed validation (body, query, path, header)',
    );
  });

  it('each example is valid against the documented schema', () => {
    const check = validatorFor(options);
    for (const example of Object.values<Json>(content.examples))
      expect(check(content.schema, example.value)).toEqual([]);
  });

  it('changes nothing else and gives a valid document', async () => {
    expect(result.responses['200']).toEqual({ description: 'ok' });
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/items/{id}': {
          post: { ...result, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] },
        },
      },
      components: { schemas: envelopeSchemas(options) },
    };
    await expect(SwaggerParser.validate(loose(document))).resolves.toBeDefined();
  });
});

describe('withValidationFailures: statuses, existing responses, bare failures', () => {
  const options = resolveResponseOptions();

  it('returns the operation as it is when nothing is checked', () => {
    const operation: OperationObject = { responses: {} };
    expect(withValidationFailures(operation, [], '/x', 'get', options)).toBe(operation);
  });

  it('puts each parameter under its own status (a pipe’s errorHttpStatusCode), sorted', () => {
    const result = loose(
      withValidationFailures(
        { responses: { '201': { description: '' } } },
        [checked('body', ['sku'], { status: 422 }), checked('header', ['x-a'])],
        '/x',
        'post',
        options,
      ),
    );
    expect(Object.keys(result.responses)).toEqual(['201', '400', '422']);
    const unprocessable = result.responses['422'].content['application/json'].examples.VALIDATION_FAILED.value;
    expect(unprocessable).toMatchObject({ status: 422, error: 'Unprocessable Entity' });
  });

  it('keeps a business failure already under that status: both examples, either schema', () => {
    const existing = {
      description: 'Bad Request: `10020` bad coupon',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/FailureEnvelope' },
          examples: { BAD_COUPON: { value: { code: 10020 } } },
        },
      },
    };
    const result = loose(
      withValidationFailures({ responses: { '400': existing } }, [checked('query', ['page'])], '/x', 'get', options),
    );
    const merged = result.responses['400'];
    expect(merged.description).toBe(
      'Bad Request: `10020` bad coupon; Bad Request: the request failed validation (query)',
    );
    expect(Object.keys(merged.content['application/json'].examples)).toEqual(['BAD_COUPON', 'VALIDATION_FAILED_QUERY']);
    expect(merged.content['application/json'].schema).toEqual({
      anyOf: [{ $ref: '#/components/schemas/FailureEnvelope' }, { $ref: '#/components/schemas/ValidationFailure' }],
    });
  });

  it('with disableErrorMessages: the plain failure schema and a body without violations', () => {
    const result = loose(
      withValidationFailures({ responses: {} }, [checked('body', ['sku'], { detailed: false })], '/x', 'post', options),
    );
    const content = result.responses['400'].content['application/json'];
    expect(content.schema).toEqual({ $ref: '#/components/schemas/FailureEnvelope' });
    expect(content.examples.VALIDATION_FAILED.value.details).toBeUndefined();
    expect(validatorFor(options)(content.schema, content.examples.VALIDATION_FAILED.value)).toEqual([]);
  });

  it('a body that is no object, and two parameters of one kind, each named apart', () => {
    const result = loose(
      withValidationFailures(
        { responses: {} },
        [checked('body', [], { refusal: 'not-an-object' }), checked('query', ['a']), checked('query', ['filter', 'b'])],
        '/x',
        'post',
        options,
      ),
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
