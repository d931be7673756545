import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readEndpointCodes } from '../../src/codes/endpoint-codes.js';
import { ApiThrows, defineCodes, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { envelopeOperation } from '../../src/swagger/envelope-operation.js';
import { envelopeSchemas } from '../../src/swagger/envelope-schemas.js';
import { exampleParams, exampleValues, fillPath, genericExample } from '../../src/swagger/example-values.js';
import { type FailureCase, internalFailureCase } from '../../src/swagger/failure-cases.js';
import { statusSchema } from '../../src/swagger/failure-responses.js';
import { signedSecurity, signingFailureCases } from '../../src/swagger/signing-doc.js';

const loose = (value: unknown): ReturnType<typeof JSON.parse> => JSON.parse(JSON.stringify(value));
const Codes = defineCodes({
  GONE: {
    code: 'ITEM_GONE',
    status: 404,
    message: { en: 'item {itemId} of {sku} is gone', 'zh-CN': '{sku} 的 {itemId} 已无' },
  },
  BUSY: { code: 10011, status: 409, message: 'busy' },
});
const signing = { secrets: { app1: 'a-long-shared-secret' } };

const CONFIGS: [string, ResponseOptions][] = [
  ['defaults', { signing }],
  ['spring, html', { validation: { style: 'spring' }, html: true, signing: { ...signing, signResponses: true } }],
  ['problem+json', { format: 'problem+json', validation: { status: 422 }, signing, debug: true }],
  ['code names', { statusCodes: { 400: 'PARAM_ERROR', 500: 'SYSTEM_ERROR' }, signing }],
  ['return_code and message only', { fields: { code: 'return_code' }, failureFields: ['code', 'message'], signing }],
  ['no code at all', { failureFields: ['message', 'status'], signing }],
];

class Items {
  @ApiThrows(Codes.GONE, Codes.BUSY)
  update() {}
}
const dto = { ItemDto: { type: 'object', properties: { sku: { type: 'string', example: 'TEA-1' } } } };
const operation = {
  parameters: [{ name: 'itemId', in: 'path' as const, schema: { type: 'string' as const } }],
  requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemDto' } } } },
  responses: { '200': { description: '' } },
};

describe.each(CONFIGS)('every failure example of a signed operation with a body, under %s options', (_name, input) => {
  const options = resolveResponseOptions(input);
  const endpoint = { wraps: true, codes: readEndpointCodes(Items.prototype.update, Items), signed: true };
  const result = loose(envelopeOperation(operation, endpoint, '/items/{itemId}', 'put', options, dto));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/); // checked, not ignored
  ajv.addSchema({ $id: 'doc', components: { schemas: loose({ ...dto, ...envelopeSchemas(options) }) } });
  // The operation's schemas point into the components; Ajv resolves them against the document id.
  const resolve = (schema: unknown): object =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"doc#/components')) as object;

  it('validates against its own status schema (Ajv), with placeholders filled', () => {
    let checked = 0;
    for (const [status, response] of Object.entries<ReturnType<typeof JSON.parse>>(result.responses)) {
      if (status === '200') continue;
      for (const [type, media] of Object.entries<ReturnType<typeof JSON.parse>>(response.content)) {
        if (type === 'text/html') continue;
        const validate = ajv.compile(resolve(media.schema));
        for (const [key, example] of Object.entries<{ value: unknown }>(media.examples)) {
          expect(validate(example.value) ? [] : validate.errors, `${status} ${key}`).toEqual([]);
          expect(JSON.stringify(example.value), `${status} ${key}`).not.toMatch(/\{[A-Za-z]\w*\}/);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('fills placeholders from the path parameter and the body DTO, and the path itself', () => {
    const media = Object.values<ReturnType<typeof JSON.parse>>(result.responses['404'].content)[0];
    const body = JSON.stringify(media.examples.GONE.value);
    expect(body).toContain('item 7 of TEA-1 is gone'); // itemId: a generic id; sku: the body DTO's example
    const hasPath = options.format === 'problem+json' || options.failureLayout.some(([field]) => field === 'path');
    expect(body.includes('"/items/7"')).toBe(hasPath);
  });

  it('documents the HTML page and the response signature exactly when the options send them', () => {
    const types = Object.keys(result.responses['500'].content);
    expect(types.includes('text/html')).toBe(options.html);
    expect(result.responses['409'].headers?.['x-signature']?.required ?? null).toBe(
      options.signing?.signResponses ? false : null,
    );
  });
});

describe('the failure schema of one status', () => {
  const options = resolveResponseOptions({ statusCodes: { 400: 'PARAM_ERROR' } });
  const at = (status: number, code: FailureCase['code'], validation: boolean): FailureCase => ({
    status,
    code,
    validation,
    key: String(code),
    summary: '',
    exception: undefined,
  });

  it('is an anyOf of the validation failure and the plain failure when a status has both', () => {
    const schema = loose(
      statusSchema(
        [at(400, 'PARAM_ERROR', true), at(400, 'PARAM_ERROR', false), at(400, 'SIGN_ERROR', false)],
        options,
      ),
    );
    expect(schema.anyOf.map((branch: { allOf: [{ $ref: string }] }) => branch.allOf[0].$ref)).toEqual([
      '#/components/schemas/ValidationFailure',
      '#/components/schemas/FailureEnvelope',
    ]);
    expect(schema.anyOf[1].allOf[1].properties.code).toEqual({ type: 'string', enum: ['PARAM_ERROR', 'SIGN_ERROR'] });
  });

  it('types the enum only when its codes share a type', () => {
    const mixed = loose(statusSchema([at(415, 415, false), at(415, 'SIGN_BODY_UNREADABLE', false)], options));
    expect(mixed.allOf[1].properties.code).toEqual({ enum: [415, 'SIGN_BODY_UNREADABLE'] });
    expect(loose(statusSchema([internalFailureCase(options)], options)).allOf[1].properties.code).toEqual({
      type: 'integer',
      enum: [500],
    });
  });
});

describe('signing in the document', () => {
  const signingOnly = { SigningAppId: [], SigningTimestamp: [], SigningNonce: [], SigningSignature: [] };

  it('adds the signing schemes to each requirement the operation (else the document) had', () => {
    expect(signedSecurity(undefined, undefined)).toEqual([signingOnly]);
    expect(signedSecurity([], [{ bearer: [] }])).toEqual([signingOnly]); // `security: []` means none: only signing
    expect(signedSecurity(undefined, [{ bearer: [] }, { oauth: ['read'] }])).toEqual([
      { bearer: [], ...signingOnly },
      { oauth: ['read'], ...signingOnly },
    ]);
  });

  it('names the first signing header in the header examples, and the window in the timestamp one', () => {
    const options = resolveResponseOptions({ signing: { ...signing, window: 60, headers: { appId: 'X-Caller' } } });
    const cases = signingFailureCases(options, false);
    expect(cases.map((c) => c.code)).not.toContain('SIGN_BODY_UNREADABLE');
    expect(cases.find((c) => c.code === 'SIGN_HEADER_MISSING')?.summary).toBe(
      'SIGN_HEADER_MISSING Missing signing header x-caller',
    );
    expect(cases.find((c) => c.code === 'SIGN_TIMESTAMP_OUT_OF_WINDOW')?.summary).toContain('60 seconds');
    expect(signingFailureCases(resolveResponseOptions(), true)).toEqual([]);
  });
});

describe('example values', () => {
  it('takes a parameter’s example, then the body DTO’s, then the success DTO’s, else a generic one', () => {
    const value = exampleValues(
      {
        parameters: [
          { name: 'id', in: 'path', example: 42 },
          { name: 'q', in: 'query', schema: { type: 'string', example: 'tea' } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } } },
        responses: {
          '200': {
            description: '',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Out' } } } },
          },
          '404': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
        },
      },
      {
        In: { type: 'object', properties: { sku: { example: 'TEA-1' }, q: { example: 'no' } } },
        Out: { type: 'object', properties: { name: { example: 'Ann' } } },
        Err: { type: 'object', properties: { reason: { example: 'never read' } } },
      },
    );
    expect([value('id'), value('q'), value('sku'), value('name'), value('reason'), value('userId')]).toEqual([
      42,
      'tea',
      'TEA-1',
      'Ann',
      'A1',
      7,
    ]);
  });

  it('fills paths and every placeholder of every locale', () => {
    expect(fillPath('/a/{id}/b/{name}', (name) => (name === 'id' ? 7 : 'x y'))).toBe('/a/7/b/x%20y');
    expect(exampleParams({ en: '{a} {b}', 'zh-CN': '{c}' }, (name) => name.toUpperCase())).toEqual({
      a: 'A',
      b: 'B',
      c: 'C',
    });
    expect([genericExample('id'), genericExample('order_id'), genericExample('valid'), genericExample('sku')]).toEqual([
      7,
      7,
      'A1',
      'A1',
    ]);
  });
});
