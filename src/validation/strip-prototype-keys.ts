const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Deletes `__proto__`, `constructor` and `prototype` own keys at any depth, so no later copy
 * (class-transformer, a spread, a merge) can reach `Object.prototype` through them. Iterative: a
 * 1 000-level-deep body does not overflow the stack.
 *
 * @example
 * stripPrototypeKeys(JSON.parse('{"__proto__":{"admin":true}}')); // {}
 */
export function stripPrototypeKeys(value: unknown): void {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null || seen.has(current) || ArrayBuffer.isView(current)) continue;
    seen.add(current);
    if (!Array.isArray(current)) {
      for (const key of DANGEROUS_KEYS) {
        if (Object.prototype.hasOwnProperty.call(current, key)) delete (current as Record<string, unknown>)[key];
      }
    }
    for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}
