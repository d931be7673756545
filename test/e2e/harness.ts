import type { INestApplication, LoggerService, ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { App } from 'supertest/types.js';

export const ADAPTERS = ['express', 'fastify'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** A logger that keeps what it is given, so tests can check what was (and was not) logged. */
export class RecordingLogger implements LoggerService {
  readonly entries: { level: string; message: string; extra: unknown[] }[] = [];
  log(message: unknown, ...extra: unknown[]) {
    this.entries.push({ level: 'log', message: String(message), extra });
  }
  error(message: unknown, ...extra: unknown[]) {
    this.entries.push({ level: 'error', message: String(message), extra });
  }
  warn(message: unknown, ...extra: unknown[]) {
    this.entries.push({ level: 'warn', message: String(message), extra });
  }
  debug() {}
  verbose() {}
  of(level: string) {
    return this.entries.filter((entry) => entry.level === level);
  }
}

export interface TestApp {
  app: INestApplication<App>;
  logger: RecordingLogger;
}

/** Boots `imports` on the given adapter, as a real HTTP server for supertest; `bodyLimit` in bytes, `rawBody` as Nest's. */
export async function createTestApp(
  adapter: AdapterName,
  imports: ModuleMetadata['imports'],
  configure?: (app: INestApplication<App>) => void,
  { bodyLimit, rawBody }: { bodyLimit?: number; rawBody?: boolean } = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  const logger = new RecordingLogger();
  if (adapter === 'express') {
    const app = moduleRef.createNestApplication<NestExpressApplication>({ logger, bodyParser: true, rawBody });
    if (bodyLimit !== undefined) app.useBodyParser('json', { limit: bodyLimit });
    configure?.(app);
    await app.init();
    return { app: app as unknown as INestApplication<App>, logger };
  }
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit }), {
    logger,
    rawBody,
  });
  configure?.(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready(); // without this, supertest on fastify hangs
  return { app: app as unknown as INestApplication<App>, logger };
}
