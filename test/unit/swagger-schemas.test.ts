import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { BusinessException } from '../../src/codes/business.exception.js';
import { readEndpointCodes } from '../../src/codes/endpoint-codes.js';
import { ApiCode, ApiThrows, defineCodes, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { failureOutcome } from '../../src/outcome/failure-outcome.js';
import type { RequestFacts } from '../../src/outcome/outcome.interface.js';
import { renderFailure, renderSuccess } from '../../src/render/envelope.renderer.js';
import { renderProblem } from '../../src/render/problem-details.renderer.js';
import { envelopeOperation } from '../../src/swagger/envelope-operation.js';
import { envelopeSchemas, successSchema } from '../../src/swagger/envelope-schemas.js';
import { ValidationFailedException } from '../../src/validation/validation-failed.exception.js';

/** The operation as plain JSON, to read deep into it without the OpenAPI unions. */
const loose = (value: unknown): ReturnType<typeof JSON.parse> => JSON.parse(JSON.stringify(value));
const facts: RequestFacts = { method: 'POST', path: '/orders', requestId: 'r-1', locale: 'en', time: new Date(0) };
const Codes = defineCodes({
  OK: { code: 10002, status: 201, message: 'created' },
  OUT: { code: 10010, status: 409, message: { en: 'out of stock', 'zh-CN': '库存不足' } },
  LOCKED: { code: 10011, status: 409, message: 'locked' },
});
const invalid = new ValidationFailedException([
  {
    location: 'body',
    path: ['items', 0, 'password'],
    value: 'x',
    constraint: 'minLength',
    arguments: [8],
    message: 'too short',
    objectName: 'CreateOrderDto',
    type: 'String',
  },
  {
    location: 'query',
    path: ['page'],
    value: '0',
    constraint: 'min',
    arguments: [1],
    message: 'min 1',
    objectName: 'Q',
  },
]);

const CONFIGS: [string, ResponseOptions][] = [
  ['defaults', {}],
  ['spring', { validation: { style: 'spring' } }],
  ['problem+json', { format: 'problem+json', timestamp: { format: 'epoch-ms' } }],
  [
    'HTTP always 200, status_id and status',
    {
      httpStatus: 'always-200',
      success: { code: 100, message: '请求成功' },
      fields: { code: 'status_id', outcome: 'status' },
      successFields: ['code', 'outcome', 'message', 'data'],
      failureFields: ['code', 'outcome', 'message', 'data'],
    },
  ],
  [
    'return_code on failure only',
    {
      fields: { code: 'return_code' },
      failureFields: ['code', 'message'],
      timestamp: { format: 'YYYY-MM-DD HH:mm:ss' },
    },
  ],
];

/** Ajv over the generated components, so every `$ref` resolves as in the document. */
function validatorFor(schemas: Record<string, unknown>) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: { schemas } });
  return (name: string, body: unknown) => {
    const validate = ajv.compile({ $ref: `doc#/components/schemas/${name}` });
    return validate(JSON.parse(JSON.stringify(body))) ? [] : validate.errors;
  };
}

describe.each(CONFIGS)('envelopeSchemas with %s options: the real renderers’ bodies validate (ajv)', (_name, input) => {
  const options = resolveResponseOptions(input);
  const schemas = envelopeSchemas(options);
  const check = validatorFor(schemas);
  const render = (exception: unknown) => {
    const outcome = failureOutcome(exception, options, 'en');
    return options.format === 'problem+json'
      ? renderProblem(outcome, facts, options)
      : renderFailure(outcome, facts, options);
  };

  it('a success body matches SuccessEnvelope and the per-endpoint schema', () => {
    const body = renderSuccess(
      { kind: 'success', httpStatus: 200, code: 0, message: 'OK', data: [{ id: 1 }] },
      facts,
      options,
    );
    expect(check('SuccessEnvelope', body)).toEqual([]);
    const validate = validatorFor({
      ...schemas,
      Item: { type: 'object', required: ['id'] },
      One: successSchema(
        { type: 'array', items: { $ref: '#/components/schemas/Item' } },
        { code: 0, message: 'OK' },
        options,
      ),
    });
    expect(validate('One', body)).toEqual([]);
    const wrongData = renderSuccess(
      { kind: 'success', httpStatus: 200, code: 0, message: 'OK', data: [{}] },
      facts,
      options,
    );
    const hasData = options.successLayout.some(([field]) => field === 'data');
    expect(validate('One', wrongData)).toHaveLength(hasData ? 1 : 0); // the schema really checks data
  });

  it('business, HTTP and crash failures match FailureEnvelope', () => {
    for (const exception of [new BusinessException(Codes.OUT, { detail: { sku: 'A1' } }), new Error('boom'), undefined])
      expect(check('FailureEnvelope', render(exception))).toEqual([]);
  });

  it('a validation failure matches ValidationFailure, and a plain failure does not', () => {
    expect(check('ValidationFailure', render(invalid))).toEqual([]);
    expect(check('ValidationFailure', render(new BusinessException(Codes.OUT)))?.length).toBeGreaterThan(0);
  });

  it('names the fields as configured', () => {
    const success = schemas.SuccessEnvelope as { properties: object };
    expect(Object.keys(success.properties)).toEqual(options.successLayout.map(([, name]) => name));
  });
});

describe('envelopeOperation', () => {
  class Orders {
    @ApiCode(Codes.OK)
    @ApiThrows(Codes.OUT, Codes.LOCKED)
    create() {}
  }
  const codes = readEndpointCodes(Orders.prototype.create, Orders);
  const operation = {
    operationId: 'Orders_create',
    parameters: [],
    requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Dto' } } } },
    responses: {
      '201': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Dto' } } } },
    },
  };
  const dto = { Dto: { type: 'object', properties: { sku: { type: 'string' } } } };

  it('puts two codes of one status under it, each with its example, and gives a valid document', async () => {
    const options = resolveResponseOptions({ format: 'problem+json', validation: { status: 422 } });
    const validated = [
      { location: 'body', path: ['sku'], objectName: 'Dto', status: 422, detailed: true, refusal: 'missing' } as const,
    ];
    const endpoint = { wraps: true, codes, validated };
    const result = loose(envelopeOperation(operation, endpoint, '/orders', 'post', options, dto));
    // 400 for malformed JSON (problem style validates with 422), 413 and 415 for the body, 500 for anything else
    expect(Object.keys(result.responses)).toEqual(['201', '400', '409', '413', '415', '422', '500']);
    const conflict = result.responses['409'].content['application/problem+json'];
    expect(Object.keys(conflict.examples)).toEqual(['OUT', 'LOCKED']);
    expect(conflict.schema.allOf[1].properties.code).toEqual({ type: 'integer', enum: [10010, 10011] });
    expect(conflict.examples.OUT.value).toMatchObject({
      type: 'about:blank',
      status: 409,
      code: 10010,
      detail: 'out of stock',
    });
    expect(result.responses['422'].content['application/problem+json'].examples.VALIDATION_FAILED.value.errors).toEqual(
      [{ detail: 'sku should not be null or undefined', pointer: '#/sku' }],
    );
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: { '/orders': { post: result } },
      components: { schemas: { ...dto, ...envelopeSchemas(options) } },
    };
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('leaves an unwrapped handler’s success alone but still documents its failures', () => {
    const options = resolveResponseOptions();
    const result = envelopeOperation(operation, { wraps: false, codes }, '/orders', 'post', options, dto);
    expect(result.responses['201']).toBe(operation.responses['201']);
    expect(Object.keys(result.responses)).toEqual(['201', '400', '409', '413', '415', '500']);
  });

  it('moves the default status to the @ApiCode status and gives an undocumented response an envelope', () => {
    class Accepting {
      @ApiCode({ code: 7, status: 202, message: 'queued' })
      run() {}
    }
    const options = resolveResponseOptions({ success: { code: 'http-status' } });
    const plain = { responses: { '200': { description: '' } } };
    const moved = envelopeOperation(
      plain,
      { wraps: true, codes: readEndpointCodes(Accepting.prototype.run, Accepting) },
      '/run',
      'post',
      options,
      {},
    );
    expect(Object.keys(moved.responses)).toEqual(['202', '500']);
    expect(loose(moved.responses)['202'].description).toBe('7 queued: the envelope around the data');
    const none = envelopeOperation(
      plain,
      { wraps: true, codes: readEndpointCodes(() => {}, class {}) },
      '/x',
      'get',
      options,
      {},
    );
    expect(loose(none.responses)['200'].content['application/json'].schema.allOf[1].properties.code).toEqual({
      example: 200,
    });
  });
});
