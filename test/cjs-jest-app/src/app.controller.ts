import { Controller, Get, Param } from '@nestjs/common';
import { ApiCode, ApiThrows, BusinessException } from 'nest-envelope';
import { AppService } from './app.service';
import { BookCodes } from './book.codes';

@Controller()
export class AppController {
  constructor(private readonly appService: AppService) {}

  @Get()
  getHello(): string {
    return this.appService.getHello();
  }

  @Get('books/:id')
  @ApiCode(BookCodes.BOOK_FOUND)
  @ApiThrows(BookCodes.BOOK_NOT_FOUND)
  findBook(@Param('id') id: string) {
    if (id !== '1') throw new BusinessException(BookCodes.BOOK_NOT_FOUND, { params: { id } });
    return { id: 1, title: 'Dream of the Red Chamber' };
  }
}
