import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse } from '@nestjs/swagger';

/**
 * Options of `@ApiEnvelope`.
 *
 * @example
 * const options: ApiEnvelopeOptions = { isArray: true, status: 200, description: 'the orders' };
 */
export interface ApiEnvelopeOptions {
  isArray?: boolean;
  /** Default 200 (the `@ApiCode` status moves it, as at run time). */
  status?: number;
  description?: string;
}

/**
 * Declares the `data` type of an endpoint whose return type Swagger cannot see (no `@ApiOkResponse`, no CLI
 * plugin): a DTO class, an array of them, or a primitive (`String`, `Number`, `Boolean`). It records the bare
 * type; `applyEnvelopeToDocument` wraps it in the envelope of the app's options, which are not known yet when
 * decorators run.
 *
 * @example
 * @Get()
 * @ApiEnvelope(OrderDto, { isArray: true })
 * list() { return this.orders.list(); }
 */
export function ApiEnvelope(type: Type<unknown>, options: ApiEnvelopeOptions = {}): MethodDecorator & ClassDecorator {
  const primitive = type === String || type === Number || type === Boolean;
  return applyDecorators(
    ...(primitive ? [] : [ApiExtraModels(type)]),
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? '',
      type,
      isArray: options.isArray ?? false,
    }),
  );
}
