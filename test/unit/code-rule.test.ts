import { describe, expect, it } from 'vitest';
import { type CodeRule, apiNumberKindRule } from '../../src/index.js';
import type { RegisteredCode } from '../../src/codes/code-collection.js';
import { codeRuleMessage, codeRuleViolations } from '../../src/codes/code-rule.js';

function entry(
  code: RegisteredCode['code'],
  kind: RegisteredCode['kind'],
  name?: string,
  builtIn = false,
): RegisteredCode {
  const definition = { code, message: 'm' };
  return { code, name, status: undefined, message: 'm', kind, endpoints: [], builtIn, definition };
}

describe('apiNumberKindRule', () => {
  it.each([
    [10000, 'success', undefined],
    [10009, 'success', undefined],
    [10010, 'failure', undefined],
    [99999, 'failure', undefined],
    [30018, 'failure', undefined],
    [90000, 'success', undefined],
    [90099, 'success', undefined],
    [90100, 'failure', undefined],
    [90102, 'failure', undefined],
    [10010, 'success', 'is a success code: its last two digits must be 00–09'],
    [10009, 'failure', 'is a failure code: its last two digits must be 10–99'],
    [90050, 'failure', 'is a failure code in the shared success family 900xx'],
    [90150, 'success', 'is a success code in the shared failure family 901xx'],
    [404, 'failure', 'must be a 5-digit number: 3 digits of API number, 2 of kind'],
    [100000, 'failure', 'must be a 5-digit number: 3 digits of API number, 2 of kind'],
    ['10010', 'failure', 'must be a 5-digit number: 3 digits of API number, 2 of kind'],
  ] as const)('%j as a %s code → %s', (code, kind, problem) => {
    expect(apiNumberKindRule(entry(code, kind))).toBe(problem);
  });
});

describe('codeRuleViolations', () => {
  it('names the offenders, exempting built-in HTTP codes', () => {
    const codes = [
      entry(404, 'failure', 'HttpStatusCodes.NOT_FOUND', true),
      entry(10010, 'failure', 'OrderCodes.OUT_OF_STOCK'),
      entry(10003, 'failure', 'OrderCodes.ORDER_LOCKED'),
      entry(418, 'failure'),
    ];
    const violations = codeRuleViolations(codes, apiNumberKindRule);
    expect(violations.map((v) => v.code)).toEqual([10003, 418]);
    expect(codeRuleMessage(violations)).toBe(
      'CodeRegistry: codes break the codeRule option:\n' +
        '  - OrderCodes.ORDER_LOCKED (10003) is a failure code: its last two digits must be 10–99\n' +
        '  - code 418 must be a 5-digit number: 3 digits of API number, 2 of kind',
    );
  });

  it('runs a team’s own rule over every code it sees', () => {
    const seen: RegisteredCode['code'][] = [];
    const upperSnake: CodeRule = ({ code }) => {
      seen.push(code);
      return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? undefined : 'must be UPPER_SNAKE_CASE';
    };
    const violations = codeRuleViolations(
      [entry('PARAM_ERROR', 'failure'), entry('noAuth', 'failure', 'N.NO_AUTH')],
      upperSnake,
    );
    expect(seen).toEqual(['PARAM_ERROR', 'noAuth']);
    expect(violations).toEqual([{ code: 'noAuth', name: 'N.NO_AUTH', problem: 'must be UPPER_SNAKE_CASE' }]);
  });
});
