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
export { defineCodes } from './codes/define-codes.js';
export type { CodeEntry, DefineCodesOptions, DefinedCatalogue, DefinedCode } from './codes/define-codes.js';
export { CodeDefinitionError } from './codes/code-definition.check.js';
export { HttpStatusCodes } from './codes/http-status.codes.js';
export { Seed003Codes } from './codes/seed-003.codes.js';
export { ApiCode } from './codes/api-code.decorator.js';
export { ApiThrows } from './codes/api-throws.decorator.js';
export { UndeclaredBusinessCodeError } from './codes/throws-contract.js';
export { CodeRegistry } from './codes/code.registry.js';
export { CodeRegistryError } from './codes/code-registry.error.js';
export type { RegisteredCode } from './codes/code-collection.js';
export { seed004Rule } from './codes/code-rule.js';
export type { CodeRule } from './codes/code-rule.js';
export type { CodeTableEntry } from './render/code-table.renderer.js';
export type { LocaleOptions, LocaleRequest } from './module/response-options.interface.js';
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
