import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { SigningSetupError } from './signing-setup.error.js';

type ParserRegistration = (prefix?: string, rawBody?: boolean) => unknown;

/**
 * Finds a missing `{ rawBody: true }` at start-up. Nest keeps its application options to itself, but hands
 * `rawBody` to the adapter's `registerParserMiddleware` in `app.init()`, before any module's `configure`. Under
 * `NestFactory.create` the adapter exists when this provider is built, so the call is observed; under
 * `Test.createTestingModule` (the adapter comes later) and with `bodyParser: false` it cannot be known, and a signed
 * request with a JSON or URL-encoded body but no `req.rawBody` answers 500 with the same `SigningSetupError`.
 *
 * @example
 * rawBodyCheck.assertReady(); // in ResponseModule.configure: throws SigningSetupError when rawBody is off
 */
@Injectable()
export class RawBodyCheck {
  private rawBody: boolean | undefined;

  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    adapterHost: HttpAdapterHost,
  ) {
    const adapter = adapterHost.httpAdapter as unknown as { registerParserMiddleware?: ParserRegistration } | undefined;
    const register = adapter?.registerParserMiddleware;
    if (adapter === undefined || typeof register !== 'function') return;
    adapter.registerParserMiddleware = (prefix?: string, rawBody?: boolean) => {
      this.rawBody ??= rawBody === true;
      return register.call(adapter, prefix, rawBody);
    };
  }

  /**
   * @example
   * rawBodyCheck.assertReady();
   */
  assertReady(): void {
    if (this.options.signing === undefined || this.rawBody !== false) return;
    throw new SigningSetupError(
      'signed requests are verified over the body bytes as sent, but the app was created without rawBody: ' +
        'create it with NestFactory.create(AppModule, { rawBody: true }) (or NestFactory.create(AppModule, ' +
        'new FastifyAdapter(), { rawBody: true }))',
    );
  }
}
