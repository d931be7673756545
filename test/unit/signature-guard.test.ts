import 'reflect-metadata';
import { type CanActivate, Logger, type Provider } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signRequest } from '../../src/client/index.js';
import { BusinessException, type SigningOptions, SigningSetupError } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { globalSignatureGuard } from '../../src/signing/signature-guard.provider.js';
import { SignatureGuard } from '../../src/signing/signature.guard.js';
import { SECRETS, SignedController } from '../fixtures/signing.app.js';

/** Just what the guard reads of the HTTP adapter. */
const adapterHost = {
  httpAdapter: {
    getRequestUrl: (request: { url: string }) => request.url,
    getRequestMethod: (request: { method: string }) => request.method,
  },
} as unknown as HttpAdapterHost;

function guard(signing: SigningOptions): SignatureGuard {
  return new SignatureGuard(resolveResponseOptions({ signing }), adapterHost);
}

/** A context for the fixture's @Signed() `SignedController.items`. */
function contextOf(type: string, request: object = { headers: {} }): ExecutionContextHost {
  const context = new ExecutionContextHost([request, {}], SignedController, SignedController.prototype.items);
  context.setType(type);
  return context;
}

describe('SignatureGuard', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['rpc', 'ws', 'graphql'])('lets %s contexts through on a @Signed() controller', (type) => {
    expect(guard({ secrets: SECRETS, global: true }).canActivate(contextOf(type))).toBe(true);
  });

  it.each([
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a store may reject with anything
    ['rejects with something that is not an Error', () => Promise.reject('down'), 'down'],
    [
      'throws instead of rejecting',
      () => {
        throw new Error('sync failure');
      },
      'sync failure',
    ],
    ['never settles', () => new Promise<boolean>(() => {}), 'did not answer within 50 ms'],
  ])(
    'refuses with 503, the cause attached and nothing logged by itself, when the store %s',
    async (_what, claim, cause) => {
      const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => {});
      const signed = await signRequest({ appId: 'app1', secret: SECRETS.app1, method: 'GET', url: '/signed/items' });
      const request = { method: 'GET', url: '/signed/items', headers: lower(signed.headers) };
      const store = { claim: claim };
      const verdict = guard({ secrets: SECRETS, nonceStore: store, nonceStoreTimeout: 50 }).canActivate(
        contextOf('http', request),
      );
      await expect(verdict).rejects.toBeInstanceOf(BusinessException);
      const refusal = (await (verdict as Promise<boolean>).catch((error: unknown) => error)) as BusinessException;
      expect(refusal.definition.code).toBe('SIGN_NONCE_STORE_UNAVAILABLE');
      expect(String((refusal.cause as Error).message)).toContain(cause);
      expect(logged).not.toHaveBeenCalled(); // the filter's 5xx line is the one log entry
    },
  );

  it('cannot be created without signing options', () => {
    expect(() => new SignatureGuard(resolveResponseOptions({}), adapterHost)).toThrow(SigningSetupError);
  });
});

describe('globalSignatureGuard', () => {
  const factoryOf = (provider: Provider) =>
    (provider as { useFactory: (options: unknown, host: HttpAdapterHost) => CanActivate }).useFactory;

  it('is the signature guard under signing.global, else a pass-through', () => {
    const create = factoryOf(globalSignatureGuard());
    expect(create(resolveResponseOptions({ signing: { secrets: SECRETS, global: true } }), adapterHost)).toBeInstanceOf(
      SignatureGuard,
    );
    const pass = create(resolveResponseOptions({ signing: { secrets: SECRETS } }), adapterHost);
    expect(pass).not.toBeInstanceOf(SignatureGuard);
    expect(pass.canActivate(contextOf('http'))).toBe(true);
    expect(create(resolveResponseOptions(), adapterHost).canActivate(contextOf('http'))).toBe(true);
  });
});

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
