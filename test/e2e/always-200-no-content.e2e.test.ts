import {
  type CanActivate,
  Controller,
  Delete,
  HttpCode,
  Injectable,
  Post,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapAxios } from '../../src/client/index.js';
import { ResponseInterceptor, ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

@Injectable()
class AllowGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

/** A base CRUD controller, as apps have them: its delete answers 204. */
abstract class CrudController {
  @Delete(':id')
  @HttpCode(204)
  remove(): void {}
}

@Controller('carts')
@UseGuards(AllowGuard)
class CartsController extends CrudController {}

@Controller('wishlists')
@UseInterceptors(ResponseInterceptor) // the interceptor path: the same answer as the adapter-level one
class WishlistsController extends CrudController {
  @Post()
  create() {
    return { id: 1 };
  }
}

describe.each(ADAPTERS)('@HttpCode(204) on %s', (adapter) => {
  describe.each([
    ['always-200', 200],
    ['mirror', 204],
  ] as const)('under httpStatus %s', (httpStatus, sent) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        adapter,
        [
          {
            module: class NoContentAppModule {},
            imports: [ResponseModule.forRoot({ httpStatus })],
            controllers: [CartsController, WishlistsController],
          },
        ],
        (app) => app.setGlobalPrefix('api'),
      );
    });
    afterAll(() => t.app.close());

    it.each(['/api/carts/7', '/api/wishlists/7'])(`answers %s with ${sent}`, async (path) => {
      const res = await request(t.app.getHttpServer()).delete(path).expect(sent);
      if (httpStatus === 'always-200') {
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.text).toBe('{"code":0,"message":"OK","data":null}');
      } else {
        expect(res.text).toBe('');
        expect(res.headers['content-type']).toBeUndefined();
      }
      expect(unwrapAxios({ status: res.status, data: res.text })).toBe(httpStatus === 'always-200' ? null : undefined);
    });

    it('leaves the other statuses as the policy says (POST: 201 mirrored, 200 under always-200)', async () => {
      await request(t.app.getHttpServer())
        .post('/api/wishlists')
        .expect(httpStatus === 'always-200' ? 200 : 201);
    });
  });
});
