import { Module, type Type } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrderCodes } from '../../sample-app/src/orders/orders.codes.js';
import { OrdersController } from '../../sample-app/src/orders/orders.controller.js';
import { OrdersService } from '../../sample-app/src/orders/orders.service.js';
import { UserCodes } from '../../sample-app/src/users/users.codes.js';
import { HealthController, UsersController } from '../../sample-app/src/users/users.controller.js';
import { ApiError, isApiError } from '../../src/client/index.js';
import { ResponseModule, type ResponseOptions } from '../../src/index.js';
import { type AdapterName, createTestApp, type TestApp } from '../e2e/harness.js';

/** The sample app's controllers under other options (the sample's own module reads VALIDATION_STYLE once, at import). */
export function sampleWith(options: ResponseOptions): Type {
  @Module({
    imports: [ResponseModule.forRoot({ codes: [OrderCodes, UserCodes], ...options })],
    controllers: [OrdersController, UsersController, HealthController],
    providers: [OrdersService],
  })
  class StyledSampleModule {}
  return StyledSampleModule;
}

/** Boots `module` and listens on a free loopback port, for clients that speak real HTTP (fetch). */
export async function listening(adapter: AdapterName, module: Type): Promise<{ t: TestApp; base: string }> {
  const t = await createTestApp(adapter, [module], undefined, { rawBody: true });
  await t.app.listen(0, '127.0.0.1');
  const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
  return { t, base: `http://127.0.0.1:${port}` };
}

/** The `ApiError` a call rejects with; anything else (a success, another error) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
