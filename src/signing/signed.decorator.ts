import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { SIGNED_METADATA } from './signing.constants.js';
import { SignatureGuard } from './signature.guard.js';

/**
 * Requests to this handler, or to every handler of this controller, must be signed (`X-App-Id`, `X-Timestamp`,
 * `X-Nonce`, `X-Signature`; see docs/signing.md for the canonical string). Needs `signing` in `ResponseModule.forRoot()`
 * (start-up fails without it) and the app created with `{ rawBody: true }`.
 *
 * @example
 * @Signed()
 * @Controller('transfers')
 * export class TransfersController {}
 */
export const Signed = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(SIGNED_METADATA, true), UseGuards(SignatureGuard));

/**
 * Opts a handler (or a controller, under `signing.global: true`) out of signing.
 *
 * @example
 * @Get('health')
 * @Unsigned()
 * health() { return { status: 'up' }; }
 */
export const Unsigned = (): ClassDecorator & MethodDecorator => SetMetadata(SIGNED_METADATA, false);
