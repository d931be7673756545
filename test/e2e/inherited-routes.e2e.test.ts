import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  Param,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCode, ApiThrows, BusinessException, defineCodes, RawResponse, ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const LibraryCodes = defineCodes(
  {
    BOOKS_LISTED: { code: 31000, message: 'books' },
    AUTHORS_LISTED: { code: 32000, message: 'authors' },
    NOT_FOUND: { code: 31010, status: 404, message: 'no such item' },
  },
  { name: 'LibraryCodes' },
);

const PUBLIC = 'test:public';

/** A base CRUD controller, as Nest apps often have: the route methods live here, once. */
abstract class CrudController {
  protected abstract readonly items: Record<string, { id: string }>;

  @Get()
  @SetMetadata(PUBLIC, true)
  list() {
    return Object.values(this.items);
  }

  @Get(':id')
  @SetMetadata(PUBLIC, true)
  findOne(@Param('id') id: string) {
    const item = this.items[id];
    if (item === undefined) throw new BusinessException(LibraryCodes.NOT_FOUND);
    return item;
  }
}

@Controller('books')
@ApiCode(LibraryCodes.BOOKS_LISTED)
@ApiThrows(LibraryCodes.NOT_FOUND)
class BooksController extends CrudController {
  protected readonly items = { b1: { id: 'b1' } };
}

@Controller('authors')
@ApiCode(LibraryCodes.AUTHORS_LISTED)
class AuthorsController extends CrudController {
  protected readonly items = { a1: { id: 'a1' } };
}

@Controller('exports')
@RawResponse()
class ExportsController extends CrudController {
  protected readonly items = { e1: { id: 'e1' } };
}

/** The app's own guard reads its metadata from the handler Nest gives it, as guards do. */
@Injectable()
class PublicOnlyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.get<boolean>(PUBLIC, context.getHandler()) !== true) throw new ForbiddenException();
    return true;
  }
}

function appModule(controllers: Type<unknown>[]): Type<unknown> {
  @Module({
    imports: [ResponseModule.forRoot({ strictThrows: 'throw' })],
    controllers,
    providers: [{ provide: APP_GUARD, useClass: PublicOnlyGuard }],
  })
  class AppModule {}
  return AppModule;
}

// Each controller's class-level decorators decide for its own routes, whichever controller Nest registers first.
const ORDERS = {
  'raw controller first': [ExportsController, BooksController, AuthorsController],
  'raw controller last': [BooksController, AuthorsController, ExportsController],
};

describe.each(ADAPTERS)('a route method inherited by several controllers (%s)', (adapter) => {
  describe.each(Object.entries(ORDERS))('%s', (_order, controllers) => {
    let test: TestApp;
    beforeAll(async () => {
      test = await createTestApp(adapter, [appModule(controllers)], (app) => app.setGlobalPrefix('api'));
    });
    afterAll(() => test.app.close());

    it("takes each controller's @ApiCode", async () => {
      const books = await request(test.app.getHttpServer()).get('/api/books').expect(200);
      expect(books.body).toEqual({ code: 31000, message: 'books', data: [{ id: 'b1' }] });
      const authors = await request(test.app.getHttpServer()).get('/api/authors').expect(200);
      expect(authors.body).toEqual({ code: 32000, message: 'authors', data: [{ id: 'a1' }] });
    });

    it("leaves only the @RawResponse controller's results unwrapped", async () => {
      const exports = await request(test.app.getHttpServer()).get('/api/exports/e1').expect(200);
      expect(exports.body).toEqual({ id: 'e1' });
      const book = await request(test.app.getHttpServer()).get('/api/books/b1').expect(200);
      expect(book.body).toEqual({ code: 31000, message: 'books', data: { id: 'b1' } });
    });

    it("checks a failure against each controller's @ApiThrows", async () => {
      const declared = await request(test.app.getHttpServer()).get('/api/books/none').expect(404);
      expect(declared.body).toMatchObject({ code: 31010, message: 'no such item', path: '/api/books/none' });
      const undeclared = await request(test.app.getHttpServer()).get('/api/authors/none').expect(500);
      expect(undeclared.body).toMatchObject({ code: 500, status: 500, path: '/api/authors/none' });
      expect(test.logger.of('error').some((entry) => entry.message.includes('UndeclaredBusinessCodeError'))).toBe(true);
    });

    it("keeps the method's own metadata for the app's guard", async () => {
      await request(test.app.getHttpServer()).get('/api/authors/a1').expect(200);
      await request(test.app.getHttpServer()).get('/api/exports').expect(200);
    });
  });
});
