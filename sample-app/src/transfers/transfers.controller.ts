import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { Signed, Unsigned } from 'nest-envelope';
import { CreateTransferDto } from './create-transfer.dto.js';

interface Transfer extends CreateTransferDto {
  id: number;
}

/** Money moves only on signed requests: every handler here checks X-App-Id, X-Timestamp, X-Nonce, X-Signature. */
@Signed()
@Controller('transfers')
export class TransfersController {
  private readonly transfers: Transfer[] = [{ id: 1, to: 'ann', amount: 10, currency: 'EUR' }];

  @Get()
  list(@Query('currency') currency?: string) {
    return currency ? this.transfers.filter((t) => t.currency === currency) : this.transfers;
  }

  @Post()
  create(@Body() dto: CreateTransferDto) {
    const transfer = { id: this.transfers.length + 1, ...dto };
    this.transfers.push(transfer);
    return transfer;
  }

  /** Public: rates may be read without a signature. */
  @Get('rates')
  @Unsigned()
  rates() {
    return { EUR: 1, USD: 1.16, CNY: 8.25 };
  }
}
