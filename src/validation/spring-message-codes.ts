/** Spring's `MessageCodeFormatter`: joins the parts of one code. */
export type MessageCodeFormatter = (errorCode: string, objectName?: string, field?: string) => string;

/** Joins the non-empty parts with `.`, as Spring's `Format.toDelimitedString`. */
export function toDelimitedString(...parts: (string | undefined)[]): string {
  let joined = '';
  for (const part of parts) joined = appendPart(joined, part);
  return joined;
}

function appendPart(joined: string, part: string | undefined): string {
  if (part === undefined || part === '') return joined;
  return joined === '' ? part : `${joined}.${part}`;
}

/** `errorCode.objectName.field`: Spring's default format. */
export const PREFIX_ERROR_CODE: MessageCodeFormatter = (errorCode, objectName, field) =>
  appendPart(appendPart(errorCode, objectName), field);

/** `objectName.field.errorCode`. */
export const POSTFIX_ERROR_CODE: MessageCodeFormatter = (errorCode, objectName, field) =>
  appendPart(appendPart(appendPart('', objectName), field), errorCode);

/** A LinkedHashSet in Spring: first position kept, duplicates dropped. The lists are short, so an array does. */
function addCode(codes: string[], code: string): void {
  if (!codes.includes(code)) codes.push(code);
}

/** How codes are written: Spring's `setPrefix` and `setMessageCodeFormatter`. */
export interface MessageCodesStyle {
  prefix?: string;
  format?: MessageCodeFormatter;
}

/**
 * Spring's `DefaultMessageCodesResolver` (default format `PREFIX_ERROR_CODE`, separator `.`), ported exactly:
 * for a field error, codes from the most specific to the bare error code.
 *
 * @example
 * springMessageCodes('NotBlank', 'order', 'items[0].name', 'String');
 * // ['NotBlank.order.items[0].name', 'NotBlank.order.items.name', 'NotBlank.items[0].name',
 * //  'NotBlank.items.name', 'NotBlank.name', 'NotBlank.String', 'NotBlank']
 */
export function springMessageCodes(
  errorCode: string,
  objectName: string,
  field?: string,
  fieldType?: string,
  style?: MessageCodesStyle,
): string[] {
  const prefix = style?.prefix ?? '';
  const format = style?.format ?? PREFIX_ERROR_CODE;
  const codes: string[] = [];
  if (field === undefined) {
    addCode(codes, prefix + format(errorCode, objectName));
    addCode(codes, prefix + format(errorCode));
    return codes;
  }
  const fields: string[] = [];
  buildFieldList(field, fields);
  for (const candidate of fields) addCode(codes, prefix + format(errorCode, objectName, candidate));
  const dot = field.lastIndexOf('.');
  if (dot !== -1) buildFieldList(field.slice(dot + 1), fields);
  for (const candidate of fields) addCode(codes, prefix + format(errorCode, undefined, candidate));
  if (fieldType !== undefined && fieldType !== '') addCode(codes, prefix + format(errorCode, undefined, fieldType));
  addCode(codes, prefix + format(errorCode));
  return codes;
}

/** Adds `field`, then the field without its last `[...]` group, cumulatively, right to left; a `[` without `]` stops. */
function buildFieldList(field: string, list: string[]): void {
  list.push(field);
  let plain = field;
  let open = plain.lastIndexOf('[');
  while (open !== -1) {
    const close = plain.indexOf(']', open);
    if (close === -1) return;
    plain = plain.slice(0, open) + plain.slice(close + 1);
    list.push(plain);
    open = plain.lastIndexOf('[');
  }
}

/**
 * A path in Spring's `FieldError.field` notation: properties joined by `.`, indexes and keys in brackets.
 *
 * @example
 * springField(['items', 0, 'name']); // 'items[0].name'
 */
export function springField(path: readonly (string | number)[]): string {
  let field = '';
  for (const segment of path) {
    if (typeof segment === 'number') field += `[${segment}]`;
    else field += field === '' ? segment : `.${segment}`;
  }
  return field;
}

/** `createOrderDto` from `CreateOrderDto`: Spring's default object name. */
export function springObjectName(className: string): string {
  return className.charAt(0).toLowerCase() + className.slice(1);
}

/** `IsNotEmpty` from `isNotEmpty`: the error code of a constraint. */
export function springErrorCode(constraint: string): string {
  let code = errorCodes.get(constraint);
  if (code === undefined) {
    code = constraint.charAt(0).toUpperCase() + constraint.slice(1);
    // Constraint names come from the app's code, a short list; the bound only guards against a pathological one.
    if (errorCodes.size >= ERROR_CODE_CACHE_LIMIT) errorCodes.clear();
    errorCodes.set(constraint, code);
  }
  return code;
}

const ERROR_CODE_CACHE_LIMIT = 1000;
const errorCodes = new Map<string, string>();
