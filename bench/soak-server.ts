import 'reflect-metadata';
import { Body, Controller, Get, Module, NotFoundException, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { BusinessException, ResponseModule } from 'nest-envelope';

// Process-level faults are what the soak counts; the module's own 5xx logs are expected traffic.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    process.stdout.write(`PROCESS-ERROR ${event} ${String(error)}\n`);
  });
}

const OUT_OF_STOCK = { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } };

class CreateOrderDto {
  @IsString()
  @Length(3, 12)
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

@Controller('orders')
class OrdersController {
  private readonly orders = Array.from({ length: 8 }, (_, i) => ({
    id: 9007199254740993n + BigInt(i),
    sku: `SKU-${i}`,
    lines: [1, 2, 3],
  }));

  @Get(':id')
  find(@Param('id') id: string) {
    const order = this.orders.find((o) => String(o.id) === id);
    if (!order) throw new NotFoundException(`Order ${id} not found`);
    return order;
  }

  @Post()
  create(@Body() dto: CreateOrderDto) {
    if (dto.sku === 'SOLD')
      throw new BusinessException(OUT_OF_STOCK, { params: { sku: dto.sku }, detail: { sku: dto.sku } });
    return { id: 1n, ...dto };
  }

  @Get('crash/now')
  crash(): never {
    throw new Error('simulated fault');
  }
}

@Module({ imports: [ResponseModule.forRoot()], controllers: [OrdersController] })
class SoakModule {}

const adapter = process.env.ADAPTER === 'fastify' ? new FastifyAdapter() : undefined;
const app = adapter
  ? await NestFactory.create(SoakModule, adapter, { logger: ['fatal'] })
  : await NestFactory.create(SoakModule, { logger: ['fatal'] });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.stdout.write(`READY ${String(await app.getUrl())}\n`);
