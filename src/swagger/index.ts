// nest-envelope/swagger: needs @nestjs/swagger (an optional peer); the main entry never loads this.
// The public Swagger API: the document rewrite and the decorator; the schema builders stay internal.
export { applyEnvelopeToDocument } from './apply-envelope.js';
export type { ApplyEnvelopeOptions } from './apply-envelope.js';
export { ApiEnvelope } from './api-envelope.decorator.js';
export type { ApiEnvelopeOptions } from './api-envelope.decorator.js';
export type { OperationIdFactory } from './handler-discovery.js';
