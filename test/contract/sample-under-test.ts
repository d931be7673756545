import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Module,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { Observable } from 'rxjs';
import request from 'supertest';
import { vi } from 'vitest';
import { type AdapterName, createTestApp, type TestApp } from '../e2e/harness.js';

/** The three failure styles of the sample app (VALIDATION_STYLE, read once when sample-app/src/app.module.ts loads). */
export const STYLES = ['wechat', 'spring', 'problem'] as const;
export type Style = (typeof STYLES)[number];

/** A fault the test arms for the next request: the app fails as an app with a broken dependency would. */
export class FaultSwitch {
  armed = false;
}

/** Throws from every handler's interceptor chain while armed: a crash on any route, as a failing service causes. */
function faultModule(fault: FaultSwitch): Type {
  @Injectable()
  class FaultInterceptor implements NestInterceptor {
    intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
      if (fault.armed) {
        fault.armed = false;
        throw new Error('injected fault: a dependency of this route failed');
      }
      return next.handle();
    }
  }
  @Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: FaultInterceptor }] })
  class FaultModule {}
  return FaultModule;
}

/** A nonce store as the module holds it (only `claim` matters here). */
interface NonceStoreLike {
  claim(key: string, ttlSeconds: number): unknown;
}

/** The sample app booted in one style on one adapter, its served document, and the faults a recipe may arm. */
export interface SampleUnderTest {
  t: TestApp;
  /** The JSON the app serves at /docs-json. */
  document: unknown;
  fault: FaultSwitch;
  /** The next nonce claim rejects, as a nonce store that is down does. */
  nonceStoreDown(): void;
  close(): Promise<void>;
}

/**
 * The sample app's own AppModule and setupSwagger, imported afresh with VALIDATION_STYLE set, so each style is the
 * module the sample really builds (not a copy of its options).
 */
async function sampleModules(style: Style) {
  const previous = process.env.VALIDATION_STYLE;
  process.env.VALIDATION_STYLE = style;
  vi.resetModules();
  try {
    const [app, swagger, tokens] = await Promise.all([
      import('../../sample-app/src/app.module.js'),
      import('../../sample-app/src/swagger.js'),
      import('../../src/options/options.constants.js'),
    ]);
    return { AppModule: app.AppModule, setupSwagger: swagger.setupSwagger, OPTIONS: tokens.RESPONSE_OPTIONS };
  } finally {
    if (previous === undefined) delete process.env.VALIDATION_STYLE;
    else process.env.VALIDATION_STYLE = previous;
  }
}

/** Boots the sample app (rawBody, as its main.ts) with Swagger set up as its main.ts does, and reads /docs-json. */
export async function bootSample(style: Style, adapter: AdapterName): Promise<SampleUnderTest> {
  const { AppModule, setupSwagger, OPTIONS } = await sampleModules(style);
  const fault = new FaultSwitch();
  const t = await createTestApp(adapter, [AppModule, faultModule(fault)], (app) => setupSwagger(app), {
    rawBody: true,
  });
  const served = await request(t.app.getHttpServer()).get('/docs-json').expect(200);
  const store = (t.app as INestApplication).get<{ signing: { nonceStore: NonceStoreLike } }>(OPTIONS).signing
    .nonceStore;
  return {
    t,
    document: JSON.parse(served.text) as unknown,
    fault,
    nonceStoreDown: () => {
      vi.spyOn(store, 'claim').mockRejectedValueOnce(new Error('injected fault: the nonce store is down'));
    },
    close: () => t.app.close(),
  };
}
