import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CodeRegistry } from '../codes/code.registry.js';
import { type CodesCommand, CliUsageError } from './cli-args.js';

/**
 * Loads a module file's exports.
 *
 * @example
 * const fromMemory: ModuleLoader = () => Promise.resolve({ AppModule });
 */
export type ModuleLoader = (file: string) => Promise<Record<string, unknown>>;

// Node's own import(), out of reach of the CommonJS build, which turns an import() into require(): the user's
// built app may be ES modules (with top-level await). A constant body: no input ever becomes code.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<Record<string, unknown>>;

/**
 * Imports a built file (ES module or CommonJS) by path, relative to the working directory.
 *
 * @example
 * await importModuleFile('sample-app/dist/app.module.js'); // { AppModule: [class AppModule] }
 */
export const importModuleFile: ModuleLoader = (file) => nativeImport(pathToFileURL(resolve(file)).href);

/**
 * Runs `codes`: loads the module, creates its application context (logger off, no server, errors thrown rather
 * than aborting), collects the `CodeRegistry` (a duplicate code fails here as at start-up) and returns the table.
 *
 * @example
 * process.stdout.write(await runCodesCommand({ kind: 'codes', file: 'dist/app.module.js', format: 'md', exportName: 'AppModule' }));
 */
export async function runCodesCommand(command: CodesCommand, load: ModuleLoader = importModuleFile): Promise<string> {
  const exported = await load(command.file);
  const module = exported[command.exportName];
  if (typeof module !== 'function') {
    const names = Object.keys(exported).join(', ') || 'nothing';
    throw new CliUsageError(
      `${command.file} has no export ${command.exportName} (it exports ${names}); name the module with --export`,
    );
  }
  const app = await NestFactory.createApplicationContext(module as Type<unknown>, {
    logger: false,
    abortOnError: false,
  });
  try {
    let registry: CodeRegistry;
    try {
      registry = app.get(CodeRegistry, { strict: false });
    } catch {
      throw new Error(`${command.exportName} does not import ResponseModule: there is no CodeRegistry to print`);
    }
    return command.format === 'json' ? registry.toJson() : registry.toMarkdown();
  } finally {
    await app.close();
  }
}
