import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Body, Controller, Get, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { ResponseModule, type ResponseOptions } from 'nest-envelope';

// The server of `bench/hostile-bodies.ts`: an app of the shape (a global prefix, nested DTO items), with the
// module's pipe or the app's own global ValidationPipe (PIPE=own), and the module's limits (LIMITS=off: 10⁹ each;
// MAX_NODES: validation.maxNodes, else the default).
class LineDto {
  @IsString() name!: string;
}

class OrderDto {
  @IsString() name!: string;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => LineDto) items?: LineDto[];
}

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
let cpu = process.cpuUsage();

@Controller()
class BenchController {
  @Post('orders')
  order(@Body() order: OrderDto) {
    return { items: order.items?.length ?? 0 };
  }

  @Get('ping')
  ping() {
    return 'pong';
  }

  /** Since the last call: the event loop's longest delay and this process's CPU time (user + system); its memory. */
  @Get('stats')
  stats() {
    const maxDelayMs = delay.max / 1e6;
    delay.reset();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    return { maxDelayMs, cpuMs: (used.user + used.system) / 1000, rssMiB: process.memoryUsage().rss / 2 ** 20 };
  }
}

const off = process.env.LIMITS === 'off';
const options: ResponseOptions = {
  validation: {
    ...(off ? { maxDepth: 1e9, maxNodes: 1e9 } : {}),
    ...(!off && process.env.MAX_NODES ? { maxNodes: Number(process.env.MAX_NODES) } : {}),
    ...(process.env.SLOW_PATTERN ? { alsoRedact: [/.*secret/i] } : {}),
  },
};

@Module({ imports: [ResponseModule.forRoot(options)], controllers: [BenchController] })
class HostileModule {}

const limit = 1024 * 1024;
const app =
  process.env.ADAPTER === 'fastify'
    ? await NestFactory.create(HostileModule, new FastifyAdapter({ bodyLimit: limit }), { logger: ['fatal'] })
    : await NestFactory.create<NestExpressApplication>(HostileModule, { logger: ['fatal'], bodyParser: false });
if (process.env.ADAPTER !== 'fastify') (app as NestExpressApplication).useBodyParser('json', { limit });
app.setGlobalPrefix('api');
if (process.env.PIPE === 'own') app.useGlobalPipes(new ValidationPipe());
await app.listen(0, '127.0.0.1');
process.stdout.write(`READY ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
