import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((path): path is string => typeof path === 'string');
  return typeof value === 'string' ? [value] : [];
}

function joinPaths(...parts: string[]): string {
  const segments = parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter((part) => part !== '');
  return `/${segments.join('/')}`;
}

/**
 * The routes of a handler as the code table shows them (`POST /orders`): its method and every combination of
 * controller and handler paths; `[]` for a method that is not a route. Global prefixes and versions are set on
 * the application, not the controller, so they are not part of it.
 *
 * @example
 * routesOf(OrdersController, OrdersController.prototype.find); // ['GET /orders/:id']
 */
export function routesOf(controller: object, handler: object): string[] {
  const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
  const handlerPaths = pathsOf(Reflect.getMetadata(PATH_METADATA, handler));
  if (typeof method !== 'number' || handlerPaths.length === 0) return [];
  const verb = RequestMethod[method] ?? String(method);
  const controllerPaths = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
  const prefixes = controllerPaths.length === 0 ? ['/'] : controllerPaths;
  return prefixes.flatMap((prefix) => handlerPaths.map((path) => `${verb} ${joinPaths(prefix, path)}`));
}
