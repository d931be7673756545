import type { ModuleMetadata } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { App } from 'supertest/types.js';
import { applyEnvelopeToDocument } from '../../src/swagger/index.js';
import { ServedContract } from '../support/served-contract.js';
import { type AdapterName, createTestApp, type TestApp } from './harness.js';

/** A booted app, its HTTP server, and the document it serves as the oracle for its answers. */
export interface DocumentedApp {
  t: TestApp;
  http: App;
  contract: ServedContract;
}

/**
 * Boots `module` and documents it as a user's app does (Nest's SwaggerModule, then applyEnvelopeToDocument); the
 * contract is that document, validated and dereferenced by swagger-parser.
 */
export async function documentedApp(
  adapter: AdapterName,
  module: NonNullable<ModuleMetadata['imports']>[number],
  {
    config = new DocumentBuilder().build(),
    rawBody,
  }: { config?: Omit<OpenAPIObject, 'paths'>; rawBody?: boolean } = {},
): Promise<DocumentedApp> {
  const t = await createTestApp(adapter, [module], undefined, { rawBody });
  const built = SwaggerModule.createDocument(t.app, config);
  return { t, http: t.app.getHttpServer(), contract: await ServedContract.load(applyEnvelopeToDocument(built, t.app)) };
}
