import { NotFoundException } from '@nestjs/common';
import { bench, describe } from 'vitest';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { failureOutcome } from '../../src/outcome/failure-outcome.js';
import type { RequestFacts } from '../../src/outcome/outcome.interface.js';
import { successOutcome } from '../../src/outcome/success-outcome.js';
import { renderFailure, renderSuccess } from '../../src/render/envelope.renderer.js';
import { renderProblem } from '../../src/render/problem-details.renderer.js';
import { serializeJson } from '../../src/http/json-serializer.js';
import { toJsonPointer } from '../../src/validation/json-pointer.js';
import { springMessageCodes } from '../../src/validation/spring-message-codes.js';
import { ValidationFailedException } from '../../src/validation/validation-failed.exception.js';
import type { Violation } from '../../src/validation/violation.interface.js';

const defaults = resolveResponseOptions();
const spring = resolveResponseOptions({ validation: { style: 'spring' } });
const problem = resolveResponseOptions({ format: 'problem+json' });
const east8 = resolveResponseOptions({ timestamp: { format: 'YYYY-MM-DD HH:mm:ss', timeZone: 'Asia/Shanghai' } });
const facts: RequestFacts = { method: 'GET', path: '/orders/7', requestId: 'req-1', locale: 'en', time: new Date() };
const order = { id: 7, number: 'SO-7', items: [{ sku: 'TEA-1', qty: 2 }], totals: { grand: 12730, currency: 'CNY' } };
const string = () => 'number' as const;

const violations: Violation[] = Array.from({ length: 100 }, (_, i) => ({
  location: 'body',
  path: ['items', i, 'name'],
  value: '',
  constraint: 'isNotEmpty',
  arguments: [],
  message: 'name should not be empty',
  objectName: 'CreateOrderDto',
  type: 'String',
}));
const invalid = new ValidationFailedException(violations);

describe('success envelope', () => {
  bench('render + serialise', () => {
    serializeJson(renderSuccess(successOutcome(order, 200, defaults, 'en'), facts, defaults), string);
  });
  bench('JSON.stringify of the bare result (the floor)', () => {
    JSON.stringify(order);
  });
});

describe('404', () => {
  const notFound = new NotFoundException('Order 7 not found');
  bench('normalise + render + serialise, ISO timestamp', () => {
    serializeJson(
      renderFailure(failureOutcome(notFound, defaults, 'en'), { ...facts, time: new Date() }, defaults),
      string,
    );
  });
  bench('normalise + render + serialise, East-8 pattern timestamp', () => {
    serializeJson(renderFailure(failureOutcome(notFound, east8, 'en'), { ...facts, time: new Date() }, east8), string);
  });
});

describe('100 violations, rendered (the body object)', () => {
  bench('WeChat', () => {
    renderFailure(failureOutcome(invalid, defaults, 'en'), facts, defaults);
  });
  bench('Spring', () => {
    renderFailure(failureOutcome(invalid, spring, 'en'), facts, spring);
  });
  bench('RFC 9457', () => {
    renderProblem(failureOutcome(invalid, problem, 'en'), facts, problem);
  });
});

describe('100 violations, rendered and serialised', () => {
  bench('WeChat', () => {
    serializeJson(renderFailure(failureOutcome(invalid, defaults, 'en'), facts, defaults), string);
  });
  bench('Spring', () => {
    serializeJson(renderFailure(failureOutcome(invalid, spring, 'en'), facts, spring), string);
  });
  bench('RFC 9457', () => {
    serializeJson(renderProblem(failureOutcome(invalid, problem, 'en'), facts, problem), string);
  });
});

describe('paths', () => {
  bench('JSON Pointer of a 4-segment path', () => {
    toJsonPointer(['items', 12, 'a/b', 'm~n']);
  });
  bench('Spring codes of items[12].name', () => {
    springMessageCodes('IsNotEmpty', 'createOrderDto', 'items[12].name', 'String');
  });
});
