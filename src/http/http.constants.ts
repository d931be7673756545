/** Metadata key set by `@RawResponse()` on a handler or controller. */
export const RAW_RESPONSE_METADATA = 'nest-envelope:raw-response';

/** Request property holding the request id, so the success path and the filter agree on one value. */
export const REQUEST_ID_PROPERTY = Symbol('nest-envelope:request-id');

/** Request property holding the negotiated locale, so it is chosen once per request. */
export const LOCALE_PROPERTY = Symbol('nest-envelope:locale');

/** Request property marking a request whose result is already being wrapped (global + per-route use). */
export const WRAPPED_PROPERTY = Symbol('nest-envelope:wrapped');

/** Metadata key of a route method's `RouteRef` (copied by Nest onto the handler Express routes to). */
export const ROUTE_REF_METADATA = 'nest-envelope:route';

/** Key of the `RouteRef` in a Fastify route's config. */
export const ROUTE_REF_CONFIG_KEY = Symbol('nest-envelope:route');

/** Adapter property holding the adapter's own `reply`, once the module has wrapped it. */
export const ORIGINAL_REPLY = Symbol('nest-envelope:original-reply');
