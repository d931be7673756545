import { Controller, Get, Injectable, Module, Scope, Version, VersioningType } from '@nestjs/common';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RawResponse, ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp } from './harness.js';

@Injectable({ scope: Scope.REQUEST })
class PerRequest {
  readonly id = Math.random();
}

@Controller('items')
class ItemsController {
  constructor(private readonly perRequest: PerRequest) {}

  @Get()
  @Version('1')
  v1() {
    return { version: 1, scoped: typeof this.perRequest.id };
  }

  @Get()
  @Version('2')
  @RawResponse()
  v2() {
    return { version: 2 };
  }
}

@Module({ imports: [ResponseModule.forRoot()], controllers: [ItemsController], providers: [PerRequest] })
class VersionedAppModule {}

describe.each(ADAPTERS)('versioned and request-scoped routes on %s', (adapter) => {
  it.each([
    [VersioningType.URI, '/v1/items', '/v2/items'],
    [VersioningType.HEADER, '/items', '/items'],
  ])('versioning type %s: each version keeps its own handler facts', async (type, path1, path2) => {
    const t = await createTestApp(adapter, [VersionedAppModule], (app) =>
      app.enableVersioning(
        type === VersioningType.URI ? { type } : { type: VersioningType.HEADER, header: 'X-Api-Version' },
      ),
    );
    try {
      const http = () => request(t.app.getHttpServer());
      const one = await http().get(path1).set('X-Api-Version', '1').expect(200);
      expect(one.body).toEqual({ code: 0, message: 'OK', data: { version: 1, scoped: 'number' } });
      const two = await http().get(path2).set('X-Api-Version', '2').expect(200);
      expect(two.body).toEqual({ version: 2 }); // @RawResponse on v2 only
    } finally {
      await t.app.close();
    }
  });
});
