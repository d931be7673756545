/** Injection token of the resolved (validated, defaults merged) `ResponseOptions`. */
export const RESPONSE_OPTIONS = Symbol('nest-envelope:options');

/** Injection token of the options as the user gave them to `forRootAsync`, before validation. */
export const RESPONSE_OPTIONS_INPUT = Symbol('nest-envelope:options-input');

/** Metadata key set by `@RawResponse()` on a handler or controller. */
export const RAW_RESPONSE_METADATA = 'nest-envelope:raw-response';

/** Request property holding the request id, so the interceptor and the filter agree on one value. */
export const REQUEST_ID_PROPERTY = Symbol('nest-envelope:request-id');

/** Request property marking a request whose result is already being wrapped (global + per-route use). */
export const WRAPPED_PROPERTY = Symbol('nest-envelope:wrapped');

/** Name of the logger context used for 5xx logs. */
export const LOGGER_CONTEXT = 'ResponseModule';

/** Metadata key set by `@Signed()` (true) and `@Unsigned()` (false) on a handler or controller. */
export const SIGNED_METADATA = 'nest-envelope:signed';

/** Request property holding the verified signer (app id, nonce, key), for response signatures and de-duplication. */
export const SIGNATURE_PROPERTY = Symbol('nest-envelope:signature');
