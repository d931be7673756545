// nest-envelope/client: no Nest, no node: modules — it runs in browsers. The public client API, and nothing else.
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
export { ApiError, CLIENT_ERROR_CODE, isApiError } from './api-error.js';
export type { ApiErrorInit } from './api-error.js';
export type { ApiViolation } from './violations.js';
export type { ClientOptions } from './client-options.js';
export { unwrap, unwrapAxios } from './unwrap.js';
export type { AxiosLikeResponse, FetchResponseLike } from './unwrap.js';
export { apiFetch, int64AsStrings } from './api-fetch.js';
export type { ApiFetchOptions, ApiRequestInit } from './api-fetch.js';
// Types shared with the server, so a client can narrow by a catalogue's definitions (`isApiError(e, def)`).
export type { BusinessCode, CodeDefinition, LocalisedText } from '../codes/code-definition.interface.js';
