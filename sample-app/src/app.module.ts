import { Module } from '@nestjs/common';
import { ResponseModule } from 'nest-envelope';
import { OrdersController } from './orders/orders.controller.js';
import { OrdersService } from './orders/orders.service.js';
import { HealthController, UsersController } from './users/users.controller.js';

@Module({
  imports: [
    ResponseModule.forRoot({
      timestamp: { format: process.env.TIMESTAMP_FORMAT ?? 'iso', timeZone: process.env.TIMESTAMP_ZONE ?? 'UTC' },
      debug: process.env.DEBUG_ERRORS === '1',
    }),
  ],
  controllers: [OrdersController, UsersController, HealthController],
  providers: [OrdersService],
})
export class AppModule {}
