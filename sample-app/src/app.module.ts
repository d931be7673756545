import { Module } from '@nestjs/common';
import { ResponseModule } from 'nest-envelope';
import { OrderCodes } from './orders/orders.codes.js';
import { OrdersController } from './orders/orders.controller.js';
import { OrdersService } from './orders/orders.service.js';
import { HealthController, UsersController } from './users/users.controller.js';
import { UserCodes } from './users/users.codes.js';

@Module({
  imports: [
    ResponseModule.forRoot({
      timestamp: { format: process.env.TIMESTAMP_FORMAT ?? 'iso', timeZone: process.env.TIMESTAMP_ZONE ?? 'UTC' },
      debug: process.env.DEBUG_ERRORS === '1',
      codes: [OrderCodes, UserCodes],
      codeRule: 'seed-004', // 5 digits: API number + 00–09 success / 10–99 failure, checked at start-up
      strictThrows: process.env.NODE_ENV === 'production' ? 'off' : 'log', // undeclared business errors are logged
    }),
  ],
  controllers: [OrdersController, UsersController, HealthController],
  providers: [OrdersService],
})
export class AppModule {}
