import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const EMIT = ['--noCheck', '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'];

/** A temporary folder holding the package as an app installs it, and the sample app built beside it. */
export interface InstalledPackage {
  /** The folder: `node_modules/nest-envelope`, `app/` (the sample app), an ESM `package.json`. */
  readonly home: string;
  /** `node_modules/nest-envelope`. */
  readonly pkg: string;
  /** The package's `package.json`. */
  readonly manifest: { bin: Record<string, string> };
  /** The sample app's entry, `app/main.js`. */
  readonly sampleMain: string;
}

/**
 * Builds the package into a temporary `node_modules/nest-envelope` the way `npm run build` lays out its CommonJS
 * build (dist/cjs, marked CommonJS), with the repository's dependencies linked beside it, and the sample app into
 * `app/`. Type checks are left to `npm run build`: this only emits.
 *
 * @example
 * const { home, sampleMain } = await installPackage('nest-envelope-cli-');
 */
export async function installPackage(prefix: string): Promise<InstalledPackage> {
  const home = await mkdtemp(join(tmpdir(), prefix));
  const modules = join(home, 'node_modules');
  const pkg = join(modules, 'nest-envelope');
  await mkdir(pkg, { recursive: true });
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as InstalledPackage['manifest'];
  await writeFile(join(pkg, 'package.json'), JSON.stringify(manifest));
  await writeFile(join(home, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry !== '.bin' && entry !== 'nest-envelope')
      await symlink(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  const app = join(home, 'app');
  await Promise.all([
    run(process.execPath, [
      TSC,
      '-p',
      join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      join(pkg, 'dist', 'cjs'),
      ...EMIT,
    ]),
    run(process.execPath, [TSC, '-p', join(ROOT, 'sample-app', 'tsconfig.json'), '--outDir', app, ...EMIT]),
  ]);
  // What scripts/dist-formats.mjs writes after `npm run build`.
  await writeFile(join(pkg, 'dist', 'cjs', 'package.json'), JSON.stringify({ type: 'commonjs' }));
  return { home, pkg, manifest, sampleMain: join(app, 'main.js') };
}
