import { Injectable } from '@nestjs/common';
import { BusinessException } from 'nest-envelope';
import { OrderCodes } from './orders.codes.js';

export interface Order {
  /** int64 ids leave as exact JSON numbers, or as strings for clients that send X-Stringify: 1. */
  id: bigint;
  sku: string;
  quantity: number;
  status: 'open' | 'locked';
}

const STOCK: Readonly<Record<string, number>> = { 'TEA-1': 100, 'CUP-2': 3 };

@Injectable()
export class OrdersService {
  private nextId = 9_007_199_254_740_993n; // past Number.MAX_SAFE_INTEGER on purpose
  private readonly orders = new Map<bigint, Order>();
  private readonly stock: Record<string, number> = { ...STOCK }; // each app its own, as its orders

  constructor() {
    this.add('TEA-1', 2, 'open');
    this.add('CUP-2', 1, 'locked');
  }

  list(): Order[] {
    return [...this.orders.values()];
  }

  find(id: bigint): Order {
    const order = this.orders.get(id);
    if (!order) throw new BusinessException(OrderCodes.ORDER_NOT_FOUND, { params: { id: String(id) } });
    return order;
  }

  create(sku: string, quantity: number): Order {
    const left = this.stock[sku] ?? 0;
    if (quantity > left)
      throw new BusinessException(OrderCodes.OUT_OF_STOCK, { params: { sku }, detail: { sku, left } });
    this.stock[sku] = left - quantity;
    return this.add(sku, quantity, 'open');
  }

  cancel(id: bigint): void {
    const order = this.find(id);
    if (order.status === 'locked') throw new BusinessException(OrderCodes.ORDER_LOCKED, { params: { id: String(id) } });
    this.orders.delete(id);
  }

  private add(sku: string, quantity: number, status: Order['status']): Order {
    const order: Order = { id: this.nextId++, sku, quantity, status };
    this.orders.set(order.id, order);
    return order;
  }
}
