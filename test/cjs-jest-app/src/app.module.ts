import { Module } from '@nestjs/common';
import { ResponseModule } from 'nest-envelope';
import { AppController } from './app.controller';
import { AppService } from './app.service';
import { BookCodes } from './book.codes';

@Module({
  imports: [ResponseModule.forRoot({ codes: [BookCodes] })],
  controllers: [AppController],
  providers: [AppService],
})
export class AppModule {}
