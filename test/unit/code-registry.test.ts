import 'reflect-metadata';
import { Controller, Get, Post, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ApiCode,
  ApiThrows,
  CodeRegistry,
  CodeRegistryError,
  defineCodes,
  HttpStatusCodes,
  ResponseModule,
  type ResponseOptions,
} from '../../src/index.js';

const OrderCodes = defineCodes(
  {
    ORDER_CREATED: { code: 10002, status: 201, message: { en: 'order created', 'zh-CN': '订单已创建' } },
    OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock', 'zh-CN': '库存不足', ja: '在庫切れ' } },
    NOT_FOUND: { code: 404, status: 404, message: 'order not found' },
  },
  { name: 'OrderCodes' },
);
const PaymentCodes = defineCodes(
  { CARD_DECLINED: { code: 10010, status: 402, message: 'card declined' } },
  { name: 'PaymentCodes' },
);
const ShippingCodes = defineCodes({ SHIPPED: { code: 40002, message: 'shipped' } }, { name: 'ShippingCodes' });
// Defined, but neither in the codes option nor on a controller: the registry never hears of it.
const UnusedCodes = defineCodes({ NEVER_SEEN: { code: 77777, message: 'unused' } }, { name: 'UnusedCodes' });

@Controller('orders')
@ApiThrows(OrderCodes.NOT_FOUND)
class OrdersController {
  @Post()
  @ApiCode(OrderCodes.ORDER_CREATED)
  @ApiThrows(OrderCodes.OUT_OF_STOCK)
  create() {}

  @Get(':id')
  find() {}
}

@Controller('payments')
class PaymentsController {
  @Post()
  @ApiThrows(PaymentCodes.CARD_DECLINED)
  pay() {}
}

async function registryOf(options: ResponseOptions, controllers: Type<unknown>[] = [OrdersController]) {
  const moduleRef = await Test.createTestingModule({
    imports: [ResponseModule.forRoot(options)],
    controllers,
  }).compile();
  await moduleRef.init();
  return moduleRef.get(CodeRegistry);
}

describe('CodeRegistry', () => {
  it('collects the codes option and the @ApiCode / @ApiThrows of the controllers, with their endpoints', async () => {
    const registry = await registryOf({ codes: [ShippingCodes] });
    expect(registry.codes().map((entry) => [entry.code, entry.name, entry.kind, entry.endpoints])).toEqual([
      [404, 'OrderCodes.NOT_FOUND', 'failure', ['GET /orders/:id', 'POST /orders']],
      [10002, 'OrderCodes.ORDER_CREATED', 'success', ['POST /orders']],
      [10010, 'OrderCodes.OUT_OF_STOCK', 'failure', ['POST /orders']],
      [40002, 'ShippingCodes.SHIPPED', 'failure', []],
    ]);
    expect(registry.get(10010)?.definition).toBe(OrderCodes.OUT_OF_STOCK);
    expect(registry.get(UnusedCodes.NEVER_SEEN.code)).toBeUndefined();
    expect(registry.get('10010')).toBeUndefined();
  });

  it('knows the default locale and those of the registered messages', async () => {
    expect((await registryOf({})).locales()).toEqual(['en', 'zh-CN', 'ja']);
    expect((await registryOf({ locale: { default: 'zh-CN' } }, [])).locales()).toEqual(['zh-CN']);
  });

  it('renders its table as Markdown and JSON', async () => {
    const registry = await registryOf({ codes: [ShippingCodes] }, []);
    expect(registry.toMarkdown()).toBe(
      [
        '| code    | name                    | HTTP status | message (en) | endpoints |',
        '| ------- | ----------------------- | ----------- | ------------ | --------- |',
        '| `40002` | `ShippingCodes.SHIPPED` | 400         | shipped      |           |',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(registry.toJson())).toEqual([
      { code: 40002, name: 'ShippingCodes.SHIPPED', status: 400, message: { en: 'shipped' }, endpoints: [] },
    ]);
  });

  it('stops start-up on two definitions of a code, naming both and the code', async () => {
    await expect(registryOf({ codes: [OrderCodes, PaymentCodes] }, [])).rejects.toThrow(
      new CodeRegistryError(
        'CodeRegistry: a code must have one definition, but\n' +
          '  - code 10010 is defined by OrderCodes.OUT_OF_STOCK and PaymentCodes.CARD_DECLINED',
      ),
    );
    // the same, when one of them is only on a controller
    await expect(registryOf({}, [OrdersController, PaymentsController])).rejects.toThrow(
      'code 10010 is defined by OrderCodes.OUT_OF_STOCK and PaymentCodes.CARD_DECLINED',
    );
  });

  it('accepts the same catalogue twice, and a team 404 next to the built-in HTTP catalogue', async () => {
    const registry = await registryOf({ codes: [HttpStatusCodes, OrderCodes, OrderCodes] });
    expect(registry.get(404)).toMatchObject({
      name: 'OrderCodes.NOT_FOUND',
      message: 'order not found',
      builtIn: false,
    });
    expect(registry.get(409)).toMatchObject({ name: 'HttpStatusCodes.CONFLICT', builtIn: true });
  });

  it('stops start-up on codes that break the codeRule, naming them', async () => {
    await expect(registryOf({ codeRule: 'api-number-kind', codes: [ShippingCodes] })).rejects.toThrow(
      'CodeRegistry: codes break the codeRule option:\n' +
        '  - OrderCodes.NOT_FOUND (404) must be a 5-digit number: 3 digits of API number, 2 of kind\n' +
        '  - ShippingCodes.SHIPPED (40002) is a failure code: its last two digits must be 10–99',
    );
    const numeric = await registryOf({
      codeRule: ({ code }) => (typeof code === 'number' ? undefined : 'must be a number'),
    });
    expect(numeric.codes()).toHaveLength(3);
    await expect(
      registryOf({
        codeRule: ({ kind }) => (kind === 'success' ? 'is a success code, which carry no code here' : undefined),
      }),
    ).rejects.toThrow('  - OrderCodes.ORDER_CREATED (10002) is a success code, which carry no code here');
  });

  it('collects on first use when asked before start-up hooks ran', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ResponseModule.forRootAsync({ useFactory: () => ({ codes: [ShippingCodes] }) })],
    }).compile();
    expect(
      moduleRef
        .get(CodeRegistry)
        .codes()
        .map((entry) => entry.code),
    ).toEqual([40002]);
  });
});
