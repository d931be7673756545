import type { CanActivate, Provider } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { SignatureGuard } from './signature.guard.js';

const PASS: CanActivate = { canActivate: () => true };

/**
 * The global `SignatureGuard` for `signing.global: true`. `forRoot` adds it only then; `forRootAsync` cannot
 * know before the factory runs, so it always adds it, and it is a pass-through without `signing.global`.
 *
 * @example
 * providers: [...(resolved.signing?.global ? [globalSignatureGuard()] : [])]
 */
export function globalSignatureGuard(): Provider {
  return {
    provide: APP_GUARD,
    useFactory: (options: ResolvedResponseOptions, adapterHost: HttpAdapterHost): CanActivate =>
      options.signing?.global ? new SignatureGuard(options, adapterHost) : PASS,
    inject: [RESPONSE_OPTIONS, HttpAdapterHost],
  };
}
