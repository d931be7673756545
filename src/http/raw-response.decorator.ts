import { SetMetadata } from '@nestjs/common';
import { RAW_RESPONSE_METADATA } from './http.constants.js';

/**
 * Opts a handler, or every handler of a controller, out of the success envelope: its result is sent as it is.
 * Failures are still rendered by the exception filter.
 *
 * @example
 * @Get('health')
 * @RawResponse()
 * health() { return { status: 'up' }; }
 */
export const RawResponse = (): ClassDecorator & MethodDecorator => SetMetadata(RAW_RESPONSE_METADATA, true);
