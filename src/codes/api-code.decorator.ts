import { SetMetadata } from '@nestjs/common';
import { API_CODE_METADATA } from './codes.constants.js';
import { assertDefinition, CodeDefinitionError } from './code-definition.error.js';
import type { BusinessCode, CodeDefinition, LocalisedText } from './code-definition.interface.js';
import { describeDefinition } from './definition-name.js';

/**
 * The success code and message of an endpoint: on a handler, for that handler; on a controller, the default
 * of its handlers (a handler's own `@ApiCode` wins). A `status` in the definition sets the success HTTP status
 * as `@HttpCode` would; an explicit `@HttpCode` wins. Checked where it is written: the status must be 2xx.
 *
 * @example
 * @Post()
 * @ApiCode(OrderCodes.ORDER_CREATED) // { code: 10002, status: 201, message: 'order created' }
 * create() {}
 *
 * @Get()
 * @ApiCode(10000, { en: 'orders', 'zh-CN': '订单列表' })
 * list() {}
 */
export function ApiCode(definition: CodeDefinition): ClassDecorator & MethodDecorator;
export function ApiCode(code: BusinessCode, message: string | LocalisedText): ClassDecorator & MethodDecorator;
export function ApiCode(
  definitionOrCode: CodeDefinition | BusinessCode,
  message?: string | LocalisedText,
): ClassDecorator & MethodDecorator {
  const definition: CodeDefinition =
    typeof definitionOrCode === 'object' && definitionOrCode !== null
      ? definitionOrCode
      : { code: definitionOrCode, message: message as string | LocalisedText };
  assertDefinition(definition, '@ApiCode', 'definition');
  const { status } = definition;
  if (status !== undefined && (status < 200 || status > 299)) {
    throw new CodeDefinitionError(
      `@ApiCode(${describeDefinition(definition)}): status ${status} is not a success status (200–299)`,
    );
  }
  return SetMetadata(API_CODE_METADATA, definition);
}
