import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModule } from '../../src/index.js';
import { applyEnvelopeToDocument } from '../../src/swagger/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

@Controller('ops')
class OpsController {
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOkResponse({ description: 'Prometheus text' }) // no content of its own: a wrapped route would get the envelope
  metrics(): string {
    return 'up 1\n';
  }

  @Get('export')
  @Header('Content-Type', 'text/csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  export(): string {
    return 'id\n7\n';
  }

  @Get('status')
  @ApiOkResponse({ description: 'status', schema: { type: 'object', properties: { up: { type: 'boolean' } } } })
  status() {
    return { up: true };
  }
}

describe.each(ADAPTERS)('the OpenAPI document of a non-JSON route on %s', (adapter) => {
  let t: TestApp;
  let paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
  beforeAll(async () => {
    t = await createTestApp(adapter, [
      { module: class OpsModule {}, imports: [ResponseModule.forRoot()], controllers: [OpsController] },
    ]);
    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    paths = JSON.parse(JSON.stringify(applyEnvelopeToDocument(document, t.app))).paths;
  });
  afterAll(() => t.app.close());

  it('documents a @Header text/plain route without the envelope, as it is answered', () => {
    expect(paths['/ops/metrics'].get.responses['200'].content).toBeUndefined();
    expect(paths['/ops/export'].get.responses['200'].content).toEqual({ 'text/csv': { schema: { type: 'string' } } });
  });

  it('still documents a JSON route inside the envelope', () => {
    const schema = paths['/ops/status'].get.responses['200'].content?.['application/json'].schema as {
      allOf: unknown[];
    };
    expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/SuccessEnvelope' });
  });
});
