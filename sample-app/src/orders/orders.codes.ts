import type { CodeDefinition } from 'nest-envelope';

/** The business failures of the orders API. */
export const OrderCodes = {
  OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } },
  ORDER_LOCKED: { code: 10011, status: 423, message: { en: 'order {id} is locked', 'zh-CN': '订单 {id} 已锁定' } },
} satisfies Record<string, CodeDefinition>;
