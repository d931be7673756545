import { type DynamicModule, Module, type NestModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule, ModulesContainer } from '@nestjs/core';
import { CodeRegistry } from '../codes/code.registry.js';
import { AdapterHooks } from '../http/adapter-hooks.js';
import { ClientErrorResponder } from '../http/client-error.responder.js';
import { FailureLog } from '../http/failure-log.js';
import { FailureRenderer } from '../http/failure-renderer.js';
import { ReplyWriter } from '../http/reply-writer.js';
import { RequestFactsReader } from '../http/request-facts.reader.js';
import { ResponseExceptionFilter } from '../http/response-exception.filter.js';
import { ResponseInterceptor } from '../http/response.interceptor.js';
import { RouteInfoCache } from '../http/route-info.cache.js';
import { SuccessReplier } from '../http/success-replier.js';
import { ThrowsContractCheck } from '../http/throws-contract.check.js';
import {
  RESPONSE_MODULE_IMPORT,
  RESPONSE_OPTIONS,
  RESPONSE_OPTIONS_INPUT,
  VALIDATION_LIMITS,
  VALIDATION_PIPE_OPTIONS,
} from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { resolveResponseOptions } from '../options/resolve-options.js';
import { type ImportMarker, refuseSecondImport } from '../options/single-import.check.js';
import type { ResponseModuleAsyncOptions, ResponseOptions } from '../options/response-options.interface.js';
import { RawBodyCheck } from '../signing/raw-body.check.js';
import { globalSignatureGuard } from '../signing/signature-guard.provider.js';
import { EnvelopeValidationPipe } from '../validation/envelope-validation.pipe.js';
import { GlobalValidationPipe } from '../validation/global-validation.pipe.js';

/** The module's injectables, all exported so apps can use them per route. */
const INJECTABLES = [
  CodeRegistry,
  RouteInfoCache,
  RequestFactsReader,
  ReplyWriter,
  SuccessReplier,
  FailureLog,
  FailureRenderer,
  ThrowsContractCheck,
  ResponseInterceptor,
  ResponseExceptionFilter,
  EnvelopeValidationPipe,
];
const SHARED_PROVIDERS: Provider[] = [
  ...INJECTABLES,
  AdapterHooks,
  ClientErrorResponder,
  GlobalValidationPipe,
  {
    provide: VALIDATION_PIPE_OPTIONS,
    useFactory: (options: ResolvedResponseOptions) => options.validation.pipe || {},
    inject: [RESPONSE_OPTIONS],
  },
  RawBodyCheck,
  {
    provide: VALIDATION_LIMITS,
    useFactory: ({ validation }: ResolvedResponseOptions) => ({
      maxDepth: validation.maxDepth,
      maxNodes: validation.maxNodes,
    }),
    inject: [RESPONSE_OPTIONS],
  },
  { provide: APP_FILTER, useExisting: ResponseExceptionFilter },
  { provide: APP_PIPE, useExisting: GlobalValidationPipe },
];
// VALIDATION_PIPE_OPTIONS, VALIDATION_LIMITS: `@UsePipes(EnvelopeValidationPipe)` is built in the controller's module.
const EXPORTS = [RESPONSE_OPTIONS, VALIDATION_PIPE_OPTIONS, VALIDATION_LIMITS, ...INJECTABLES];

/** One marker per call: Nest makes two imports with the same options one module, and the marker keeps it so. */
function importMarker(via: ImportMarker['via']): Provider {
  const marker: ImportMarker = { via };
  return { provide: RESPONSE_MODULE_IMPORT, useValue: marker };
}

/**
 * Import once, in the root module: every success leaves in the envelope and every failure in the
 * configured failure shape, on Express and Fastify. Options are checked at start-up; a second import with other
 * options stops start-up, naming the importing modules (the module is global: the two sets would mix). Successes are wrapped where
 * the HTTP adapter writes them (see `AdapterHooks`), failures by the global `ResponseExceptionFilter`.
 *
 * @example
 * @Module({ imports: [ResponseModule.forRoot({ timestamp: { format: 'YYYY-MM-DD HH:mm:ss', timeZone: 'Asia/Shanghai' } })] })
 * export class AppModule {}
 */
@Module({})
export class ResponseModule implements NestModule {
  constructor(
    private readonly hooks: AdapterHooks,
    private readonly rawBody: RawBodyCheck,
    private readonly modules: ModulesContainer,
  ) {}

  /**
   * Runs once the HTTP adapter exists and before Nest registers the routes: stops start-up when signing cannot
   * read raw bodies, then installs the success path.
   */
  configure(): void {
    refuseSecondImport(this.modules.values(), ResponseModule);
    this.rawBody.assertReady();
    this.hooks.install();
  }

  /**
   * @example
   * ResponseModule.forRoot(); // { code: 0, message: 'OK', data } and the default failure body
   */
  static forRoot(options?: ResponseOptions): DynamicModule {
    const resolved = resolveResponseOptions(options);
    return {
      module: ResponseModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: RESPONSE_OPTIONS, useValue: resolved },
        importMarker('forRoot'),
        ...SHARED_PROVIDERS,
        ...(resolved.signing?.global ? [globalSignatureGuard()] : []),
      ],
      exports: EXPORTS,
    };
  }

  /**
   * Options from other providers (a config service); checked when the factory has run, before the app listens.
   *
   * @example
   * ResponseModule.forRootAsync({ inject: [ConfigService], useFactory: (config: ConfigService) => ({ debug: config.get('DEBUG') === '1' }) });
   */
  static forRootAsync(options: ResponseModuleAsyncOptions): DynamicModule {
    return {
      module: ResponseModule,
      global: true,
      imports: [...(options.imports ?? []), DiscoveryModule],
      providers: [
        { provide: RESPONSE_OPTIONS_INPUT, useFactory: options.useFactory, inject: options.inject ?? [] },
        { provide: RESPONSE_OPTIONS, useFactory: resolveResponseOptions, inject: [RESPONSE_OPTIONS_INPUT] },
        importMarker('forRootAsync'),
        ...SHARED_PROVIDERS,
        globalSignatureGuard(),
      ],
      exports: EXPORTS,
    };
  }
}
