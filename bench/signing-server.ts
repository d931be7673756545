import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { MemoryNonceStore, ResponseModule, Signed } from 'nest-envelope';

/** The signing benchmark's server: the same handler behind a signed and an unsigned route. */
export const BENCH_APP_ID = 'bench';
export const BENCH_SECRET = 'bench-secret-0123456789abcdef';

const ORDER = { id: 7, number: 'SO-2026-000007', items: [{ sku: 'TEA-1', qty: 2 }], totals: { grand: 12730 } };

@Controller('plain')
class PlainController {
  @Get('order')
  order() {
    return ORDER;
  }
}

@Controller('signed')
@Signed()
class SignedController {
  @Get('order')
  order() {
    return ORDER;
  }
}

@Module({
  imports: [
    ResponseModule.forRoot({
      signing: {
        secrets: { [BENCH_APP_ID]: BENCH_SECRET },
        window: 300,
        // every request of the run has its own nonce: room for all of them
        nonceStore: new MemoryNonceStore({ maxEntries: 5_000_000 }),
      },
    }),
  ],
  controllers: [PlainController, SignedController],
})
class SigningBenchModule {}

if (process.env.SIGNING_SERVER === '1') {
  const options = { logger: ['fatal' as const], rawBody: true };
  const app =
    process.env.ADAPTER === 'fastify'
      ? await NestFactory.create(SigningBenchModule, new FastifyAdapter(), options)
      : await NestFactory.create(SigningBenchModule, options);
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`READY ${String(await app.getUrl())}\n`);
}
