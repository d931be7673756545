/** Spring's `MessageCodeFormatter`: joins the parts of one code. */
export type MessageCodeFormatter = (errorCode: string, objectName?: string, field?: string) => string;

/** Joins the non-empty parts with `.`, as Spring's `Format.toDelimitedString`. */
export function toDelimitedString(...parts: (string | undefined)[]): string {
  let joined = '';
  for (const part of parts) {
    if (part === undefined || part === '') continue;
    joined = joined === '' ? part : `${joined}.${part}`;
  }
  return joined;
}

/** `errorCode.objectName.field`: Spring's default format. */
export const PREFIX_ERROR_CODE: MessageCodeFormatter = (errorCode, objectName, field) =>
  toDelimitedString(errorCode, objectName, field);

/** `objectName.field.errorCode`. */
export const POSTFIX_ERROR_CODE: MessageCodeFormatter = (errorCode, objectName, field) =>
  toDelimitedString(objectName, field, errorCode);

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
  { prefix = '', format = PREFIX_ERROR_CODE }: { prefix?: string; format?: MessageCodeFormatter } = {},
): string[] {
  // A LinkedHashSet in Spring: first position kept, duplicates dropped. The lists are short, so an array does.
  const codes: string[] = [];
  const add = (objectPart?: string, fieldPart?: string) => {
    const code = prefix + format(errorCode, objectPart, fieldPart);
    if (!codes.includes(code)) codes.push(code);
  };
  if (field === undefined) {
    add(objectName);
    add();
    return codes;
  }
  const fields: string[] = [];
  buildFieldList(field, fields);
  for (const candidate of fields) add(objectName, candidate);
  const dot = field.lastIndexOf('.');
  if (dot !== -1) buildFieldList(field.slice(dot + 1), fields);
  for (const candidate of fields) add(undefined, candidate);
  if (fieldType !== undefined && fieldType !== '') add(undefined, fieldType);
  add();
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
  return constraint.charAt(0).toUpperCase() + constraint.slice(1);
}
