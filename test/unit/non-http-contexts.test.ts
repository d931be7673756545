import 'reflect-metadata';
import { of, firstValueFrom, lastValueFrom, isObservable } from 'rxjs';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import { ResponseExceptionFilter, ResponseInterceptor, ResponseModule } from '../../src/index.js';
import { RequestFactsReader } from '../../src/http/request-facts.reader.js';
import { RouteInfoCache } from '../../src/http/route-info.cache.js';
import { ThrowsContractCheck } from '../../src/http/throws-contract.check.js';
import { FailureRenderer } from '../../src/http/failure-renderer.js';
import { FailureLog } from '../../src/http/failure-log.js';
import { ReplyWriter } from '../../src/http/reply-writer.js';
import { SuccessReplier } from '../../src/http/success-replier.js';

async function resolveEnhancers() {
  const moduleRef = await Test.createTestingModule({ imports: [ResponseModule.forRoot()] }).compile();
  return { interceptor: moduleRef.get(ResponseInterceptor), filter: moduleRef.get(ResponseExceptionFilter) };
}

function contextOf(type: string): ExecutionContextHost {
  const context = new ExecutionContextHost(
    [{ pattern: 'orders.get' }, {}],
    class RpcController {},
    function handler() {},
  );
  context.setType(type);
  return context;
}

describe('RPC, WebSocket and GraphQL contexts', () => {
  it.each(['rpc', 'ws', 'graphql'])('the interceptor passes %s results through untouched', async (type) => {
    const { interceptor } = await resolveEnhancers();
    const result = { id: 7 };
    const out = interceptor.intercept(contextOf(type), { handle: () => of(result) });
    expect(await firstValueFrom(out)).toBe(result);
  });

  it('the filter hands an RPC error back as an error stream, untouched', async () => {
    const { filter } = await resolveEnhancers();
    const error = new Error('rpc failure');
    const out = filter.catch(error, contextOf('rpc'));
    expect(isObservable(out)).toBe(true);
    await expect(lastValueFrom(out as ReturnType<typeof of>)).rejects.toBe(error);
  });

  it('the filter returns a GraphQL error as it is', async () => {
    const { filter } = await resolveEnhancers();
    const error = new Error('gql failure');
    expect(filter.catch(error, contextOf('graphql'))).toBe(error);
  });
});

describe('decorator metadata (the transpiler must emit design:paramtypes, or DI breaks)', () => {
  it('is present on the injectables', () => {
    expect(Reflect.getMetadata('design:paramtypes', ResponseInterceptor)).toEqual([SuccessReplier, ReplyWriter]);
    expect(Reflect.getMetadata('design:paramtypes', SuccessReplier)).toEqual([
      Object,
      RouteInfoCache,
      RequestFactsReader,
      ReplyWriter,
    ]);
    expect(Reflect.getMetadata('design:paramtypes', ResponseExceptionFilter)).toEqual([
      Object,
      RequestFactsReader,
      ThrowsContractCheck,
      FailureRenderer,
      ReplyWriter,
      FailureLog,
    ]);
  });
});
