/** Metadata key set by `@Signed()` (true) and `@Unsigned()` (false) on a handler or controller. */
export const SIGNED_METADATA = 'nest-envelope:signed';

/** Request property holding the verified signer (app id, nonce, key), for response signatures and de-duplication. */
export const SIGNATURE_PROPERTY = Symbol('nest-envelope:signature');
