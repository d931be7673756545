import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../e2e/harness.js';
import { CONSUMER_SOURCE } from './client-consumer.js';
import { bootSample, type SampleUnderTest } from './sample-under-test.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** `tsc --strict` over the consumer, in-process: the messages of every diagnostic. */
function strictDiagnostics(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: false,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  const emitted = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    return where ? `${d.file!.fileName.split('/').pop()}:${where.line + 1}: ${text}` : text;
  });
}

describe.each(ADAPTERS)('a client generated from /docs-json (openapi-typescript + openapi-fetch) on %s', (adapter) => {
  let sample: SampleUnderTest;
  // Inside the project, so `openapi-fetch` resolves from its node_modules; ignored by git, lint and format.
  const dir = join(ROOT, 'node_modules', '.cache', `nest-envelope-client-${adapter}`);
  let diagnostics: string[];
  let base: string;
  beforeAll(async () => {
    sample = await bootSample('wechat', adapter);
    await mkdir(dir, { recursive: true });
    const schema = astToString(await openapiTS(sample.document as never));
    await writeFile(join(dir, 'schema.d.ts'), schema);
    await writeFile(join(dir, 'consumer.ts'), CONSUMER_SOURCE);
    diagnostics = strictDiagnostics(join(dir, 'consumer.ts'));
    const server = sample.t.app.getHttpServer() as Server;
    await sample.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await sample?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('compiles under tsc --strict, reading data of a success and code of a declared failure with their types', () => {
    expect(diagnostics).toEqual([]);
  });

  it('runs against the app: the sku, the int64 id as a string, and the codes of the failures', async () => {
    const { consume } = (await import(pathToFileURL(join(dir, 'consumer.js')).href)) as {
      consume(base: string): Promise<unknown>;
    };
    await expect(consume(base)).resolves.toEqual({
      sku: 'TEA-1',
      id: '9007199254740993',
      notFound: 10012,
      outOfStock: 10010,
    });
  });
});
