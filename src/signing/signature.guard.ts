import { randomBytes, createSecretKey, type KeyObject } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BusinessException } from '../codes/business.exception.js';
import type { IncomingRequest } from '../http/request-facts.reader.js';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import { SIGNATURE_PROPERTY } from './signing.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { canonicalRequest, canonicalRequestV1, splitRequestTarget } from './canonical-request.js';
import type { ResolvedSigningOptions } from '../options/resolved-options.interface.js';
import { claimWithin } from './nonce-claim.js';
import { requestTargetProblem } from './request-target.js';
import { SignedRoutePolicy } from './signed-route.policy.js';
import { signedBodyBytes } from './signed-body.js';
import { readSigningHeaders, type SigningHeaders } from './signing-headers.js';
import { constantTimeEqual, decodeSignature, hmacSha256, sha256Hex } from './signing-crypto.js';
import { SigningCodes } from '../codes/signing.codes.js';
import { SigningSetupError } from './signing-setup.error.js';
import { isWithinWindow, nonceTtlSeconds } from './timestamp-window.js';

/** Who signed a verified request whose nonce it claimed: kept on the request for the response signature. */
export interface VerifiedSigner {
  readonly appId: string;
  readonly nonce: string;
  readonly key: KeyObject;
}

/** A request as the guard reads it, on Express and Fastify alike. */
export type SignableRequest = IncomingRequest & { rawBody?: unknown; [SIGNATURE_PROPERTY]?: VerifiedSigner };

/**
 * Verifies signed requests, in this order: request target signable (400), signing headers present and well-formed
 * (400), body readable (415), app id known and signature valid (401 `SIGN_ERROR`), timestamp inside the window
 * (401), nonce not seen (409). Only a request whose signature is valid may claim a nonce, so forged requests cannot
 * burn the nonces of real ones; only the request that claimed it gets signed answers.
 * Attached by `@Signed()`, and globally by `ResponseModule` for `signing.global: true`.
 */
@Injectable()
export class SignatureGuard implements CanActivate {
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
    const adapter = this.adapterHost.httpAdapter;
    const target = String(adapter.getRequestUrl(request) ?? '');
    const problem = requestTargetProblem(target);
    if (problem !== undefined) {
      throw new BusinessException(SigningCodes.SIGN_TARGET_INVALID, { detail: { reason: `the target ${problem}` } });
    }
    const signed = readSigningHeaders(request.headers, this.signing.headers);
    if ('problem' in signed) {
      const definition =
        signed.problem === 'missing' ? SigningCodes.SIGN_HEADER_MISSING : SigningCodes.SIGN_HEADER_INVALID;
      throw new BusinessException(definition, {
        params: { header: signed.header },
        detail: { header: signed.header, expected: signed.expected },
      });
    }
    const key = this.checkSignature(request, target, String(adapter.getRequestMethod(request) ?? ''), signed);

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
    // Only now may answers be signed for this nonce: a replay, a stale or forged copy never gets one.
    request[SIGNATURE_PROPERTY] = { appId: signed.appId, nonce: signed.nonce, key };
    return true;
  }

  /** The app's key when the signature is valid; a 401 `SIGN_ERROR` otherwise, the same for unknown apps. */
  private checkSignature(request: SignableRequest, target: string, method: string, signed: SigningHeaders): KeyObject {
    const { path, query } = splitRequestTarget(target);
    const contentType = request.headers['content-type'];
    const parts = {
      method,
      path,
      query,
      contentType: typeof contentType === 'string' ? contentType : '',
      timestamp: signed.timestamp,
      nonce: signed.nonce,
      bodySha256: sha256Hex(signedBodyBytes(request, path)),
    };
    const key = this.signing.secrets.get(signed.appId);
    const signer = key ?? this.decoyKey;
    const received = decodeSignature(signed.signature);
    if (constantTimeEqual(hmacSha256(signer, canonicalRequest(parts)), received) && key !== undefined) return key;
    // Version 1 only for a request that failed version 2 (decoy key included, so unknown apps cost the same):
    // accepted under acceptV1, else refused by name.
    if (constantTimeEqual(hmacSha256(signer, canonicalRequestV1(parts)), received) && key !== undefined) {
      if (this.signing.acceptV1) return key;
      throw new BusinessException(SigningCodes.SIGN_VERSION_UNSUPPORTED);
    }
    throw new BusinessException(SigningCodes.SIGN_ERROR);
  }

  private async claimNonce(signed: SigningHeaders, ttlSeconds: number): Promise<boolean> {
    // App ids and nonces are visible ASCII, so the space cannot be part of either: keys never collide.
    const key = `${signed.appId} ${signed.nonce}`;
    try {
      return await claimWithin(this.signing.nonceStore, key, ttlSeconds, this.signing.nonceStoreTimeout);
    } catch (error) {
      // Logged once, by the exception filter's 5xx line, with this cause.
      throw new BusinessException(SigningCodes.SIGN_NONCE_STORE_UNAVAILABLE, { cause: error });
    }
  }
}
