import type { SchemaObject } from '@nestjs/swagger';

/**
 * `data` of a handler that declares no response type (no `@ApiOkResponse({ type })`, no `@ApiEnvelope`): Nest
 * infers nothing, so any JSON value, said so. Spelt as the JSON types rather than `{}`, which viewers such as
 * Swagger UI show as `"string"`; `null` too, the data of a handler that returns nothing.
 *
 * @example
 * successSchema(undefined, example, options).allOf[1].properties.data === UNTYPED_DATA; // true
 */
export const UNTYPED_DATA: SchemaObject = {
  description: 'any JSON value: the handler declares no response type',
  anyOf: [
    { type: 'object', additionalProperties: true, nullable: true }, // OpenAPI 3.0: `nullable` needs a `type` beside it
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
  ],
};
