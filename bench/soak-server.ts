import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Module, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min, MinLength, ValidateNested } from 'class-validator';
import { BusinessException, ResponseModule, Signed } from 'nest-envelope';

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

class ItemDto {
  @IsString()
  sku!: string;
}

/** A body whose items are validated one by one: the hostile mix sends thousands of them, and deep nesting. */
class CreateBatchDto {
  @IsString()
  name!: string;

  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items!: ItemDto[];
}

/** Secrets under names the redaction list must recognise, with a message that would quote the value. */
class CreateTokenDto {
  @IsString()
  @MinLength(40, { message: '$property $value is too short' })
  access_token!: string;

  @IsOptional()
  @IsString()
  @MinLength(40, { message: '$property $value is too short' })
  clientSecret?: string;
}

@Controller()
class HostileController {
  @Post('batches')
  batch(@Body() dto: CreateBatchDto) {
    return { name: dto.name, items: dto.items.length };
  }

  @Post('tokens')
  token(@Body() dto: CreateTokenDto) {
    return { ok: dto.access_token.length };
  }

  @Get('transfers')
  @Signed()
  transfers(@Query('currency') currency?: string) {
    return { currency: currency ?? 'EUR' };
  }
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

// Every 50th generated request id throws: the module must fall back, never crash or leave a request unanswered.
let generated = 0;
const generate = (): string => {
  if (++generated % 50 === 0) throw new Error('request id generator fault');
  return randomUUID();
};

@Module({
  imports: [
    ResponseModule.forRoot({
      requestId: { generate },
      signing: { secrets: { soak: 'a-long-shared-secret-for-the-soak' } },
    }),
  ],
  controllers: [OrdersController, HostileController],
})
class SoakModule {}

const adapter = process.env.ADAPTER === 'fastify' ? new FastifyAdapter() : undefined;
const app = adapter
  ? await NestFactory.create(SoakModule, adapter, { logger: ['fatal'], rawBody: true })
  : await NestFactory.create(SoakModule, { logger: ['fatal'], rawBody: true });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.stdout.write(`READY ${String(await app.getUrl())}\n`);
