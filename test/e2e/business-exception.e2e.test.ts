import {
  type ArgumentsHost,
  type CallHandler,
  Catch,
  type CanActivate,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  Injectable,
  Module,
  type NestInterceptor,
  NotFoundException,
  Param,
  ParseIntPipe,
  UseFilters,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { catchError, type Observable, throwError } from 'rxjs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessException, defineCodes, ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const LibraryCodes = defineCodes(
  {
    BOOK_NOT_FOUND: {
      code: 30010,
      status: 404,
      message: { 'zh-CN': '图书 {id} 不存在', en: 'book {id} not found' },
    },
    BOOK_ON_LOAN: { code: 30011, status: 409, message: '{title} is on loan until {until}' },
  },
  { name: 'LibraryCodes' },
);

/** What the app's own logging interceptor saw, as most apps log a failure: by its message. */
const seen: string[] = [];

@Injectable()
class ErrorLoggingInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: Error) => {
        seen.push(`${error.name}: ${error.message}`);
        return throwError(() => error);
      }),
    );
  }
}

@Injectable()
class OpenGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

/** An app's own filter for its business failures, answering in its own shape from the exception's message. */
@Catch(BusinessException)
class LegacyBusinessFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(exception: BusinessException, host: ArgumentsHost) {
    const { httpAdapter } = this.adapterHost;
    const body = { legacy: true, text: exception.message, code: exception.definition.code };
    httpAdapter.reply(host.switchToHttp().getResponse(), body, exception.getStatus());
  }
}

abstract class BaseBooksController {
  @Get(':id')
  find(@Param('id', ParseIntPipe) id: number): never {
    throw new BusinessException(LibraryCodes.BOOK_NOT_FOUND, { params: { id }, detail: { id } });
  }
}

@Controller('books')
class BooksController extends BaseBooksController {
  @Get(':id/loan')
  loan(): never {
    throw new BusinessException(LibraryCodes.BOOK_ON_LOAN, { params: { title: 'Dune', until: '2026-12-24' } });
  }

  @Get(':id/plain')
  plain(@Param('id') id: string): never {
    throw new NotFoundException(`book ${id} not found`);
  }
}

@Controller('legacy')
@UseFilters(LegacyBusinessFilter)
class LegacyController extends BaseBooksController {}

const providers = [
  { provide: APP_INTERCEPTOR, useClass: ErrorLoggingInterceptor },
  { provide: APP_GUARD, useClass: OpenGuard },
];

@Module({ imports: [ResponseModule.forRoot()], controllers: [BooksController, LegacyController], providers })
class WithEnvelopeModule {}

@Module({ controllers: [BooksController], providers })
class WithoutEnvelopeModule {}

describe.each(ADAPTERS)('BusinessException.message is its text, on %s', (adapter) => {
  describe('with ResponseModule', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, [WithEnvelopeModule], (app) => app.setGlobalPrefix('api'));
    });
    afterAll(() => t.app.close());

    it('renders the envelope as before, in the request’s locale', async () => {
      seen.length = 0;
      const en = await request(t.app.getHttpServer()).get('/api/books/42').expect(404);
      expect(en.body).toMatchObject({
        code: 30010,
        message: 'book 42 not found',
        status: 404,
        error: 'Not Found',
        path: '/api/books/42',
        detail: { id: 42 },
      });
      const zh = await request(t.app.getHttpServer()).get('/api/books/42').set('Accept-Language', 'zh-CN').expect(404);
      expect(zh.body).toMatchObject({ code: 30010, message: '图书 42 不存在' });
      // the app's interceptor logged the English text both times, whatever the client's locale
      expect(seen).toEqual(['BusinessException: book 42 not found', 'BusinessException: book 42 not found']);
    });

    it('fills every param of a message', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/books/1/loan').expect(409);
      expect(res.body).toMatchObject({ code: 30011, message: 'Dune is on loan until 2026-12-24' });
      expect(seen.at(-1)).toBe('BusinessException: Dune is on loan until 2026-12-24');
    });

    it('gives an app’s own filter the message', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/legacy/7').expect(404);
      expect(res.body).toEqual({ legacy: true, text: 'book 7 not found', code: 30010 });
    });
  });

  describe('without ResponseModule (Nest’s own filter)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, [WithoutEnvelopeModule], (app) => app.setGlobalPrefix('api'));
    });
    afterAll(() => t.app.close());

    it('answers as a Nest exception with the same text would, plus the business code', async () => {
      // The oracle: what Nest itself answers for a NotFoundException with the same text.
      const nest = await request(t.app.getHttpServer()).get('/api/books/42/plain').expect(404);
      expect(nest.body).toEqual({ statusCode: 404, message: 'book 42 not found', error: 'Not Found' });
      const business = await request(t.app.getHttpServer()).get('/api/books/42').expect(404);
      expect(business.body).toEqual({ ...nest.body, code: 30010 });
      const loan = await request(t.app.getHttpServer()).get('/api/books/1/loan').expect(409);
      expect(loan.body).toEqual({
        statusCode: 409,
        message: 'Dune is on loan until 2026-12-24',
        error: 'Conflict',
        code: 30011,
      });
    });
  });
});
