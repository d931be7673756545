import { createParamDecorator, type ExecutionContext, type Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { classValidatorViolations } from './class-validator-violations.js';
import { clientValidationFailure } from './stackless-failure.js';

function propertiesOf(dto: Type<unknown>): string[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))];
}

/**
 * What `@ValidHeaders(dto)` does on a request; exported so that the OpenAPI rewrite knows a parameter by it.
 *
 * @example
 * readValidHeaders(TenantHeaders, context); // a TenantHeaders instance, or a ValidationFailedException thrown
 */
export function readValidHeaders(dto: Type<unknown>, context: ExecutionContext): unknown {
  const headers = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers;
  const plain: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  for (const property of propertiesOf(dto)) {
    const name = property.toLowerCase();
    names[property] = name;
    if (headers[name] !== undefined) plain[property] = headers[name];
  }
  const instance = plainToInstance(dto, plain) as object;
  const errors = validateSync(instance);
  if (errors.length === 0) return instance;
  const violations = classValidatorViolations(errors, {
    location: 'header',
    raw: plain,
    prefix: [],
    objectName: dto.name,
  });
  // A header's field is its name on the wire, in lower case.
  throw clientValidationFailure(
    violations.map((violation) => ({
      ...violation,
      path: violation.path.map((segment, index) => (index === 0 ? (names[String(segment)] ?? segment) : segment)),
    })),
  );
}

/**
 * The request headers as an instance of `dto`, validated with class-validator (Nest runs no pipe on `@Headers()`).
 * DTO properties match header names case-insensitively; a violation has `location: 'header'` and the header name,
 * in lower case, as its field.
 *
 * @example
 * class TenantHeaders { @IsUUID() 'x-tenant-id': string; }
 * @Get() list(@ValidHeaders(TenantHeaders) headers: TenantHeaders) {}
 */
export const ValidHeaders = createParamDecorator(readValidHeaders);
