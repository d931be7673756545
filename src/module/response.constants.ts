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

/** Metadata key of a route method's `RouteRef` (copied by Nest onto the handler Express routes to). */
export const ROUTE_REF_METADATA = 'nest-envelope:route';

/** Key of the `RouteRef` in a Fastify route's config. */
export const ROUTE_REF_CONFIG_KEY = Symbol('nest-envelope:route');

/** Adapter property holding the adapter's own `reply`, once the module has wrapped it. */
export const ORIGINAL_REPLY = Symbol('nest-envelope:original-reply');

/** Metadata key set by `@ApiCode()`: the success code definition of a handler or controller. */
export const API_CODE_METADATA = 'nest-envelope:api-code';

/** Metadata key set by `@ApiThrows()`: the business error definitions a handler or controller declares. */
export const API_THROWS_METADATA = 'nest-envelope:api-throws';

/** Request property holding the negotiated locale, so it is chosen once per request. */
export const LOCALE_PROPERTY = Symbol('nest-envelope:locale');

/** Metadata key set by `@Signed()` (true) and `@Unsigned()` (false) on a handler or controller. */
export const SIGNED_METADATA = 'nest-envelope:signed';

/** Request property holding the verified signer (app id, nonce, key), for response signatures and de-duplication. */
export const SIGNATURE_PROPERTY = Symbol('nest-envelope:signature');
