// The public API of `nest-envelope`. Anything not listed here is internal and may change in any release;
// etc/api/ holds the report CI compares this surface against.

// The module and its options
export { ResponseModule } from './module/response.module.js';
export { ResponseOptionsError } from './options/response-options.error.js';
export type {
  Field,
  LocaleOptions,
  LocaleRequest,
  ResponseModuleAsyncOptions,
  ResponseOptions,
  ValidationPipeSettings,
} from './options/response-options.interface.js';

// Responses: the success envelope and the failure filter, for explicit use; opting out of wrapping
export { ResponseInterceptor } from './http/response.interceptor.js';
export { ResponseExceptionFilter } from './http/response-exception.filter.js';
export { RawResponse } from './http/raw-response.decorator.js';

// Codes: catalogues, business failures, endpoint declarations, the registry and its table
export { defineCodes } from './codes/define-codes.js';
export type { CodeEntry, DefineCodesOptions, DefinedCatalogue, DefinedCode } from './codes/define-codes.js';
export type { BusinessCode, CodeCatalogue, CodeDefinition, LocalisedText } from './codes/code-definition.interface.js';
export { CodeDefinitionError } from './codes/code-definition.error.js';
export { BusinessException } from './codes/business.exception.js';
export type {
  BusinessExceptionArgs,
  BusinessExceptionBody,
  BusinessExceptionOptions,
} from './codes/business.exception.js';
export type { MessageParams, PlaceholderName, Placeholders } from './codes/message-params.js';
export { HttpStatusCodes } from './codes/http-status.codes.js';
export { CustomStatusCodes, Seed003Codes } from './codes/custom-status.codes.js';
export { ApiCode } from './codes/api-code.decorator.js';
export { ApiThrows } from './codes/api-throws.decorator.js';
export { UndeclaredBusinessCodeError } from './codes/throws-contract.js';
export { CodeRegistry } from './codes/code.registry.js';
export { CodeRegistryError } from './codes/code-registry.error.js';
export type { RegisteredCode } from './codes/code-collection.js';
export { apiNumberKindRule, seed004Rule } from './codes/code-rule.js';
export type { CodeRule } from './codes/code-rule.js';
export type { CodeTableEntry } from './codes/code-table.renderer.js';

// Validation
export { EnvelopeValidationPipe } from './validation/envelope-validation.pipe.js';
export type { InputLimits } from './validation/input-limits.js';
export { ValidationFailedException } from './validation/validation-failed.exception.js';
export { ValidHeaders } from './validation/valid-headers.decorator.js';
export type { Violation, ViolationLocation } from './validation/violation.interface.js';

// Signed requests
export { Signed, Unsigned } from './signing/signed.decorator.js';
export { SigningCodes } from './codes/signing.codes.js';
export type { SigningOptions } from './signing/signing-options.interface.js';
export type { NonceStore } from './signing/nonce-store.interface.js';
export { MemoryNonceStore } from './signing/memory-nonce.store.js';
export type { MemoryNonceStoreOptions } from './signing/memory-nonce.store.js';
export { SigningSetupError } from './signing/signing-setup.error.js';
