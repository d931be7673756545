export { ResponseModule } from './module/response.module.js';
export type {
  Field,
  ResponseModuleAsyncOptions,
  ResponseOptions,
  ValidationPipeSettings,
} from './module/response-options.interface.js';
export { ResponseOptionsError, resolveResponseOptions } from './module/resolve-options.js';
export type { ResolvedResponseOptions } from './module/resolve-options.js';
export { RESPONSE_OPTIONS } from './module/response.constants.js';
export { BusinessException } from './codes/business.exception.js';
export type { BusinessExceptionOptions } from './codes/business.exception.js';
export type { BusinessCode, CodeCatalogue, CodeDefinition, LocalisedText } from './codes/code-definition.interface.js';
export type { FailureOutcome, RequestFacts, SuccessOutcome } from './outcome/outcome.interface.js';
export { ResponseInterceptor } from './http/response.interceptor.js';
export { ResponseExceptionFilter } from './http/response-exception.filter.js';
export { RawResponse } from './http/raw-response.decorator.js';
export { EnvelopeValidationPipe } from './validation/envelope-validation.pipe.js';
export { ValidationFailedException } from './validation/validation-failed.exception.js';
export { ValidHeaders } from './validation/valid-headers.decorator.js';
export type { Violation, ViolationLocation } from './validation/violation.interface.js';
export { toJsonPointer } from './validation/json-pointer.js';
export { springMessageCodes } from './validation/spring-message-codes.js';
export { Signed, Unsigned } from './signing/signed.decorator.js';
export { SigningCodes } from './signing/signing.codes.js';
export type { SigningOptions } from './signing/signing-options.interface.js';
export type { NonceStore } from './signing/nonce-store.interface.js';
export { MemoryNonceStore } from './signing/memory-nonce.store.js';
export type { MemoryNonceStoreOptions } from './signing/memory-nonce.store.js';
export { SigningSetupError } from './signing/signing-setup.error.js';
