// API report for every package entry, one api-extractor run each (configs in api-extractor/, reports in etc/api/).
//
//   node scripts/api-report.mjs          check: fail when a report differs from the committed one (npm run api:check)
//   node scripts/api-report.mjs --local  update: rewrite the reports in etc/api/ (npm run api:update)
//
// Reads the .d.ts in dist/, so `npm run build` must have run first. The entries are the "types" of package.json's
// "exports"; each needs api-extractor/<name>.json ("." is index.json, "./client" is client.json, "./a/b" a-b.json).
import console from 'node:console';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configDir = path.join(root, 'api-extractor');
const local = process.argv.includes('--local');
const rel = (file) => path.relative(root, file);

/** @type {{ exports: Record<string, string | { types?: string }> }} */
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const entries = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  typeof target === 'object' && target.types
    ? [
        {
          subpath,
          types: path.resolve(root, target.types),
          name: subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-'),
        },
      ]
    : [],
);

const problems = [];
const configs = new Set(readdirSync(configDir).filter((file) => file.endsWith('.json') && file !== 'base.json'));
for (const entry of entries) {
  if (!configs.delete(`${entry.name}.json`)) {
    problems.push(`package.json exports "${entry.subpath}" but there is no api-extractor/${entry.name}.json`);
  }
}
const unbuilt = entries.filter((entry) => !existsSync(entry.types)).map((entry) => rel(entry.types));
if (unbuilt.length > 0) problems.push(`${unbuilt.join(', ')} missing: run \`npm run build\` first`);
for (const stray of configs) problems.push(`api-extractor/${stray} matches no entry in package.json "exports"`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`api-report: ${problem}`);
  process.exit(1);
}

const changed = [];
const failed = [];
const started = performance.now();
for (const entry of entries) {
  const config = ExtractorConfig.loadFileAndPrepare(path.join(configDir, `${entry.name}.json`));
  if (config.mainEntryPointFilePath !== entry.types) {
    failed.push(entry.subpath);
    console.error(
      `api-report: api-extractor/${entry.name}.json reads ${rel(config.mainEntryPointFilePath)}, ` +
        `but package.json types "${entry.subpath}" as ${rel(entry.types)}`,
    );
    continue;
  }
  const report = path.join(config.reportFolder, config.reportConfigs[0].fileName);
  const fresh = path.join(config.reportTempFolder, config.reportConfigs[0].fileName);
  mkdirSync(config.reportFolder, { recursive: true });
  console.log(`\napi-report: "${entry.subpath}" (${rel(entry.types)}) -> ${rel(report)}`);

  const result = Extractor.invoke(config, {
    localBuild: local,
    printApiReportDiff: !local,
    messageCallback(message) {
      // Our own lines replace api-extractor's preamble and its "copy the temp file" advice.
      if (message.messageId === 'console-preamble' || message.messageId === 'console-api-report-not-copied') {
        message.handled = true;
      }
      // In update mode the changed report is the point, not a warning.
      if (local && ['console-api-report-copied', 'console-api-report-created'].includes(message.messageId)) {
        message.logLevel = ExtractorLogLevel.Info;
        message.handled = true;
      }
    },
  });

  const program = result.compilerState.program;
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry.types));
  const names = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).length : 0;
  const forgotten = new Set(
    Array.from(readFileSync(fresh, 'utf8').matchAll(/\(ae-forgotten-export\) The symbol "([^"]+)"/g), (m) => m[1]),
  );
  const summary = `${names} exported names, ${forgotten.size} forgotten export${forgotten.size === 1 ? '' : 's'}${
    forgotten.size > 0 ? ` (${[...forgotten].sort().join(', ')})` : ''
  }`;

  if (result.apiReportChanged) changed.push({ entry, report, fresh });
  if (result.apiReportChanged && !local) {
    console.error(
      `api-report: "${entry.subpath}" CHANGED (${summary}): the public API differs from ${rel(report)}, diff above.`,
    );
  } else if (result.apiReportChanged) {
    console.log(`api-report: "${entry.subpath}" updated ${rel(report)}: ${summary}`);
  } else {
    console.log(`api-report: "${entry.subpath}" up to date: ${summary}`);
  }
  if (!result.succeeded) {
    failed.push(entry.subpath);
    if (!result.apiReportChanged || local) {
      console.error(
        `api-report: "${entry.subpath}" api-extractor reported ${result.errorCount} error(s), ` +
          `${result.warningCount} warning(s) (above)`,
      );
    }
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (!local && changed.length > 0) {
  console.error(
    `\napi-report: the public API changed for ${changed.map(({ entry }) => `"${entry.subpath}"`).join(', ')}.\n` +
      `If that is intended, run \`npm run build && npm run api:update\` and commit ${changed
        .map(({ report }) => rel(report))
        .join(', ')} with the change, so the new surface is reviewed.\n` +
      `Freshly generated reports: ${changed.map(({ fresh }) => rel(fresh)).join(', ')}.`,
  );
}
if (failed.length > 0) {
  console.error(`\napi-report: failed for ${failed.map((subpath) => `"${subpath}"`).join(', ')} (${seconds} s)`);
  process.exit(1);
}
console.log(
  `\napi-report: ${entries.length} entries ${local ? (changed.length > 0 ? `checked, ${changed.length} updated` : 'checked, none changed') : 'match their reports'} (${seconds} s)`,
);
