// nest-envelope/client: no Nest, no node: modules — it runs in browsers.
export { signRequest } from './sign-request.js';
export type { SignedRequest, SignRequestInput } from './sign-request.js';
export { verifyResponseSignature } from './verify-response.js';
export type { VerifyResponseInput } from './verify-response.js';
export {
  canonicalQuery,
  canonicalRequest,
  canonicalResponse,
  DEFAULT_SIGNING_HEADERS,
} from '../signing/canonical-request.js';
export type { CanonicalRequestParts } from '../signing/canonical-request.js';
