import { toJsonPointer, toUriFragment } from '../validation/json-pointer.js';
import {
  springErrorCode,
  springField,
  springMessageCodes,
  springObjectName,
} from '../validation/spring-message-codes.js';
import type { Violation } from '../validation/violation.interface.js';
import { type ShownViolation, showViolation } from './violation-bounds.js';
import type { Redaction } from './sensitive-name.js';

type Rules = Redaction | readonly (string | RegExp)[];

function shown(violation: Violation | ShownViolation, rules: Rules): ShownViolation {
  return 'violation' in violation ? violation : showViolation(violation, rules);
}

/** WeChat's `field`: a JSON Pointer in the body (or a nested query object), the parameter or header name otherwise. */
function wechatField(location: Violation['location'], path: readonly (string | number)[]): string {
  if (location === 'body' || path.length !== 1) return toJsonPointer(path);
  return String(path[0]);
}

/**
 * One WeChat Pay `detail` item: `{ field, value, issue, location }`.
 *
 * @example
 * wechatDetail(violation, ['password']); // { field: '/amount/currency', value: 'XYZ', issue: 'currency must be …', location: 'body' }
 */
export function wechatDetail(violation: Violation | ShownViolation, rules: Rules): Record<string, unknown> {
  const { path, value, message, violation: raw } = shown(violation, rules);
  return { field: wechatField(raw.location, path), value, issue: message, location: raw.location };
}

/**
 * One Spring `FieldError` (or `ObjectError` for a violation of the whole object), keys in Spring Boot 2–3's order:
 * `codes, arguments, defaultMessage, objectName, field, rejectedValue, bindingFailure, code`.
 *
 * @example
 * springError(violation, ['password']).codes; // ['IsNotEmpty.createOrderDto.items[0].name', …, 'IsNotEmpty']
 */
export function springError(input: Violation | ShownViolation, rules: Rules): Record<string, unknown> {
  const { path, value, message, violation } = shown(input, rules);
  const code = springErrorCode(violation.constraint);
  const objectName = springObjectName(violation.objectName);
  if (path.length === 0) {
    return {
      codes: springMessageCodes(code, objectName),
      arguments: null,
      defaultMessage: message,
      objectName,
      code,
    };
  }
  const field = springField(path);
  const codes = springMessageCodes(code, objectName, field, violation.type);
  const springArguments: unknown[] = [
    { codes: [`${objectName}.${field}`, field], arguments: null, defaultMessage: field, code: field },
  ];
  for (const argument of violation.arguments) {
    springArguments.push(
      typeof argument === 'string'
        ? { codes: [argument], arguments: null, defaultMessage: argument, code: argument }
        : argument,
    );
  }
  return {
    codes,
    arguments: springArguments,
    defaultMessage: message,
    objectName,
    field,
    rejectedValue: value ?? null,
    bindingFailure: false,
    code: codes[codes.length - 1],
  };
}

/**
 * One RFC 9457 `errors` item: `{ detail, pointer: '#/…' }` for the body; `parameter` or `header` elsewhere.
 *
 * @example
 * problemError(violation, ['password']); // { detail: 'must be a positive integer', pointer: '#/age' }
 */
export function problemError(input: Violation | ShownViolation, rules: Rules = []): Record<string, unknown> {
  const { path, message, violation } = shown(input, rules);
  if (violation.location === 'body') return { detail: message, pointer: toUriFragment(toJsonPointer(path)) };
  if (violation.location === 'header') return { detail: message, header: wechatField(violation.location, path) };
  return { detail: message, parameter: wechatField(violation.location, path) };
}
