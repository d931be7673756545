import { randomBytes, createSecretKey, type KeyObject } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BusinessException } from '../codes/business.exception.js';
import type { IncomingRequest } from '../http/request-facts.reader.js';
import { LOGGER_CONTEXT, RESPONSE_OPTIONS } from '../options/options.constants.js';
import { SIGNATURE_PROPERTY } from './signing.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { canonicalRequest, splitRequestTarget } from './canonical-request.js';
import type { ResolvedSigningOptions } from '../options/resolved-options.interface.js';
import { SignedRoutePolicy } from './signed-route.policy.js';
import { readSigningHeaders, type SigningHeaders } from './signing-headers.js';
import { constantTimeEqual, decodeSignature, hmacSha256, sha256Hex } from './signing-crypto.js';
import { SigningCodes } from '../codes/signing.codes.js';
import { SigningSetupError } from './signing-setup.error.js';
import { isWithinWindow, nonceTtlSeconds } from './timestamp-window.js';

/** Who signed a verified request: kept on the request for the response signature. */
export interface VerifiedSigner {
  readonly appId: string;
  readonly nonce: string;
  readonly key: KeyObject;
}

/** A request as the guard reads it, on Express and Fastify alike. */
export type SignableRequest = IncomingRequest & { rawBody?: unknown; [SIGNATURE_PROPERTY]?: VerifiedSigner };

function hasBody(headers: IncomingRequest['headers']): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

/**
 * Verifies signed requests, in this order: signing headers present and well-formed (400), app id known and
 * signature valid (401 `SIGN_ERROR`), timestamp inside the window (401), nonce not seen (409). Only a request
 * whose signature is valid may claim a nonce, so forged requests cannot burn the nonces of real ones.
 * Attached by `@Signed()`, and globally by `ResponseModule` for `signing.global: true`.
 */
@Injectable()
export class SignatureGuard implements CanActivate {
  private readonly logger = new Logger(LOGGER_CONTEXT);
  private readonly signing: ResolvedSigningOptions;
  private readonly policy: SignedRoutePolicy;
  // Unknown app ids are checked against this key, so they cost what a known one costs.
  private readonly decoyKey = createSecretKey(randomBytes(32));

  constructor(
    @Inject(RESPONSE_OPTIONS) options: ResolvedResponseOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    if (options.signing === undefined) {
      throw new SigningSetupError(
        '@Signed() is used, but ResponseModule has no `signing` options: add signing: { secrets: { … } }',
      );
    }
    this.signing = options.signing;
    this.policy = new SignedRoutePolicy(options.signing.global);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<SignableRequest>();
    // The global guard and a route's @Signed() guard may both run: verify (and claim the nonce) once.
    if (request[SIGNATURE_PROPERTY] !== undefined) return true;
    if (!this.policy.requiresSignature(context.getHandler(), context.getClass())) return true;
    return this.verify(request);
  }

  private async verify(request: SignableRequest): Promise<boolean> {
    const signed = readSigningHeaders(request.headers, this.signing.headers);
    if ('problem' in signed) {
      const definition =
        signed.problem === 'missing' ? SigningCodes.SIGN_HEADER_MISSING : SigningCodes.SIGN_HEADER_INVALID;
      throw new BusinessException(definition, {
        params: { header: signed.header },
        detail: { header: signed.header, expected: signed.expected },
      });
    }
    const key = this.checkSignature(request, signed);
    request[SIGNATURE_PROPERTY] = { appId: signed.appId, nonce: signed.nonce, key };

    const window = this.signing.window;
    const now = Math.floor(Date.now() / 1000);
    if (!isWithinWindow(signed.timestampSeconds, now, window)) {
      throw new BusinessException(SigningCodes.SIGN_TIMESTAMP_OUT_OF_WINDOW, {
        params: { window },
        detail: { serverTime: now, window },
      });
    }
    if (!(await this.claimNonce(signed, nonceTtlSeconds(signed.timestampSeconds, now, window)))) {
      throw new BusinessException(SigningCodes.SIGN_NONCE_USED);
    }
    return true;
  }

  /** The app's key when the signature is valid; a 401 `SIGN_ERROR` otherwise, the same for unknown apps. */
  private checkSignature(request: SignableRequest, signed: SigningHeaders): KeyObject {
    const adapter = this.adapterHost.httpAdapter;
    const { path, query } = splitRequestTarget(String(adapter.getRequestUrl(request) ?? ''));
    const canonical = canonicalRequest({
      method: String(adapter.getRequestMethod(request) ?? ''),
      path,
      query,
      timestamp: signed.timestamp,
      nonce: signed.nonce,
      bodySha256: sha256Hex(this.rawBody(request, path)),
    });
    const key = this.signing.secrets.get(signed.appId);
    const expected = hmacSha256(key ?? this.decoyKey, canonical);
    if (!constantTimeEqual(expected, decodeSignature(signed.signature)) || key === undefined) {
      throw new BusinessException(SigningCodes.SIGN_ERROR);
    }
    return key;
  }

  /** The signed bytes. A body without `req.rawBody` is never treated as empty: that would sign something else. */
  private rawBody(request: SignableRequest, path: string): Uint8Array | undefined {
    const raw = request.rawBody;
    if (raw instanceof Uint8Array) return raw;
    if (!hasBody(request.headers)) return undefined;
    throw new SigningSetupError(
      `a signed request to ${path} has a body but no req.rawBody: create the app with ` +
        'NestFactory.create(AppModule, { rawBody: true }) (Express and Fastify); a content type other than ' +
        'JSON or URL-encoded also needs app.useBodyParser(type)',
    );
  }

  private async claimNonce(signed: SigningHeaders, ttlSeconds: number): Promise<boolean> {
    try {
      // App ids and nonces are visible ASCII, so the space cannot be part of either: keys never collide.
      return (await this.signing.nonceStore.claim(`${signed.appId} ${signed.nonce}`, ttlSeconds)) === true;
    } catch (error) {
      this.logger.error(
        `nonce store failed; the signed request is refused (503)`,
        error instanceof Error ? error.stack : String(error),
      );
      throw new BusinessException(SigningCodes.SIGN_NONCE_STORE_UNAVAILABLE, { cause: error });
    }
  }
}
