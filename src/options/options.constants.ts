/** Injection token of the resolved (validated, defaults merged) `ResponseOptions`. */
export const RESPONSE_OPTIONS = Symbol('nest-envelope:options');

/** Injection token of the options as the user gave them to `forRootAsync`, before validation. */
export const RESPONSE_OPTIONS_INPUT = Symbol('nest-envelope:options-input');

/** Name of the logger context of everything the module logs (5xx failures, contract violations, set-up errors). */
export const LOGGER_CONTEXT = 'ResponseModule';

/** Injection token of the options of the module's `EnvelopeValidationPipe` (`validation.pipe`, `{}` when `false`). */
export const VALIDATION_PIPE_OPTIONS = Symbol('nest-envelope:validation-pipe-options');

/** Injection token of the marker each `forRoot()` / `forRootAsync()` import carries, so that a second one is found. */
export const RESPONSE_MODULE_IMPORT = Symbol('nest-envelope:import');

/** Injection token of the limits (`validation.maxDepth`, `validation.maxNodes`) the module's pipes check first. */
export const VALIDATION_LIMITS = Symbol('nest-envelope:validation-limits');
