import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

  it('package.json exports both subpaths with types, and ioredis as an optional peer', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./client']).toEqual({ types: './dist/client/index.d.ts', default: './dist/client/index.js' });
    expect(pkg.exports['./redis']).toEqual({ types: './dist/redis/index.d.ts', default: './dist/redis/index.js' });
    expect(pkg.exports['./swagger']).toEqual({
      types: './dist/swagger/index.d.ts',
      default: './dist/swagger/index.js',
    });
    expect(pkg.peerDependenciesMeta['@nestjs/swagger']).toEqual({ optional: true });
    expect(pkg.dependencies?.['@nestjs/swagger']).toBeUndefined();
    expect(pkg.peerDependencies.ioredis).toBeDefined();
    expect(pkg.peerDependenciesMeta.ioredis).toEqual({ optional: true });
    expect(pkg.dependencies?.ioredis).toBeUndefined();
  });
});
