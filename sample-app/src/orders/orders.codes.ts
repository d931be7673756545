import { defineCodes } from 'nest-envelope/codes'; // Nest-free: the front end imports this file too

/**
 * The codes of the orders API, in the "API number + kind" shape: 100 is the API's number, 00–09 successes, 10–99 failures.
 */
export const OrderCodes = defineCodes(
  {
    ORDERS_LISTED: { code: 10000, message: { en: 'orders', 'zh-CN': '订单列表' } },
    ORDER_FOUND: { code: 10001, message: { en: 'order', 'zh-CN': '订单详情' } },
    ORDER_CREATED: { code: 10002, status: 201, message: { en: 'order created', 'zh-CN': '订单已创建' } },
    OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } },
    ORDER_LOCKED: { code: 10011, status: 423, message: { en: 'order {id} is locked', 'zh-CN': '订单 {id} 已锁定' } },
    ORDER_NOT_FOUND: { code: 10012, status: 404, message: { en: 'order {id} not found', 'zh-CN': '订单 {id} 不存在' } },
  },
  { name: 'OrderCodes' },
);
