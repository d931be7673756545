import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { applyEnvelopeToDocument } from 'nest-envelope/swagger';

/** The sample app's document settings (title, description, version). */
export function documentConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('nest-envelope sample app')
    .setDescription('Every success is the envelope around its data; every failure has the configured shape.')
    .setVersion('1.0')
    .build();
}

/** The sample app's OpenAPI document, with the envelope, the codes and the failure bodies of its options. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return applyEnvelopeToDocument(SwaggerModule.createDocument(app, documentConfig()), app);
}

/** Swagger UI at /docs (JSON at /docs-json), on Express and Fastify alike. */
export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document);
  return document;
}
