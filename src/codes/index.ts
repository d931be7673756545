// nest-envelope/codes: the catalogues a front end shares with the server — `defineCodes` and the built-in
// catalogues, no Nest, no node: modules (entry-imports.test.ts and a real esbuild bundle hold it to that).
// The same definition objects as the main entry's, so `BusinessException` on the server and `isApiError(e, def)`
// on the client take one catalogue.
export { defineCodes } from './define-codes.js';
export type { CodeEntry, DefineCodesOptions, DefinedCatalogue, DefinedCode } from './define-codes.js';
export type { BusinessCode, CodeCatalogue, CodeDefinition, LocalisedText } from './code-definition.interface.js';
export { CodeDefinitionError } from './code-definition.error.js';
export { HttpStatusCodes } from './http-status.codes.js';
export { CustomStatusCodes } from './custom-status.codes.js';
export { SigningCodes } from './signing.codes.js';
