import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { toJsonPointer, toUriFragment } from '../validation/json-pointer.js';
import {
  springErrorCode,
  springField,
  springMessageCodes,
  springObjectName,
} from '../validation/spring-message-codes.js';
import type { Violation } from '../validation/violation.interface.js';
import { isSensitiveName, presentRejectedValue, REDACTED } from './rejected-value.js';

type Redact = ResolvedResponseOptions['validation']['redact'];

/** The value a body may show for a violation: redacted when any segment of its path names a secret. */
function shownValue(violation: Violation, redact: Redact): unknown {
  if (violation.path.some((segment) => isSensitiveName(segment, redact))) return REDACTED;
  return presentRejectedValue(violation.value, redact);
}

/** WeChat's `field`: a JSON Pointer in the body (or a nested query object), the parameter or header name otherwise. */
function wechatField(violation: Violation): string {
  const { location, path } = violation;
  if (location === 'body' || path.length !== 1) return toJsonPointer(path);
  return String(path[0]);
}

/**
 * One WeChat Pay `detail` item: `{ field, value, issue, location }`.
 *
 * @example
 * wechatDetail(violation, ['password']); // { field: '/amount/currency', value: 'XYZ', issue: 'currency must be …', location: 'body' }
 */
export function wechatDetail(violation: Violation, redact: Redact): Record<string, unknown> {
  return {
    field: wechatField(violation),
    value: shownValue(violation, redact),
    issue: violation.message,
    location: violation.location,
  };
}

/**
 * One Spring `FieldError` (or `ObjectError` for a violation of the whole object), keys in Spring Boot 2–3's order:
 * `codes, arguments, defaultMessage, objectName, field, rejectedValue, bindingFailure, code`.
 *
 * @example
 * springError(violation, ['password']).codes; // ['IsNotEmpty.createOrderDto.items[0].name', …, 'IsNotEmpty']
 */
export function springError(violation: Violation, redact: Redact): Record<string, unknown> {
  const code = springErrorCode(violation.constraint);
  const objectName = springObjectName(violation.objectName);
  if (violation.path.length === 0) {
    return {
      codes: springMessageCodes(code, objectName),
      arguments: null,
      defaultMessage: violation.message,
      objectName,
      code,
    };
  }
  const field = springField(violation.path);
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
    defaultMessage: violation.message,
    objectName,
    field,
    rejectedValue: shownValue(violation, redact) ?? null,
    bindingFailure: false,
    code: codes[codes.length - 1],
  };
}

/**
 * One RFC 9457 `errors` item: `{ detail, pointer: '#/…' }` for the body; `parameter` or `header` elsewhere.
 *
 * @example
 * problemError(violation); // { detail: 'must be a positive integer', pointer: '#/age' }
 */
export function problemError(violation: Violation): Record<string, unknown> {
  if (violation.location === 'body')
    return { detail: violation.message, pointer: toUriFragment(toJsonPointer(violation.path)) };
  if (violation.location === 'header') return { detail: violation.message, header: wechatField(violation) };
  return { detail: violation.message, parameter: wechatField(violation) };
}
