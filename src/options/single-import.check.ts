import { RESPONSE_MODULE_IMPORT } from './options.constants.js';
import { ResponseOptionsError } from './response-options.error.js';

/** What one `forRoot()` / `forRootAsync()` call puts in its module, as `RESPONSE_MODULE_IMPORT`. */
export interface ImportMarker {
  readonly via: 'forRoot' | 'forRootAsync';
}

/** The parts of Nest's `Module` (an entry of `ModulesContainer`) the check reads. */
interface ModuleEntry {
  readonly metatype: unknown;
  readonly token: string;
  readonly providers: ReadonlyMap<unknown, { readonly instance: unknown }>;
  /** Nest's container, for the imports of dynamic modules (not public: read defensively). */
  readonly container?: { getDynamicMetadataByToken?(token: string, key: 'imports'): unknown };
}

interface DeclaredImport {
  readonly module?: unknown;
  readonly providers?: readonly unknown[];
}

function nameOf(type: unknown): string {
  return typeof type === 'function' && type.name !== '' ? type.name : 'a module';
}

/** The imports a module declared: its `@Module({ imports })`, and those of its dynamic metadata. */
function declaredImports(entry: ModuleEntry): unknown[] {
  const own: unknown = typeof entry.metatype === 'function' ? Reflect.getMetadata('imports', entry.metatype) : [];
  let dynamic: unknown;
  try {
    dynamic = entry.container?.getDynamicMetadataByToken?.(entry.token, 'imports');
  } catch {
    dynamic = undefined;
  }
  const listed = (value: unknown): readonly unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
  return [...listed(own), ...listed(dynamic)];
}

/** The marker of an import of `moduleClass`, when it is one. */
function markerOf(declared: unknown, moduleClass: unknown): unknown {
  if (typeof declared !== 'object' || declared === null) return undefined;
  const { module, providers } = declared as DeclaredImport;
  if (module !== moduleClass || !Array.isArray(providers)) return undefined;
  const provider = providers.find(
    (item: unknown) => (item as { provide?: unknown } | null)?.provide === RESPONSE_MODULE_IMPORT,
  ) as { useValue?: unknown } | undefined;
  return provider?.useValue;
}

/**
 * Refuses an app that imports `ResponseModule` as more than one module. It is global: each import would register
 * its own exception filter and validation pipe (a body validated twice), and each provider would get one option
 * set or the other. Nest makes every `forRoot()` call a module of its own (its default module ids are by reference;
 * with `moduleIdGeneratorAlgorithm: 'deep-hash'`, calls with equal options are one module, and pass), and one
 * `DynamicModule` value imported in two places is one module. The error names the importing modules.
 *
 * @example
 * refuseSecondImport(app.get(ModulesContainer).values(), ResponseModule); // throws for AppModule + UsersModule
 */
export function refuseSecondImport(modules: Iterable<object>, moduleClass: unknown): void {
  const entries = [...modules] as ModuleEntry[];
  const instances = entries.filter((entry) => entry.metatype === moduleClass);
  if (instances.length < 2) return;
  const describe = (instance: ModuleEntry): string => {
    const marker = instance.providers.get(RESPONSE_MODULE_IMPORT)?.instance as ImportMarker | undefined;
    const importers = entries
      .filter((entry) => entry.metatype !== moduleClass)
      .filter((entry) => declaredImports(entry).some((declared) => markerOf(declared, moduleClass) === marker))
      .map((entry) => nameOf(entry.metatype));
    const via = `${nameOf(moduleClass)}.${marker?.via ?? 'forRoot'}()`;
    return importers.length === 0 ? `${via} (imported by a module not found)` : `${via} in ${importers.join(', ')}`;
  };
  throw new ResponseOptionsError(
    `${nameOf(moduleClass)} is imported as ${instances.length} modules: ${instances.map(describe).join('; ')}. ` +
      'It is global: import it once, in the root module (other modules get its providers without importing it); ' +
      'each import would register its own filter and validation pipe, and their options would mix.',
  );
}
