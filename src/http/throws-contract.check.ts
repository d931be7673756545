import { Inject, Injectable } from '@nestjs/common';
import { BusinessException } from '../codes/business.exception.js';
import { undeclaredThrow, UndeclaredBusinessCodeError } from '../codes/throws-contract.js';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import type { RequestFacts } from '../outcome/outcome.interface.js';
import { FailureLog } from './failure-log.js';
import type { IncomingRequest } from './request-facts.reader.js';
import { isSigningCode } from '../codes/signing.codes.js';
import { RouteInfoCache } from './route-info.cache.js';
import { routeRefOf } from './route-ref.js';

/**
 * `strictThrows`: a business failure the endpoint (handler or controller) did not declare with `@ApiThrows` is
 * logged (`'log'`), or becomes a 500 (`'throw'`). Also for failures raised by the app's guards and pipes: the route
 * is known from the request. The module's own failures (`SigningCodes`) are never a violation: the contract is
 * between the app and its `@ApiThrows`, and the module's codes are documented by the module.
 *
 * @example
 * const exception = contract.check(thrown, request, facts); // an UndeclaredBusinessCodeError under 'throw'
 */
@Injectable()
export class ThrowsContractCheck {
  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly routes: RouteInfoCache,
    private readonly log: FailureLog,
  ) {}

  /**
   * @example
   * contract.check(new BusinessException(OrderCodes.OUT_OF_STOCK), request, facts);
   */
  check(exception: unknown, request: IncomingRequest, facts: RequestFacts): unknown {
    if (this.options.strictThrows === 'off' || !(exception instanceof BusinessException)) return exception;
    if (isSigningCode(exception.definition)) return exception;
    const route = routeRefOf(request);
    if (route === undefined) return exception;
    const { codes } = this.routes.info(route.handler, route.controller);
    const violation = undeclaredThrow(exception, codes, `${route.controller.name}.${route.methodName}`);
    if (violation === undefined) return exception;
    if (this.options.strictThrows === 'log') {
      this.log.contractViolation(facts, violation);
      return exception;
    }
    return new UndeclaredBusinessCodeError(violation, { cause: exception });
  }
}
