// nest-envelope/swagger: needs @nestjs/swagger (an optional peer); the main entry never loads this.
export { applyEnvelopeToDocument } from './apply-envelope.js';
export type { ApplyEnvelopeOptions } from './apply-envelope.js';
export { ApiEnvelope } from './api-envelope.decorator.js';
export type { ApiEnvelopeOptions } from './api-envelope.decorator.js';
export { envelopeSchemas, SCHEMA_NAMES, schemaRef, successSchema } from './envelope-schemas.js';
export { envelopeOperation } from './envelope-operation.js';
export type { EndpointDoc } from './envelope-operation.js';
export { businessFailureExamples, validationFailureExample } from './failure-examples.js';
export type { OperationIdFactory } from './handler-discovery.js';
