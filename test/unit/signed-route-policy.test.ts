import type { Type } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Signed, Unsigned } from '../../src/index.js';
import { SignedRoutePolicy } from '../../src/signing/signed-route.policy.js';

@Signed()
class SignedController {
  plain() {}
  @Unsigned()
  optedOut() {}
}

@Unsigned()
class UnsignedController {
  plain() {}
  @Signed()
  optedIn() {}
}

class PlainController {
  plain() {}
  @Signed()
  signed() {}
  @Unsigned()
  unsigned() {}
}

class ChildOfSigned extends SignedController {}

describe('SignedRoutePolicy', () => {
  afterEach(() => vi.restoreAllMocks());

  const cases: [string, object, Type<unknown>, boolean, boolean][] = [
    ['a @Signed() controller', SignedController.prototype.plain, SignedController, false, true],
    ['@Unsigned() in a @Signed() controller', SignedController.prototype.optedOut, SignedController, true, false],
    ['an @Unsigned() controller under global', UnsignedController.prototype.plain, UnsignedController, true, false],
    ['@Signed() in an @Unsigned() controller', UnsignedController.prototype.optedIn, UnsignedController, false, true],
    ['an unmarked handler', PlainController.prototype.plain, PlainController, false, false],
    ['an unmarked handler under global', PlainController.prototype.plain, PlainController, true, true],
    ['a @Signed() handler', PlainController.prototype.signed, PlainController, false, true],
    ['an @Unsigned() handler under global', PlainController.prototype.unsigned, PlainController, true, false],
  ];

  it.each(cases)('decides %s (global %s)', (_what, handler, controller, global, expected) => {
    expect(new SignedRoutePolicy(global).requiresSignature(handler, controller)).toBe(expected);
  });

  it('reads metadata once per controller and handler', () => {
    const policy = new SignedRoutePolicy(false);
    const reads = vi.spyOn(Reflect, 'getMetadata');
    for (let i = 0; i < 5; i++) policy.requiresSignature(PlainController.prototype.plain, PlainController);
    expect(reads).toHaveBeenCalledTimes(2); // handler, then controller
  });

  it('keys decisions by controller too: an inherited handler follows its own controller', () => {
    const policy = new SignedRoutePolicy(false);
    const handler = SignedController.prototype.plain;
    expect(policy.requiresSignature(handler, SignedController)).toBe(true);
    expect(policy.requiresSignature(handler, ChildOfSigned)).toBe(true); // class metadata is inherited
    expect(policy.requiresSignature(handler, PlainController)).toBe(false);
  });
});
