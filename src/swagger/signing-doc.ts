import type { HeaderObject, SecurityRequirementObject, SecuritySchemeObject } from '@nestjs/swagger';
import { BusinessException } from '../codes/business.exception.js';
import { SigningCodes } from '../codes/signing.codes.js';
import type { ResolvedResponseOptions, ResolvedSigningOptions } from '../options/resolved-options.interface.js';
import { requestTargetProblem } from '../signing/request-target.js';
import { readSigningHeaders, type SigningHeaderNames } from '../signing/signing-headers.js';
import { businessFailureCase, type FailureCase } from './failure-cases.js';

/** Names of the signing security schemes under `components.securitySchemes`, one per header (all four required). */
export const SIGNING_SCHEMES: Readonly<Record<keyof SigningHeaderNames, string>> = {
  appId: 'SigningAppId',
  timestamp: 'SigningTimestamp',
  nonce: 'SigningNonce',
  signature: 'SigningSignature',
};

const WHAT: Readonly<Record<keyof SigningHeaderNames, string>> = {
  appId: 'the app id, which chooses the shared secret',
  timestamp: 'Unix time in whole seconds',
  nonce: 'a new random value for every request (16–64 visible ASCII characters)',
  signature:
    'HMAC-SHA256 (hex or base64) of the canonical string: method, path, sorted query, Content-Type, ' +
    'timestamp, nonce and the SHA-256 of the body bytes (see docs/signing.md)',
};

/**
 * The security schemes of signed requests: one `apiKey` header scheme per signing header, with the configured
 * names, for `components.securitySchemes`.
 *
 * @example
 * signingSecuritySchemes(options.signing).SigningNonce; // { type: 'apiKey', in: 'header', name: 'x-nonce', … }
 */
export function signingSecuritySchemes(signing: ResolvedSigningOptions): Record<string, SecuritySchemeObject> {
  const schemes: Record<string, SecuritySchemeObject> = {};
  for (const part of Object.keys(SIGNING_SCHEMES) as (keyof SigningHeaderNames)[]) {
    schemes[SIGNING_SCHEMES[part]] = {
      type: 'apiKey',
      in: 'header',
      name: signing.headers[part],
      description: `Signed requests: ${WHAT[part]}. Every signed operation needs all four signing headers.`,
    };
  }
  return schemes;
}

/**
 * The security of a signed operation: the signing schemes, together with (AND) each requirement it already had
 * (its own, else the document's), so that a bearer token stays required beside the signature.
 *
 * @example
 * signedSecurity(undefined, undefined); // [{ SigningAppId: [], SigningTimestamp: [], SigningNonce: [], SigningSignature: [] }]
 */
export function signedSecurity(
  own: SecurityRequirementObject[] | undefined,
  inherited: SecurityRequirementObject[] | undefined,
): SecurityRequirementObject[] {
  const signing = Object.fromEntries(Object.values(SIGNING_SCHEMES).map((name) => [name, [] as string[]]));
  const before = (own ?? inherited ?? []).filter((requirement) => Object.keys(requirement).length > 0);
  return before.length === 0 ? [signing] : before.map((requirement) => ({ ...requirement, ...signing }));
}

/**
 * Every failure the signature guard can answer a signed operation with, each with the detail the guard sends:
 * 400 (target, missing or malformed header), 401 (signature, version 1 unless `acceptV1`, timestamp), 409 (nonce
 * used), 503 (nonce store), and for an operation with a body 415 (a body of a type the server does not read).
 *
 * @example
 * signingFailureCases(options, true).map((c) => c.code); // ['SIGN_TARGET_INVALID', 'SIGN_HEADER_MISSING', …]
 */
export function signingFailureCases(options: ResolvedResponseOptions, hasBody: boolean): FailureCase[] {
  const signing = options.signing;
  if (signing === undefined) return [];
  const names = signing.headers;
  const missing = readSigningHeaders({}, names);
  const malformed = readSigningHeaders({ [names.appId]: ' ' }, names);
  const now = 1767254400; // 2026-01-01T08:00:00Z, the examples' time
  const definitions = [
    new BusinessException(SigningCodes.SIGN_TARGET_INVALID, {
      detail: { reason: `the target ${requestTargetProblem('http://example.com/') ?? ''}` },
    }),
    ...[missing, malformed].map((problem) =>
      'problem' in problem
        ? new BusinessException(
            problem.problem === 'missing' ? SigningCodes.SIGN_HEADER_MISSING : SigningCodes.SIGN_HEADER_INVALID,
            { params: { header: problem.header }, detail: { header: problem.header, expected: problem.expected } },
          )
        : undefined,
    ),
    hasBody ? new BusinessException(SigningCodes.SIGN_BODY_UNREADABLE) : undefined,
    new BusinessException(SigningCodes.SIGN_ERROR),
    signing.acceptV1 ? undefined : new BusinessException(SigningCodes.SIGN_VERSION_UNSUPPORTED),
    new BusinessException(SigningCodes.SIGN_TIMESTAMP_OUT_OF_WINDOW, {
      params: { window: signing.window },
      detail: { serverTime: now, window: signing.window },
    }),
    new BusinessException(SigningCodes.SIGN_NONCE_USED),
    new BusinessException(SigningCodes.SIGN_NONCE_STORE_UNAVAILABLE),
  ];
  return definitions
    .filter((exception) => exception !== undefined)
    .map((exception) => businessFailureCase(exception.definition, options, exception));
}

/**
 * The response signature header of a signed operation's answers, under `signing.signResponses`: always on a
 * success the module writes, on a failure only when the failure came after the signature was verified.
 *
 * @example
 * responseSignatureHeader(options.signing, true); // { 'x-signature': { required: true, … } }
 */
export function responseSignatureHeader(
  signing: ResolvedSigningOptions | undefined,
  success: boolean,
): Record<string, HeaderObject> {
  if (signing === undefined || !signing.signResponses) return {};
  const description = success
    ? 'HMAC-SHA256 (hex) with the caller’s secret over status, request nonce and SHA-256 of the body'
    : 'present only when the signature was verified before the failure (never on a signing failure): HMAC-SHA256 ' +
      '(hex) over status, request nonce and SHA-256 of the body';
  return { [signing.headers.signature]: { description, required: success, schema: { type: 'string' } } };
}
