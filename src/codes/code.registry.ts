import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { renderCodeTableJson, renderCodeTableMarkdown } from './code-table.renderer.js';
import { type CodeSighting, collectCodes, conflictsMessage, type RegisteredCode } from './code-collection.js';
import type { BusinessCode } from './code-definition.interface.js';
import { CodeRegistryError } from './code-registry.error.js';
import { codeRuleMessage, codeRuleOf, codeRuleViolations } from './code-rule.js';
import { readEndpointCodes } from './endpoint-codes.js';
import { routesOf } from './endpoint-routes.js';
import { isBuiltInHttpCode } from './http-status.codes.js';

interface Collected {
  readonly codes: readonly RegisteredCode[];
  readonly byCode: ReadonlyMap<BusinessCode, RegisteredCode>;
  readonly locales: readonly string[];
}

/**
 * Every business code of the app, gathered once at start-up from the `codes` option and from the `@ApiCode` /
 * `@ApiThrows` of the app's controllers. Start-up fails on two different definitions of one code (built-in HTTP
 * codes excepted: a team's definition wins) and on codes that break the `codeRule` option. Renders the code table.
 *
 * @example
 * const registry = app.get(CodeRegistry);
 * registry.get(10010)?.name; // 'OrderCodes.OUT_OF_STOCK'
 * console.log(registry.toMarkdown());
 */
@Injectable()
export class CodeRegistry implements OnModuleInit {
  private collected: Collected | undefined;

  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Collects at start-up, so a duplicate stops the app before it listens. */
  onModuleInit(): void {
    this.collect();
  }

  /**
   * Every registered code, sorted: numbers, then strings.
   *
   * @example
   * registry.codes().map((entry) => entry.code); // [10000, 10001, 10002, 10010, 10011]
   */
  codes(): readonly RegisteredCode[] {
    return this.collect().codes;
  }

  /**
   * @example
   * registry.get(10010)?.status; // 409
   */
  get(code: BusinessCode): RegisteredCode | undefined {
    return this.collect().byCode.get(code);
  }

  /**
   * The default locale, then every locale the registered messages have, in the order first seen.
   *
   * @example
   * registry.locales(); // ['en', 'zh-CN']
   */
  locales(): readonly string[] {
    return this.collect().locales;
  }

  /**
   * @example
   * registry.toMarkdown(); // '| code | name | HTTP status | message (en) | message (zh-CN) | endpoints |\n…'
   */
  toMarkdown(): string {
    return renderCodeTableMarkdown(this.codes(), this.locales());
  }

  /**
   * @example
   * JSON.parse(registry.toJson())[0]; // { code: 10000, name: 'OrderCodes.ORDERS_LISTED', status: null, message: {…}, endpoints: ['GET /orders'] }
   */
  toJson(): string {
    return renderCodeTableJson(this.codes(), this.locales());
  }

  private collect(): Collected {
    if (this.collected !== undefined) return this.collected;
    const { codes, conflicts } = collectCodes(
      [...this.catalogueSightings(), ...this.controllerSightings()],
      isBuiltInHttpCode,
    );
    if (conflicts.length > 0) throw new CodeRegistryError(conflictsMessage(conflicts));
    const { codeRule } = this.options;
    const violations = codeRule === undefined ? [] : codeRuleViolations(codes, codeRuleOf(codeRule));
    if (violations.length > 0) throw new CodeRegistryError(codeRuleMessage(violations));
    const locales = new Set([this.options.locale.default]);
    for (const { message } of codes)
      if (typeof message !== 'string') Object.keys(message).forEach((l) => locales.add(l));
    this.collected = {
      codes,
      byCode: new Map(codes.map((entry) => [entry.code, entry])),
      locales: [...locales],
    };
    return this.collected;
  }

  private catalogueSightings(): CodeSighting[] {
    return this.options.codes.flatMap((catalogue, index) =>
      Object.entries(catalogue).map(([key, definition]) => ({ definition, key, origin: `codes[${index}]` })),
    );
  }

  private controllerSightings(): CodeSighting[] {
    const sightings: CodeSighting[] = [];
    const controllers = new Set(this.discovery.getControllers().map((wrapper) => wrapper.metatype));
    for (const controller of controllers) {
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function') continue;
        const endpoints = routesOf(controller, handler);
        if (endpoints.length === 0) continue;
        const where = `${controller.name}.${method}`;
        const { success, throws } = readEndpointCodes(handler, controller);
        if (success !== undefined) {
          sightings.push({ definition: success, origin: `@ApiCode on ${where}`, endpoints, role: 'success' });
        }
        for (const definition of throws) {
          sightings.push({ definition, origin: `@ApiThrows on ${where}`, endpoints, role: 'failure' });
        }
      }
    }
    return sightings;
  }
}
