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
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiCode, ApiThrows } from 'nest-envelope';
import { ApiEnvelope } from 'nest-envelope/swagger';
import { interval, map, type Observable, take } from 'rxjs';
import { CreateOrderDto } from './create-order.dto.js';
import { OrderDto } from './order.dto.js';
import { OrderCodes } from './orders.codes.js';
import { OrdersService } from './orders.service.js';

function parseId(id: string): bigint {
  return /^\d{1,19}$/.test(id) ? BigInt(id) : -1n;
}

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @ApiCode(OrderCodes.ORDERS_LISTED)
  @ApiOkResponse({ type: OrderDto, isArray: true }) // Swagger's own decorator: the envelope is added around it
  list() {
    return this.orders.list();
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'a CSV file, not wrapped', content: { 'text/csv': { schema: { type: 'string' } } } })
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
  @ApiOkResponse({ description: 'server-sent events, not wrapped', content: { 'text/event-stream': {} } })
  events(): Observable<MessageEvent> {
    return interval(500).pipe(
      take(3),
      map((n) => ({ data: { tick: n, open: this.orders.list().filter((o) => o.status === 'open').length } })),
    );
  }

  @Get(':id')
  @ApiCode(OrderCodes.ORDER_FOUND)
  @ApiEnvelope(OrderDto) // the library's decorator, same result
  @ApiThrows(OrderCodes.ORDER_NOT_FOUND)
  find(@Param('id') id: string) {
    return this.orders.find(parseId(id));
  }

  @Post()
  @ApiCode(OrderCodes.ORDER_CREATED)
  @ApiCreatedResponse({ type: OrderDto })
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
