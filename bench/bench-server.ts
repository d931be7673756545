import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Session } from 'node:inspector';
import {
  type ArgumentsHost,
  Body,
  type CallHandler,
  Catch,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  HttpException,
  Injectable,
  Module,
  type NestInterceptor,
  NotFoundException,
  Post,
  ValidationPipe,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, HttpAdapterHost, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { map, type Observable } from 'rxjs';
import { ResponseModule, type ResponseOptions } from 'nest-envelope';

/** One server process of the benchmark: `VARIANT` (bare | bare-again | minimal | module | module-spring) on `ADAPTER`. */
const variant = process.env.VARIANT ?? 'bare';
const adapterName = process.env.ADAPTER ?? 'express';

/** A ~600-byte JSON answer. */
const ORDER = {
  id: 7,
  number: 'SO-2026-000007',
  status: 'paid',
  customer: { id: 42, name: 'Ann Example', email: 'ann@example.com', tier: 'gold' },
  items: [
    { sku: 'TEA-1', name: 'Green tea 100 g', qty: 2, unitPrice: 1290 },
    { sku: 'CUP-2', name: 'Porcelain cup', qty: 1, unitPrice: 2450 },
    { sku: 'POT-3', name: 'Cast iron teapot', qty: 1, unitPrice: 6900 },
  ],
  shipping: { city: 'Hangzhou', country: 'CN', method: 'express', fee: 800 },
  totals: { items: 11930, shipping: 800, tax: 0, grand: 12730, currency: 'CNY' },
  createdAt: '2026-11-22T08:00:00.000Z',
};

class CreateOrderDto {
  @IsEmail() email!: string;
  @IsString() @Length(3, 12) sku!: string;
  @IsInt() @Min(1) @Max(10) qty!: number;
  @IsIn(['CNY', 'USD']) currency!: string;
  @IsString() @Length(2, 40) city!: string;
  @IsIn(['CN', 'US', 'DE']) country!: string;
}

class LineDto {
  @IsString() @Length(3, 12) sku!: string;
  @IsInt() @Min(1) qty!: number;
}

/** Many lines, each invalid: a large body reaches `validation.maxViolations` (100) where a small one does not. */
class LinesDto {
  @IsArray() @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
}

@Controller('bench')
class BenchController {
  @Get('order')
  order() {
    return ORDER;
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundException('Order 404 not found');
  }

  @Post('orders')
  create(@Body() dto: CreateOrderDto) {
    return dto;
  }

  @Post('lines')
  lines(@Body() dto: LinesDto) {
    return dto;
  }

  @Get('big')
  big() {
    // Without the module a team converts int64 ids by hand (bare Nest throws on a bigint); with it, bigints go as they are.
    if (!(variant in moduleOptions)) return { id: '9007199254740993', parent: '9007199254740994', name: 'int64' };
    return { id: 9007199254740993n, parent: 9007199254740994n, name: 'int64' };
  }
}

/** The floor of an interceptor design: what a team writes by hand in ten lines. */
@Injectable()
class MinimalEnvelopeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((data: unknown) => ({ code: 0, message: 'OK', data })));
  }
}

@Catch()
class MinimalEnvelopeFilter implements ExceptionFilter {
  constructor(private readonly host: HttpAdapterHost) {}

  catch(exception: unknown, context: ArgumentsHost): void {
    const adapter = this.host.httpAdapter;
    const request: unknown = context.switchToHttp().getRequest();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const message = exception instanceof HttpException ? exception.message : 'Internal server error';
    const body = {
      code: status,
      message,
      path: String(adapter.getRequestUrl(request)),
      timestamp: new Date().toISOString(),
    };
    adapter.reply(context.switchToHttp().getResponse(), body, status);
  }
}

const moduleOptions: Record<string, ResponseOptions> = {
  module: {},
  'module-spring': {
    validation: { style: 'spring' },
    timestamp: { format: 'YYYY-MM-DD HH:mm:ss', timeZone: 'Asia/Shanghai' },
  },
};

@Module({})
class BenchModule {}

// PROFILE_FILE (set by bench/profile.ts): SIGUSR2 starts a CPU profile once the warm-up is over, SIGTERM writes it,
// so the profile holds the measured load only. Otherwise SIGTERM exits cleanly (`node --cpu-prof` works too).
const profileFile = process.env.PROFILE_FILE;
const profiler = profileFile ? new Session() : undefined;
profiler?.connect();
process.on('SIGUSR2', () => {
  profiler?.post('Profiler.enable', () =>
    profiler.post('Profiler.setSamplingInterval', { interval: 100 }, () => profiler.post('Profiler.start')),
  );
});
process.on('SIGTERM', () => {
  if (!profiler || !profileFile) process.exit(0);
  profiler.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
    process.exit(0);
  });
});

async function main(): Promise<void> {
  const base = { module: BenchModule, controllers: [BenchController] };
  const dynamic =
    variant === 'minimal'
      ? {
          ...base,
          providers: [
            { provide: APP_INTERCEPTOR, useClass: MinimalEnvelopeInterceptor },
            { provide: APP_FILTER, useClass: MinimalEnvelopeFilter },
          ],
        }
      : variant in moduleOptions
        ? { ...base, imports: [ResponseModule.forRoot(moduleOptions[variant])] }
        : base;
  const app =
    adapterName === 'fastify'
      ? await NestFactory.create(dynamic, new FastifyAdapter(), { logger: ['fatal'] })
      : await NestFactory.create(dynamic, { logger: ['fatal'] });
  // Without the module, Nest's own ValidationPipe does the validation work, so every variant validates.
  if (!(variant in moduleOptions)) app.useGlobalPipes(new ValidationPipe());
  // The request id header alone, set by wrapping the server's one request listener (a second listener would put
  // Node's emitter on its slower many-listener path and measure that instead).
  if (variant === 'bare-id') {
    const server = app.getHttpServer() as Server;
    const [listener] = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeListener('request', listener);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      response.setHeader('x-request-id', randomUUID());
      listener(request, response);
    });
  }
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.stdout.write(`READY ${String(await app.getUrl())}\n`);
}

await main();
