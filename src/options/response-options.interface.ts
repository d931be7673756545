import type { FactoryProvider, ModuleMetadata, ValidationPipeOptions } from '@nestjs/common';
import type { BusinessCode, CodeCatalogue, LocalisedText } from '../codes/code-definition.interface.js';
import type { CodeRule } from '../codes/code-rule.js';
import type { SigningOptions } from '../signing/signing-options.interface.js';

/**
 * A member an envelope can have. `outcome` is the text `'success'` / `'failure'` (the `status` of an "HTTP always
 * 200" API).
 *
 * @example
 * const fields: Field[] = ['code', 'outcome', 'message', 'data'];
 */
export type Field =
  'code' | 'message' | 'data' | 'status' | 'error' | 'path' | 'timestamp' | 'requestId' | 'detail' | 'outcome';

/**
 * Options of the module's validation pipe: Nest's own `ValidationPipeOptions`, every one with Nest's meaning
 * (`whitelist`, `forbidNonWhitelisted`, `transform`, `transformOptions`, `groups`, `exceptionFactory`,
 * `errorHttpStatusCode`, `validateCustomDecorators`, …). Without an `exceptionFactory`, failures render as violations.
 *
 * @example
 * const pipe: ValidationPipeSettings = {
 *   whitelist: true, forbidNonWhitelisted: true, transform: true, transformOptions: { enableImplicitConversion: true },
 * };
 */
export type ValidationPipeSettings = ValidationPipeOptions;

/**
 * Options of `ResponseModule.forRoot()`; every field is optional.
 *
 * @example
 * // HTTP always 200, the outcome in the body: { status_id, status: 'success' | 'failure', message, data }
 * ResponseModule.forRoot({
 *   httpStatus: 'always-200',
 *   success: { code: 100, message: '请求成功' },
 *   fields: { code: 'status_id', outcome: 'status' },
 *   successFields: ['code', 'outcome', 'message', 'data'],
 *   failureFields: ['code', 'outcome', 'message', 'data'],
 * });
 */
export interface ResponseOptions {
  /** `mirror` (default): the HTTP status is the outcome's; `always-200`: it lives only in the body. */
  httpStatus?: 'mirror' | 'always-200';
  /** Code and message of a success; defaults `0` and `'OK'`. The code `'http-status'` copies the HTTP status. */
  success?: { code?: BusinessCode; message?: string | LocalisedText };
  /** Wire names of the fields, e.g. `{ code: 'status_id' }`. */
  fields?: Partial<Record<Field, string>>;
  /** Fields of a success body, in order; default `code, message, data`. */
  successFields?: Field[];
  /** Fields of a failure body, in order; default `code, message, status, error, path, timestamp, requestId, detail`. */
  failureFields?: Field[];
  /** The texts of the `outcome` field; default `'success'` / `'failure'`. */
  outcome?: { success: string; failure: string };
  /** HTTP status → failure code where no business code was thrown, e.g. `{ 400: 'PARAM_ERROR' }`. */
  statusCodes?: Partial<Record<number, BusinessCode>>;
  /** `envelope` (default), or `problem+json`: every failure as RFC 9457. */
  format?: 'envelope' | 'problem+json';
  /** How validation failures render. */
  validation?: {
    /** `wechat` (default): `detail` + `details`; `spring`: Spring Boot's `errors[]`. */
    style?: 'wechat' | 'spring';
    /** HTTP status of a validation failure: 400 (default) or 422. */
    status?: 400 | 422;
    /** Violations per body (default 100); the body then says how many were left out. */
    maxViolations?: number;
    /**
     * Levels of nested objects and arrays a body, query or path value may have (default 32), checked before any
     * validator runs: a deeper value is refused with a violation `maxDepth`.
     */
    maxDepth?: number;
    /**
     * Values (objects, arrays, strings, numbers, …) a body, query or path value may hold in all (default 2 000),
     * checked before any validator runs: a larger value is refused with 413 and a violation `maxNodes`. Validation costs
     * grow with it (up to ~10 µs per nested DTO item): raise it for bulk endpoints knowingly.
     */
    maxNodes?: number;
    /**
     * Terms (matched by the words of a name: `token` matches `access_token`, `X-Auth-Token`) or patterns whose values
     * are never echoed. Replaces the default list; `alsoRedact` adds to it.
     */
    redact?: (string | RegExp)[];
    /** Terms or patterns redacted besides `redact` (or the default list). */
    alsoRedact?: (string | RegExp)[];
    /** Names that are never redacted, compared by their words (`tokenCount` also spares `token_count`). */
    neverRedact?: string[];
    /**
     * The module's global validation pipe: its options (Nest's `ValidationPipeOptions`), or `false` for none. An app's own
     * global `ValidationPipe` is used instead of it either way (a body is validated once); see docs/validation.md.
     */
    pipe?: false | ValidationPipeSettings;
  };
  /** RFC 9457 mode: `type` becomes `typeBase + code` (e.g. `https://errors.example.com/PARAM_ERROR`) instead of `about:blank`. */
  problem?: { typeBase?: string };
  /** Catalogues from `defineCodes`. */
  codes?: CodeCatalogue[];
  /** Request id: incoming header name (default `x-request-id`), generator, and whether success bodies carry it. */
  requestId?: { header?: string; generate?: () => string; inSuccessBody?: boolean };
  /** `iso` (default), `epoch-ms`, or a pattern such as `YYYY-MM-DD HH:mm:ss`; an IANA time zone (default UTC). */
  timestamp?: { format?: 'iso' | 'epoch-ms' | (string & {}); timeZone?: string };
  /**
   * Where a client asks for int64 (`bigint`) values as strings; default header `x-stringify`, query `_string`.
   * Each is one name or several (`query: ['_string', '_stringify']`); any of them set to `1`/`true`/`yes`/`on` asks.
   */
  int64?: { header?: string | readonly string[]; query?: string | readonly string[] };
  /**
   * Default locale (`en`) and the header it is negotiated from (`accept-language`). `resolve` picks the locale
   * from the request first (a user setting, a `?lang=` parameter); `undefined` falls back to the header.
   */
  locale?: LocaleOptions;
  /** An HTML error page for browsers. */
  html?: boolean;
  /** Adds the exception name and stack to 5xx bodies. Never in production. */
  debug?: boolean;
  /** Signed requests and replay protection for `@Signed()` routes (or every route with `global: true`). */
  signing?: SigningOptions;
  /**
   * A rule for the shape of the codes, checked at start-up (failing it names the offenders): `'api-number-kind'`
   * (5 digits: 3 of API number, 2 of kind, 00–09 success and 10–99 failure) or your own function. Built-in HTTP
   * codes are exempt. `'seed-004'`, its former name, still works for one release (deprecated, with a warning).
   */
  codeRule?: 'api-number-kind' | 'seed-004' | CodeRule;
  /**
   * What happens when a handler raises a `BusinessException` whose code its `@ApiThrows` (handler or controller)
   * does not declare: `'off'` (default), `'log'` (a warning), `'throw'` (the request fails with a 500). For dev and tests.
   * The module's own failures (`SigningCodes`) are never a contract violation.
   */
  strictThrows?: 'off' | 'log' | 'throw';
}

/**
 * What a custom locale resolver can read of a request, on Express and Fastify alike.
 *
 * @example
 * const resolve = (request: LocaleRequest) => (request.query as { lang?: string } | undefined)?.lang;
 */
export interface LocaleRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query?: unknown;
}

/**
 * The `locale` option.
 *
 * @example
 * const locale: LocaleOptions = { default: 'zh-CN', resolve: (request) => (request.query as { lang?: string }).lang };
 */
export interface LocaleOptions {
  /** The locale when nothing else matches; default `en`. */
  default?: string;
  /** The header negotiated with q-values; default `accept-language`. */
  header?: string;
  /**
   * The locale of a request, tried before the header: a tag (or an `Accept-Language`-style list) matched among
   * the known locales, an unknown one giving the default; `undefined` lets the header decide.
   * (Method syntax, so an `(request: Request) => …` of Express or Fastify is accepted.)
   */
  resolve?(request: LocaleRequest): string | undefined;
}

/**
 * The options of `ResponseModule.forRootAsync()`.
 *
 * @example
 * ResponseModule.forRootAsync({
 *   imports: [ConfigModule],
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ debug: config.get('DEBUG') === '1' }),
 * });
 */
export interface ResponseModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => ResponseOptions | undefined | Promise<ResponseOptions | undefined>;
}
