import { execFileSync } from 'node:child_process';
import { Test, TestingModule } from '@nestjs/testing';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { App } from 'supertest/types';
import { BusinessException, CodeRegistry } from 'nest-envelope';
import { applyEnvelopeToDocument } from 'nest-envelope/swagger';
import { AppModule } from './../src/app.module';
import { BookCodes } from './../src/book.codes';

describe('AppController (e2e)', () => {
  let app: INestApplication<App>;

  beforeEach(async () => {
    const moduleFixture: TestingModule = await Test.createTestingModule({
      imports: [AppModule],
    }).compile();

    app = moduleFixture.createNestApplication();
    await app.init();
  });

  it('/ (GET) is wrapped in the envelope', () => {
    return request(app.getHttpServer()).get('/').expect(200).expect({ code: 0, message: 'OK', data: 'Hello World!' });
  });

  it('/books/1 (GET) answers with its @ApiCode', () => {
    return request(app.getHttpServer())
      .get('/books/1')
      .expect(200)
      .expect({ code: 30001, message: 'book', data: { id: 1, title: 'Dream of the Red Chamber' } });
  });

  it('/books/42 (GET) renders the BusinessException with its definition', async () => {
    const res = await request(app.getHttpServer()).get('/books/42').expect(404);
    expect(res.body).toMatchObject({ code: 30010, message: 'book 42 not found', status: 404, path: '/books/42' });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('collects the catalogue in the CodeRegistry and documents the envelope (nest-envelope/swagger)', () => {
    const registry = app.get(CodeRegistry, { strict: false });
    expect(registry.get(30010)).toMatchObject({ name: 'BookCodes.BOOK_NOT_FOUND', status: 404, kind: 'failure' });
    const config = new DocumentBuilder().setTitle('cjs-jest-app').build();
    const document = applyEnvelopeToDocument(SwaggerModule.createDocument(app, config), app);
    expect(JSON.stringify(document.paths['/books/{id}'])).toContain('30010');
  });

  it('a BusinessException thrown in a test is the class the filter renders', () => {
    const error = new BusinessException(BookCodes.BOOK_NOT_FOUND, { params: { id: '7' } });
    expect(error).toBeInstanceOf(BusinessException);
    expect(error.getStatus()).toBe(404);
  });

  // Node itself (not Jest's module system): require() and import give the same classes, the main entry loads no
  // optional peer, and the ES module twin exports the same names.
  it('loads as one implementation from both module systems', () => {
    expect(execFileSync(process.execPath, ['test/module-formats.mjs'], { encoding: 'utf8' })).toContain(
      'module formats: ok',
    );
  });

  afterEach(async () => {
    await app.close();
  });
});
