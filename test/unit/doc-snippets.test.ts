import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Snippets are type-checked as if they were files of this folder; nothing is written there (see the host below). */
const SNIPPET_DIR = join(ROOT, 'doc-snippets.virtual');
const FENCE = /^```(ts|typescript)\s*$/;

/** A ```ts or ```typescript fence of a page, and the line of the page its code starts on (1-based). */
interface Snippet {
  doc: string;
  line: number;
  code: string;
  file: string;
}

/** The pages whose snippets are compiled: the README and every page of docs/. */
function docPages(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** Every TypeScript fence of a page. An unclosed fence is an error: it would hide the rest of the page. */
function extractSnippets(doc: string, text: string): Omit<Snippet, 'file'>[] {
  const lines = text.split('\n');
  const found: Omit<Snippet, 'file'>[] = [];
  let open: { lang: string | undefined; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (open === undefined) {
      const start = /^```(\S*)/.exec(line);
      if (start) open = { lang: FENCE.test(line) ? start[1] : undefined, line: index + 2, body: [] };
    } else if (/^```\s*$/.test(line)) {
      if (open.lang !== undefined) found.push({ doc, line: open.line, code: open.body.join('\n') + '\n' });
      open = undefined;
    } else {
      open.body.push(line);
    }
  });
  if (open !== undefined) throw new Error(`${doc}:${open.line - 1}: a code fence is never closed`);
  return found;
}

function allSnippets(): Snippet[] {
  return docPages().flatMap((doc) =>
    extractSnippets(doc, readFileSync(join(ROOT, doc), 'utf8')).map((snippet) => ({
      ...snippet,
      file: join(SNIPPET_DIR, `${doc.replace(/[/.]/g, '_')}_L${snippet.line}.ts`),
    })),
  );
}

/** The repository's compiler options, with the package's own entry points mapped to its sources. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, configFile);
  return {
    ...options,
    noEmit: true,
    paths: {
      'nest-envelope': [join(ROOT, 'src/index.ts')],
      'nest-envelope/client': [join(ROOT, 'src/client/index.ts')],
      'nest-envelope/codes': [join(ROOT, 'src/codes/index.ts')],
      'nest-envelope/swagger': [join(ROOT, 'src/swagger/index.ts')],
      'nest-envelope/redis': [join(ROOT, 'src/redis/index.ts')],
    },
  };
}

/**
 * Type-checks the snippets in one program. They are served to the compiler from memory, at paths inside the
 * repository (so that `node_modules` and `"type": "module"` apply as to any file of it), and never written to disk.
 * Returns the problems of each snippet, keyed by its file, and those of the program as a whole under `''`.
 */
function compileSnippets(snippets: Snippet[]): Map<string, string[]> {
  const byFile = new Map(snippets.map((snippet) => [snippet.file, snippet]));
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (path) => byFile.has(path) || fileExists.call(host, path);
  host.readFile = (path) => byFile.get(path)?.code ?? readFile.call(host, path);
  host.getSourceFile = (path, language, onError, create) => {
    const snippet = byFile.get(path);
    return snippet
      ? ts.createSourceFile(path, snippet.code, language, true)
      : getSourceFile.call(host, path, language, onError, create);
  };
  const program = ts.createProgram([...byFile.keys()], options, host);
  const text = (diagnostic: ts.Diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const problems = new Map<string, string[]>([
    ['', [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(text)],
  ]);
  for (const snippet of snippets) {
    const source = program.getSourceFile(snippet.file);
    if (source === undefined) throw new Error(`${snippet.doc}:${snippet.line}: snippet not in the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    problems.set(
      snippet.file,
      diagnostics.map((diagnostic) => {
        const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        return `${snippet.doc}:${snippet.line + line} (fence at line ${snippet.line - 1}): TS${diagnostic.code} ${text(diagnostic)}`;
      }),
    );
  }
  return problems;
}

/** A snippet that must not compile: proof that the check checks. It is compiled with the others, never shown. */
const BROKEN: Snippet = {
  doc: 'docs/broken.md',
  line: 10,
  code: "import { defineCodes } from 'nest-envelope';\n\ndefineCodes({ X: { code: 1, status: 'oops' } });\n",
  file: join(SNIPPET_DIR, 'broken.ts'),
};

describe('the TypeScript snippets of README.md and docs/', () => {
  const snippets = allSnippets();
  let problems: Map<string, string[]>;
  beforeAll(() => {
    problems = compileSnippets([...snippets, BROKEN]);
  }, 60_000);

  it('are found on the README and the docs pages', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(15);
    expect(new Set(snippets.map((s) => s.doc))).toContain('README.md');
    expect(new Set(snippets.map((s) => s.doc))).toContain('docs/signing.md');
  });

  it('each compile as a module, in one program against the sources', () => {
    const found = [...(problems.get('') ?? []), ...snippets.flatMap((s) => problems.get(s.file) ?? [])];
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('would fail on a snippet that does not type-check, naming its page and line', () => {
    const found = problems.get(BROKEN.file) ?? [];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^docs\/broken\.md:12 \(fence at line 9\): TS2322 /);
  });

  it('are read with their page line numbers, ts and typescript fences only', () => {
    const page = ['# t', '```ts', 'const a = 1;', '```', '```json', '{}', '```', '```typescript', 'x', '```'].join(
      '\n',
    );
    expect(extractSnippets('p.md', page)).toEqual([
      { doc: 'p.md', line: 3, code: 'const a = 1;\n' },
      { doc: 'p.md', line: 9, code: 'x\n' },
    ]);
    expect(() => extractSnippets('p.md', '```ts\nconst a = 1;\n')).toThrow('p.md:1: a code fence is never closed');
  });
});
