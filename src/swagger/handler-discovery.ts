import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

/**
 * Swagger's `operationIdFactory` signature.
 *
 * @example
 * const factory: OperationIdFactory = (controllerKey, methodKey) => `${controllerKey}_${methodKey}`;
 */
export type OperationIdFactory = (controllerKey: string, methodKey: string, version?: string) => string;

/** A route handler and the controller class it is declared on. */
export interface FoundHandler {
  readonly handler: object & { readonly name: string };
  readonly controller: object;
}

// @nestjs/swagger's default: `${controllerKey}_${methodKey}` (with `_${version}` for versioned routes).
const DEFAULT_OPERATION_ID: OperationIdFactory = (controllerKey, methodKey) => `${controllerKey}_${methodKey}`;

/**
 * Every controller method of the app, keyed by the operation id Swagger gives it, so the document's operations
 * can be matched to their handlers' metadata. Versioned ids (`…_v1`) map to the same handler.
 *
 * @example
 * discoverHandlers(app).get('OrdersController_create')?.handler; // OrdersController.prototype.create
 */
export function discoverHandlers(
  app: INestApplicationContext,
  factory: OperationIdFactory = DEFAULT_OPERATION_ID,
): ReadonlyMap<string, FoundHandler> {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = new MetadataScanner();
  const found = new Map<string, FoundHandler>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object & { readonly name: string };
      found.set(factory(controller.name, name), { handler, controller });
      for (const version of versionsOf(handler, controller))
        found.set(factory(controller.name, name, version), { handler, controller });
    }
  }
  return found;
}

function versionsOf(handler: object, controller: object): string[] {
  const version = (Reflect.getMetadata('__version__', handler) ?? Reflect.getMetadata('__version__', controller)) as
    string | string[] | undefined;
  if (version === undefined || typeof version === 'symbol') return [];
  return (Array.isArray(version) ? version : [version]).map((v) => `v${v}`);
}
