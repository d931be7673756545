import {
  type ArgumentsHost,
  Catch,
  type CallHandler,
  type CanActivate,
  ClassSerializerInterceptor,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  HttpStatus,
  ImATeapotException,
  Injectable,
  Module,
  type NestInterceptor,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { Exclude } from 'class-transformer';
import { map, type Observable } from 'rxjs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiThrows, BusinessException, ResponseInterceptor, ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const DECLARED = { code: 'DECLARED', status: 409, message: 'declared' };
const UNDECLARED = { code: 'UNDECLARED', status: 409, message: 'undeclared' };

class UserView {
  name = 'ann';
  @Exclude() password = 'hunter2';
}

@Injectable()
class StampInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(map((data: unknown) => (typeof data === 'object' && data !== null ? { ...data, stamped: true } : data)));
  }
}

@Injectable()
class UndeclaredGuard implements CanActivate {
  canActivate(): boolean {
    throw new BusinessException(UNDECLARED);
  }
}

@Catch(ImATeapotException)
class TeapotFilter implements ExceptionFilter {
  constructor(private readonly host: HttpAdapterHost) {}
  catch(_exception: ImATeapotException, context: ArgumentsHost): void {
    this.host.httpAdapter.reply(context.switchToHttp().getResponse(), { teapot: true }, HttpStatus.I_AM_A_TEAPOT);
  }
}

@Controller('path')
@ApiThrows(DECLARED)
class PathController {
  @Get('plain')
  plain() {
    return { id: 1 };
  }

  @Get('serialized')
  @UseInterceptors(ClassSerializerInterceptor)
  serialized() {
    return new UserView();
  }

  @Get('explicit')
  @UseInterceptors(ResponseInterceptor)
  explicit() {
    return { explicit: true };
  }

  @Get('teapot')
  @UseFilters(TeapotFilter)
  teapot(): never {
    throw new ImATeapotException();
  }

  @Get('guarded')
  @UseGuards(UndeclaredGuard)
  guarded() {
    return { never: true };
  }

  @Get('declared')
  declared(): never {
    throw new BusinessException(DECLARED);
  }
}

@Module({
  imports: [ResponseModule.forRoot({ strictThrows: 'log' })],
  controllers: [PathController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: StampInterceptor }],
})
class PathAppModule {}

describe.each(ADAPTERS)('the adapter-level success path on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [PathAppModule]);
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it("wraps after the app's own global interceptors: they see the handler's result, not the envelope", async () => {
    expect((await http().get('/path/plain').expect(200)).body).toEqual({
      code: 0,
      message: 'OK',
      data: { id: 1, stamped: true },
    });
  });

  it("wraps after ClassSerializerInterceptor: @Exclude'd members never reach the body", async () => {
    const res = await http().get('/path/serialized').expect(200);
    expect(res.body).toEqual({ code: 0, message: 'OK', data: { name: 'ann', stamped: true } });
    expect(res.text).not.toContain('hunter2');
  });

  it('never wraps twice when a route also uses ResponseInterceptor', async () => {
    expect((await http().get('/path/explicit').expect(200)).body).toEqual({
      code: 0,
      message: 'OK',
      data: { explicit: true },
    });
  });

  it("leaves a body the app's own exception filter writes alone", async () => {
    expect((await http().get('/path/teapot').expect(418)).body).toEqual({ teapot: true });
  });

  it('checks @ApiThrows also for business failures raised by guards (strictThrows: log)', async () => {
    const before = t.logger.of('warn').length;
    const res = await http().get('/path/guarded').expect(409);
    expect(res.body.code).toBe('UNDECLARED');
    const warnings = t.logger.of('warn').slice(before);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('contract violation: GET /path/guarded');
    await http().get('/path/declared').expect(409);
    expect(t.logger.of('warn').length - before).toBe(1); // a declared code is no violation
  });
});
