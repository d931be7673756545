import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module.js';
import { DEFAULT_HOST, sampleOrigin } from './origin.js';
import { setupSwagger } from './swagger.js';
import { signedCurl } from './transfers/signed-curl.js';

const port = Number(process.env.PORT ?? 3000);
// 127.0.0.1, not `localhost`: that name may resolve to ::1 first, where nothing would listen. HOST=0.0.0.0 opens it up.
const host = process.env.HOST || DEFAULT_HOST;
const adapter = process.env.ADAPTER === 'fastify' ? 'fastify' : 'express';

async function bootstrap(): Promise<INestApplication> {
  // rawBody: signed routes verify the body bytes as sent
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(AppModule, new FastifyAdapter(), { rawBody: true })
      : await NestFactory.create(AppModule, { rawBody: true });
  app.enableShutdownHooks();
  setupSwagger(app); // Swagger UI at /docs
  await app.listen(port, host);
  return app;
}

bootstrap()
  .then(async (app) => {
    // The port the server really has (PORT=0 picks a free one), so every line printed below works as it is.
    const { port: listening } = (app.getHttpServer() as Server).address() as AddressInfo;
    const base = sampleOrigin(host, listening);
    const style = process.env.VALIDATION_STYLE ?? 'wechat';
    console.log(`\nnest-envelope sample app on ${adapter} (VALIDATION_STYLE=${style}): ${base}`);
    console.log(`Swagger UI: ${base}/docs (OpenAPI JSON: ${base}/docs-json)\nTry:`);
    for (const line of [
      `curl -s ${base}/orders`,
      `curl -s -H 'X-Stringify: 1' ${base}/orders/9007199254740993`,
      `curl -s -X POST ${base}/orders -H 'Content-Type: application/json' -d '{"sku":"CUP-2","quantity":5}'`,
      `curl -s -H 'Accept-Language: zh-CN' -X POST ${base}/orders -H 'Content-Type: application/json' -d '{"sku":"CUP-2","quantity":5}'`,
      `curl -s -X POST ${base}/orders -H 'Content-Type: application/json' -d '{"sku":'`,
      `curl -s -X POST ${base}/orders -H 'Content-Type: application/json' -d '{"sku":"T","quantity":0,"shipping":{"city":"","country":"FR"}}'`,
      `curl -s -H 'X-Request-Id: my-trace-1' ${base}/users/42`,
      `curl -s ${base}/no/such/route`,
      `curl -s ${base}/health/crash`,
      `curl -s ${base}/health`,
      `curl -s -N ${base}/orders/events`,
      `curl -s -OJ ${base}/orders/export.csv`,
      `curl -s ${base}/transfers`,
    ]) {
      console.log(`  ${line}`);
    }
    console.log('The code table: node dist/cli/main.js codes sample-app/dist/app.module.js [--format json]');
    console.log(
      'Signed (each valid once, for 5 minutes; `node sample-app/dist/sign-curl.js GET /transfers` signs more):',
    );
    const transfer = JSON.stringify({ to: 'bob', amount: 25, currency: 'EUR' });
    console.log(`  ${await signedCurl(base, 'GET', '/transfers?currency=EUR')}`);
    console.log(`  ${await signedCurl(base, 'POST', '/transfers', transfer)}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
