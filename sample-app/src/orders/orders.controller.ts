import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  type MessageEvent,
  Param,
  Post,
  Sse,
  StreamableFile,
} from '@nestjs/common';
import { ApiCode, ApiThrows } from 'nest-envelope';
import { interval, map, type Observable, take } from 'rxjs';
import { CreateOrderDto } from './create-order.dto.js';
import { OrderCodes } from './orders.codes.js';
import { OrdersService } from './orders.service.js';

function parseId(id: string): bigint {
  return /^\d{1,19}$/.test(id) ? BigInt(id) : -1n;
}

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @ApiCode(OrderCodes.ORDERS_LISTED)
  list() {
    return this.orders.list();
  }

  @Get('export.csv')
  export(): StreamableFile {
    const lines = [
      'id,sku,quantity,status',
      ...this.orders.list().map((o) => `${o.id},${o.sku},${o.quantity},${o.status}`),
    ];
    return new StreamableFile(Buffer.from(lines.join('\n') + '\n'), {
      type: 'text/csv',
      disposition: 'attachment; filename="orders.csv"',
    });
  }

  @Sse('events')
  events(): Observable<MessageEvent> {
    return interval(500).pipe(
      take(3),
      map((n) => ({ data: { tick: n, open: this.orders.list().filter((o) => o.status === 'open').length } })),
    );
  }

  @Get(':id')
  @ApiCode(OrderCodes.ORDER_FOUND)
  @ApiThrows(OrderCodes.ORDER_NOT_FOUND)
  find(@Param('id') id: string) {
    return this.orders.find(parseId(id));
  }

  @Post()
  @ApiCode(OrderCodes.ORDER_CREATED)
  @ApiThrows(OrderCodes.OUT_OF_STOCK)
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto.sku, dto.quantity);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiThrows(OrderCodes.ORDER_NOT_FOUND, OrderCodes.ORDER_LOCKED)
  cancel(@Param('id') id: string): void {
    this.orders.cancel(parseId(id));
  }
}
