/**
 * The names of the methods a controller's prototype has, its base classes' included (a base CRUD controller's
 * routes are the subclass's routes too), once each.
 *
 * @example
 * methodNames(OrdersController.prototype); // ['find', 'create', 'list'] (own first, then inherited)
 */
export function methodNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let at: object | null = prototype; at && at !== Object.prototype; at = Object.getPrototypeOf(at) as object) {
    for (const name of Object.getOwnPropertyNames(at)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}

/**
 * The method itself, never the result of a getter: reading a getter on a prototype would run it.
 *
 * @example
 * methodOf(OrdersController.prototype, 'find'); // the function, found on the class or a base class
 */
export function methodOf(prototype: object, name: string): object | undefined {
  for (let at: object | null = prototype; at; at = Object.getPrototypeOf(at) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return typeof descriptor.value === 'function' ? (descriptor.value as object) : undefined;
  }
  return undefined;
}
