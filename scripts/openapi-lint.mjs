// `npm run lint:openapi`: Redocly's recommended rules over the sample app's OpenAPI document in each failure style,
// compared with the same rules over Nest's own document of the same app (SwaggerModule.createDocument without
// applyEnvelopeToDocument). Any finding the envelope rewrite adds fails. Needs `npm run build` (the library's dist).
import { execFile, execFileSync } from 'node:child_process';
import console from 'node:console';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { findingsAddedBy, formatFinding } from './openapi-findings.mjs';

const STYLES = ['wechat', 'spring', 'problem'];
const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = promisify(execFile);

/** In a child (the sample reads VALIDATION_STYLE once, at import): writes both documents of this style to `dir`. */
async function emitDocuments(dir, style) {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { SwaggerModule } = await import('@nestjs/swagger');
  const { AppModule } = await import('../sample-app/dist/app.module.js');
  const { documentConfig, openApiDocument } = await import('../sample-app/dist/swagger.js');
  const app = await NestFactory.create(AppModule, { logger: false, rawBody: true });
  await app.init();
  writeFileSync(join(dir, `${style}.nest.json`), JSON.stringify(SwaggerModule.createDocument(app, documentConfig())));
  writeFileSync(join(dir, `${style}.rewritten.json`), JSON.stringify(openApiDocument(app)));
  await app.close();
}

/** Redocly's findings for one file (it exits 1 on an error finding; the JSON report is on stdout either way). */
async function lint(file) {
  const args = ['lint', file, '--extends=recommended', '--format=json'];
  const options = { env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, maxBuffer: 64 * 1024 * 1024 };
  const stdout = await run(bin('redocly'), args, options).then(
    (done) => done.stdout,
    (error) => (error.stdout ? error.stdout : Promise.reject(error)),
  );
  return JSON.parse(stdout).problems;
}

if (process.argv[2] === '--emit') {
  await emitDocuments(process.argv[3], process.env.VALIDATION_STYLE);
} else {
  execFileSync(bin('tsc'), ['-p', join(root, 'sample-app', 'tsconfig.json')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'nest-envelope-lint-'));
  try {
    const self = import.meta.filename;
    await Promise.all(
      STYLES.map((style) =>
        run(process.execPath, [self, '--emit', dir], { env: { ...process.env, VALIDATION_STYLE: style } }),
      ),
    );
    let failed = false;
    for (const style of STYLES) {
      const [before, after] = await Promise.all([
        lint(join(dir, `${style}.nest.json`)),
        lint(join(dir, `${style}.rewritten.json`)),
      ]);
      const added = findingsAddedBy(before, after);
      console.log(
        `redocly lint (recommended), ${style} style: Nest's own document ${before.length} findings, ` +
          `rewritten ${after.length}, added by the rewrite ${added.length}`,
      );
      for (const finding of added) console.log(`  ${formatFinding(finding)}`);
      failed ||= added.length > 0;
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
