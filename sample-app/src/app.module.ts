import { Module } from '@nestjs/common';
import { ResponseModule, type ResponseOptions } from 'nest-envelope';
import { OrderCodes } from './orders/orders.codes.js';
import { OrdersController } from './orders/orders.controller.js';
import { OrdersService } from './orders/orders.service.js';
import { SAMPLE_APP_ID, sampleSecret } from './transfers/signed-curl.js';
import { TransfersController } from './transfers/transfers.controller.js';
import { HealthController, UsersController } from './users/users.controller.js';
import { UserCodes } from './users/users.codes.js';

/** VALIDATION_STYLE=wechat (default) | spring | problem switches how failures render. */
function styleOptions(style = process.env.VALIDATION_STYLE): ResponseOptions {
  if (style === 'spring') return { validation: { style: 'spring' } };
  if (style === 'problem') return { format: 'problem+json', validation: { status: 422 } };
  return { statusCodes: { 400: 'PARAM_ERROR', 404: 'RESOURCE_NOT_EXISTS', 500: 'SYSTEM_ERROR' } };
}

@Module({
  imports: [
    ResponseModule.forRoot({
      ...styleOptions(),
      timestamp: { format: process.env.TIMESTAMP_FORMAT ?? 'iso', timeZone: process.env.TIMESTAMP_ZONE ?? 'UTC' },
      debug: process.env.DEBUG_ERRORS === '1',
      html: true, // a browser opening an API URL gets a small HTML error page; API clients still get JSON
      codes: [OrderCodes, UserCodes],
      codeRule: 'api-number-kind', // 5 digits: API number + 00–09 success / 10–99 failure, checked at start-up
      strictThrows: process.env.NODE_ENV === 'production' ? 'off' : 'log', // undeclared business errors are logged
      signing: { secrets: { [SAMPLE_APP_ID]: sampleSecret() }, signResponses: true },
    }),
  ],
  controllers: [OrdersController, UsersController, HealthController, TransfersController],
  providers: [OrdersService],
})
export class AppModule {}
