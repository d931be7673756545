/**
 * The `codes` command: which module file to load, which export is the module, and the output format.
 *
 * @example
 * const command: CodesCommand = { kind: 'codes', file: 'dist/app.module.js', format: 'md', exportName: 'AppModule' };
 */
export interface CodesCommand {
  readonly kind: 'codes';
  readonly file: string;
  readonly format: 'md' | 'json';
  readonly exportName: string;
}

/**
 * What the command line asks for.
 *
 * @example
 * const help: CliCommand = { kind: 'help' };
 */
export type CliCommand = CodesCommand | { readonly kind: 'help' };

/**
 * The usage text, printed for `--help` (on stdout) and after a usage error (on stderr).
 *
 * @example
 * console.log(CLI_USAGE); // 'Usage: nest-envelope codes <module-file> [--format md|json] [--export AppModule]…'
 */
export const CLI_USAGE = `Usage: nest-envelope codes <module-file> [--format md|json] [--export AppModule]

Loads a built application module (an ESM .js file), starts its Nest application context (no server,
no logs), collects the CodeRegistry and prints the code table: Markdown (default) or JSON.

  --format md|json   output format (default md)
  --export NAME      the module's export name (default AppModule)
  -h, --help         this text`;

/**
 * A command line that cannot be run as written; the CLI prints it with the usage and exits with 2.
 *
 * @example
 * throw new CliUsageError('--format must be md or json (got "xml")');
 */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

function flagValue(args: readonly string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('-')) throw new CliUsageError(`${flag} needs a value`);
  return value;
}

/**
 * Parses the arguments after `nest-envelope` (`process.argv.slice(2)`). Flags may come anywhere, as
 * `--format json` or `--format=json`. No arguments at all is a usage error; `--help` is not.
 *
 * @example
 * parseCliArgs(['codes', 'dist/app.module.js', '--format', 'json']);
 * // { kind: 'codes', file: 'dist/app.module.js', format: 'json', exportName: 'AppModule' }
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const args = argv.flatMap((arg) =>
    /^--[a-z]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg],
  );
  if (args.includes('-h') || args.includes('--help')) return { kind: 'help' };
  if (args.length === 0) throw new CliUsageError('a command is needed (known: codes)');
  let format = 'md';
  let exportName = 'AppModule';
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--format') format = flagValue(args, index++, arg);
    else if (arg === '--export') exportName = flagValue(args, index++, arg);
    else if (arg.startsWith('-')) throw new CliUsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, file, ...rest] = positional;
  if (command !== 'codes') throw new CliUsageError(`unknown command ${JSON.stringify(command)} (known: codes)`);
  if (file === undefined) throw new CliUsageError('codes needs the module file, e.g. dist/app.module.js');
  if (rest.length > 0) throw new CliUsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  if (format !== 'md' && format !== 'json')
    throw new CliUsageError(`--format must be md or json (got ${JSON.stringify(format)})`);
  return { kind: 'codes', file, format, exportName };
}
