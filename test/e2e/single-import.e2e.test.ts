import { Controller, type DynamicModule, Get, type INestApplication, Injectable, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseModule, ResponseOptionsError } from '../../src/index.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';

@Controller('users')
class UsersController {
  @Get('7')
  find() {
    return { id: 7 };
  }
}

@Injectable()
class EnvelopeSettings {
  readonly options = { fields: { code: 'status_id' } } as const;
}

@Module({ providers: [EnvelopeSettings], exports: [EnvelopeSettings] })
class SettingsModule {}

/** A feature module that (wrongly) imports ResponseModule itself, with options of its own. */
function usersModule(own: DynamicModule): DynamicModule {
  @Module({ imports: [own], controllers: [UsersController] })
  class UsersModule {}
  return { module: UsersModule };
}

function appModule(root: DynamicModule, feature: DynamicModule): DynamicModule {
  @Module({ imports: [root, feature] })
  class AppModule {}
  return { module: AppModule };
}

/** The harness's app, but with Nest's deep-hash module ids: imports with equal options become one module. */
async function deepHashApp(adapter: AdapterName, imports: DynamicModule[]): Promise<INestApplication<App>> {
  const moduleRef = await Test.createTestingModule({ imports }, { moduleIdGeneratorAlgorithm: 'deep-hash' }).compile();
  const app =
    adapter === 'express'
      ? moduleRef.createNestApplication({ logger: false })
      : moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  if (adapter === 'fastify') await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  return app as INestApplication<App>;
}

const OTHER_OPTIONS = { fields: { code: 'status_id' } } as const;
const MESSAGE =
  /^ResponseModule: ResponseModule is imported as 2 modules: ResponseModule\.forRoot\(\) in AppModule; ResponseModule\.forRoot\(\) in UsersModule\. It is global: import it once, in the root module/;

describe.each(ADAPTERS)('ResponseModule imported twice, on %s', (adapter) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.app.close();
    t = undefined;
  });

  it('refuses different forRoot() options at start-up, naming both importing modules', async () => {
    const start = createTestApp(adapter, [
      appModule(ResponseModule.forRoot(), usersModule(ResponseModule.forRoot(OTHER_OPTIONS))),
    ]);
    await expect(start).rejects.toThrow(ResponseOptionsError);
    await expect(
      createTestApp(adapter, [appModule(ResponseModule.forRoot(), usersModule(ResponseModule.forRoot(OTHER_OPTIONS)))]),
    ).rejects.toThrow(MESSAGE);
  });

  it("refuses two forRoot() calls with equal options too: with Nest's default module ids they are two modules", async () => {
    await expect(
      createTestApp(adapter, [
        appModule(ResponseModule.forRoot(OTHER_OPTIONS), usersModule(ResponseModule.forRoot({ ...OTHER_OPTIONS }))),
      ]),
    ).rejects.toThrow(MESSAGE);
  });

  it('finds an import made in the dynamic metadata of a feature module (its own register())', async () => {
    @Module({ controllers: [UsersController] })
    class AuditModule {}
    const register: DynamicModule = { module: AuditModule, imports: [ResponseModule.forRoot(OTHER_OPTIONS)] };
    await expect(createTestApp(adapter, [appModule(ResponseModule.forRoot(), register)])).rejects.toThrow(
      /ResponseModule\.forRoot\(\) in AppModule; ResponseModule\.forRoot\(\) in AuditModule\./,
    );
  });

  it('refuses forRoot() next to forRootAsync(), naming which is which', async () => {
    const async = ResponseModule.forRootAsync({
      imports: [SettingsModule],
      inject: [EnvelopeSettings],
      useFactory: (settings: EnvelopeSettings) => settings.options,
    });
    await expect(createTestApp(adapter, [appModule(async, usersModule(ResponseModule.forRoot()))])).rejects.toThrow(
      /ResponseModule\.forRootAsync\(\) in AppModule; ResponseModule\.forRoot\(\) in UsersModule/,
    );
  });

  it('accepts one DynamicModule value imported by two modules: one module, one set of options', async () => {
    const shared = ResponseModule.forRoot(OTHER_OPTIONS);
    t = await createTestApp(adapter, [appModule(shared, usersModule(shared))]);
    const res = await request(t.app.getHttpServer()).get('/users/7').expect(200);
    expect(res.body).toEqual({ status_id: 0, message: 'OK', data: { id: 7 } });
    const missing = await request(t.app.getHttpServer()).get('/users/8').expect(404);
    expect(missing.body).toMatchObject({ status_id: 404, status: 404 });
  });

  it('accepts equal options twice under deep-hash module ids (Nest makes them one module); different ones still fail', async () => {
    const app = await deepHashApp(adapter, [
      appModule(ResponseModule.forRoot(OTHER_OPTIONS), usersModule(ResponseModule.forRoot({ ...OTHER_OPTIONS }))),
    ]);
    try {
      expect((await request(app.getHttpServer()).get('/users/7').expect(200)).body.status_id).toBe(0);
    } finally {
      await app.close();
    }
    await expect(
      deepHashApp(adapter, [appModule(ResponseModule.forRoot(), usersModule(ResponseModule.forRoot(OTHER_OPTIONS)))]),
    ).rejects.toThrow(MESSAGE);
  });
});
