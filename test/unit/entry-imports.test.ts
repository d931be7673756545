import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every module an entry loads at run time (type-only imports left out), with the bare specifiers it imports. */
function runtimeGraph(entry: string): { files: string[]; bare: string[] } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (typeOnly) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else bare.add(specifier);
    }
  };
  visit(resolve(root, entry));
  return { files: [...files].map((file) => file.slice(root.length + 1)).sort(), bare: [...bare].sort() };
}

/** Every file under src/ with the specifiers it imports; `typeOnly` for `import type` / `export type`. */
function sourceImports(): { file: string; specifier: string; target: string | undefined; typeOnly: boolean }[] {
  const files = readdirSync(resolve(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `src/${name.split(sep).join('/')}`);
  return files.flatMap((file) =>
    [...readFileSync(resolve(root, file), 'utf8').matchAll(IMPORT)].map(([, typeOnly, specifier]) => ({
      file,
      specifier,
      typeOnly: typeOnly !== undefined,
      target: specifier.startsWith('.')
        ? relative(root, resolve(dirname(resolve(root, file)), specifier.replace(/\.js$/, '.ts')))
            .split(sep)
            .join('/')
        : undefined,
    })),
  );
}

const folderOf = (file: string) => file.split('/')[1];

describe('the layers of src/: options at the floor, ResponseModule at the top', () => {
  const imports = sourceImports();

  it('nothing imports module/ but the barrel', () => {
    const offenders = imports.filter(
      ({ file, target }) =>
        target?.startsWith('src/module/') && file !== 'src/index.ts' && !file.startsWith('src/module/'),
    );
    expect(offenders.map(({ file, specifier }) => `${file} → ${specifier}`)).toEqual([]);
  });

  it('options/ loads, at run time, only its own files and files that import nothing themselves', () => {
    const runtime = imports.filter(({ typeOnly }) => !typeOnly);
    const importsSomething = new Set(runtime.filter(({ target }) => target !== undefined).map(({ file }) => file));
    const offenders = runtime.filter(
      ({ file, target }) =>
        file.startsWith('src/options/') &&
        target !== undefined &&
        !target.startsWith('src/options/') &&
        importsSomething.has(target),
    );
    expect(offenders.map(({ file, specifier }) => `${file} → ${specifier}`)).toEqual([]);
    expect(
      runtime.some(({ file, target }) => file.startsWith('src/options/') && target === 'src/render/timestamp.ts'),
    ).toBe(true); // the rule is really applied to the floor's imports
  });

  it('renderers import no Nest', () => {
    const nest = imports.filter(
      ({ file, specifier }) => file.startsWith('src/render/') && specifier.startsWith('@nestjs/'),
    );
    expect(nest.map(({ file, specifier }) => `${file} → ${specifier}`)).toEqual([]);
    const render = imports.filter(({ file }) => file.startsWith('src/render/'));
    expect(render.length).toBeGreaterThan(0);
  });

  // The floor may load leaves of other folders (the previous rule), so pairs with options/ are not cycles.
  it('no two folders above the floor import each other at run time', () => {
    const edges = new Set(
      imports
        .filter(({ typeOnly, target }) => !typeOnly && target !== undefined)
        .map(({ file, target }) => `${folderOf(file)}→${folderOf(target!)}`)
        .filter((edge) => {
          const [from, to] = edge.split('→');
          return from !== 'index.ts' && from !== to && from !== 'options' && to !== 'options';
        }),
    );
    const mutual = [...edges].filter((edge) => {
      const [from, to] = edge.split('→');
      return from < to && edges.has(`${to}→${from}`);
    });
    expect(mutual).toEqual([]);
  });

  it('no source file is over 250 lines', () => {
    const long = [...new Set(imports.map(({ file }) => file))].filter(
      (file) => readFileSync(resolve(root, file), 'utf8').split('\n').length > 250,
    );
    expect(long).toEqual([]);
  });
});

describe('subpath entries keep their dependencies to themselves', () => {
  it('nest-envelope/client loads nothing but its own files and pure signing strings: no Nest, no node:', () => {
    const { files, bare } = runtimeGraph('src/client/index.ts');
    expect(bare).toEqual([]);
    expect(files.every((file) => file.startsWith('src/client/') || file === 'src/signing/canonical-request.ts')).toBe(
      true,
    );
    for (const file of files)
      expect(readFileSync(resolve(root, file), 'utf8'), file).not.toMatch(/\bBuffer\b|process\./);
  });

  it('nest-envelope/codes loads no Nest, no node: module, no exception class: a front end can bundle it', () => {
    const { files, bare } = runtimeGraph('src/codes/index.ts');
    expect(bare).toEqual([]);
    expect(files).toContain('src/codes/define-codes.ts'); // the graph is really followed
    expect(files).toContain('src/codes/signing.codes.ts');
    expect(files.filter((file) => !file.startsWith('src/codes/') && !file.startsWith('src/options/'))).toEqual([]);
    expect(files.filter((file) => /exception|decorator|registry|\.module\./.test(file))).toEqual([]);
    for (const file of files)
      expect(readFileSync(resolve(root, file), 'utf8'), file).not.toMatch(/\bBuffer\b|process\./);
  });

  it('the main entry exports the very catalogues and defineCodes of nest-envelope/codes', async () => {
    const main = await import('../../src/index.js');
    const codes = await import('../../src/codes/index.js');
    for (const [name, value] of Object.entries(codes)) expect(main[name as keyof typeof main], name).toBe(value);
  });

  it('the main entry never loads ioredis nor the redis entry', () => {
    const { files, bare } = runtimeGraph('src/index.ts');
    expect(files).toContain('src/signing/signature.guard.ts'); // the graph is really followed
    expect(bare.filter((specifier) => /redis/i.test(specifier))).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/redis/'))).toEqual([]);
  });

  it('the main entry never loads @nestjs/swagger nor the swagger entry; the swagger entry does', () => {
    const main = runtimeGraph('src/index.ts');
    expect(main.bare.filter((specifier) => specifier.startsWith('@nestjs/swagger'))).toEqual([]);
    expect(main.files.filter((file) => file.startsWith('src/swagger/'))).toEqual([]);
    expect(runtimeGraph('src/swagger/index.ts').bare).toContain('@nestjs/swagger');
  });

  it('nest-envelope/redis does not import ioredis either: it takes the client it is given', () => {
    expect(runtimeGraph('src/redis/index.ts').bare).toEqual([]);
  });

  it('package.json exports every entry with types, and ioredis and @nestjs/swagger as optional peers', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    const entry = (name: string) => ({
      types: `./dist/cjs/${name}.d.ts`,
      node: `./dist/cjs/${name}.js`,
      require: `./dist/cjs/${name}.js`,
      default: `./dist/esm/${name}.js`,
    });
    expect(pkg.exports['.']).toEqual(entry('index'));
    expect(pkg.exports['./client']).toEqual(entry('client/index'));
    expect(pkg.exports['./codes']).toEqual(entry('codes/index'));
    expect(pkg.exports['./redis']).toEqual(entry('redis/index'));
    expect(pkg.exports['./swagger']).toEqual(entry('swagger/index'));
    expect(pkg.peerDependenciesMeta['@nestjs/swagger']).toEqual({ optional: true });
    expect(pkg.dependencies?.['@nestjs/swagger']).toBeUndefined();
    expect(pkg.peerDependencies.ioredis).toBeDefined();
    expect(pkg.peerDependenciesMeta.ioredis).toEqual({ optional: true });
    expect(pkg.dependencies?.ioredis).toBeUndefined();
  });
});

// Node loads one build through both require() and import, so an app cannot hold two BusinessException classes;
// moduleResolution "node" (node10) ignores "exports", so typesVersions and main/types must say the same.
describe('package.json: one implementation in Node, the same types under every moduleResolution', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
    main: string;
    types: string;
    bin: Record<string, string>;
    typesVersions: Record<string, Record<string, string[]>>;
  };
  const entries = Object.entries(pkg.exports).filter(
    (pair): pair is [string, Record<string, string>] => typeof pair[1] === 'object',
  );

  it('every entry: "types" first, then Node (node, require) on the CommonJS file, "default" on its ES twin', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const [subpath, target] of entries) {
      expect(Object.keys(target), subpath).toEqual(['types', 'node', 'require', 'default']);
      expect(target.node, subpath).toMatch(/^\.\/dist\/cjs\/.+\.js$/);
      expect(target.require, subpath).toBe(target.node);
      expect(target.types, subpath).toBe(target.node.replace(/\.js$/, '.d.ts'));
      expect(target.default, subpath).toBe(target.node.replace('./dist/cjs/', './dist/esm/'));
    }
  });

  it('moduleResolution "node" finds each subpath\'s types (typesVersions), the root through main and types', () => {
    const { '.': main, ...subpaths } = Object.fromEntries(entries);
    expect(pkg.main).toBe(main.node);
    expect(pkg.types).toBe(main.types);
    expect(pkg.typesVersions).toEqual({
      '*': Object.fromEntries(Object.entries(subpaths).map(([subpath, target]) => [subpath.slice(2), [target.types]])),
    });
  });

  it('the bin runs the CommonJS build, the one the app it loads uses', () => {
    expect(Object.values(pkg.bin)).toEqual(['./dist/cjs/cli/main.js']);
    expect(readFileSync(resolve(root, 'src/cli/main.ts'), 'utf8')).not.toMatch(/^[^/]*\bawait\b/m);
  });
});
