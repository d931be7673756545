/** Metadata key set by `@ApiCode()`: the success code definition of a handler or controller. */
export const API_CODE_METADATA = 'nest-envelope:api-code';

/** Metadata key set by `@ApiThrows()`: the business error definitions a handler or controller declares. */
export const API_THROWS_METADATA = 'nest-envelope:api-throws';
