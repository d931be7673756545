import { types } from 'node:util';

/** How many errors of a cause chain the log follows, the thrown one included. */
export const MAX_CAUSE_DEPTH = 8;
/** The longest text the log keeps of one error (its stack or its description). */
export const MAX_ERROR_TEXT = 8_192;

type Read = { ok: true; value: unknown } | { ok: false };

/** A member of a thrown value, or nothing when the getter or a proxy trap throws. */
function read(value: object, key: PropertyKey): Read {
  try {
    return { ok: true, value: (value as Record<PropertyKey, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}

function textOf(entry: Read, unreadable: string): string | undefined {
  if (!entry.ok) return unreadable;
  return typeof entry.value === 'string' ? entry.value : undefined;
}

/** The stack frames alone, for an error whose stack cannot be formatted (V8 formats it with `name` and `message`). */
function framesOnly(error: object): string | undefined {
  // Read and restored as a plain value: V8 calls it, never through `Error`.
  const saved: unknown = Reflect.get(Error, 'prepareStackTrace');
  Error.prepareStackTrace = (_error, frames) =>
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a V8 CallSite formats itself as a stack line
    frames.map((frame) => `    at ${frame.toString()}`).join('\n');
  try {
    const stack = (error as { stack?: unknown }).stack;
    return typeof stack === 'string' ? stack : undefined;
  } catch {
    return undefined;
  } finally {
    Reflect.set(Error, 'prepareStackTrace', saved);
  }
}

function cut(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}… (${text.length} characters)` : text;
}

/**
 * The name of a thrown value for a log line, whatever it is: an error's `name`, a class name, or the type.
 * Never throws; a getter or trap that throws gives `<unreadable name>`.
 *
 * @example
 * thrownName(new TypeError('x')); // 'TypeError'
 */
export function thrownName(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  if (types.isProxy(value)) return 'Proxy';
  const name = textOf(read(value, 'name'), '<unreadable name>');
  if (name !== undefined && name !== '') return name;
  try {
    const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor;
    return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
  } catch {
    return 'Object';
  }
}

/** One error of the chain: its stack (with a header line rebuilt when V8 could not write one), else a description. */
function describeOne(value: unknown): string {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'string' ? `(a thrown string) ${value}` : `(a thrown ${typeof value}) ${String(value)}`;
  }
  if (types.isProxy(value)) return '(a Proxy: nothing read from it, its traps may throw)';
  const stack = read(value, 'stack');
  if (stack.ok && typeof stack.value === 'string') return cut(stack.value);
  const name = thrownName(value);
  const message = textOf(read(value, 'message'), '<unreadable message>');
  const header = message === undefined ? name : `${name}: ${message}`;
  const frames = stack.ok ? undefined : framesOnly(value);
  if (frames !== undefined) return cut(`${header} (stack without its header: a getter threw)\n${frames}`);
  return cut(stack.ok ? `${header} (no stack)` : `${header} (stack unreadable: its getter threw)`);
}

/**
 * What a log keeps of a thrown value: its stack (or a safe description), then each `cause` in turn
 * (`Error.cause` and any object's `cause`), at most `MAX_CAUSE_DEPTH` errors, a cycle named and stopped. Reads
 * every member through a guard: getters that throw and proxies never break it, and it never calls `toString`.
 *
 * @example
 * describeThrownChain(new Error('save failed', { cause: new Error('ECONNRESET') }));
 * // 'Error: save failed\n    at …\nCaused by: Error: ECONNRESET\n    at …'
 */
export function describeThrownChain(value: unknown): string {
  const seen = new Set<unknown>();
  const parts: string[] = [];
  let current: unknown = value;
  for (let depth = 0; ; depth++) {
    if (depth === MAX_CAUSE_DEPTH) {
      parts.push(`Caused by: … (the chain goes on; ${MAX_CAUSE_DEPTH} errors shown)`);
      break;
    }
    parts.push(depth === 0 ? describeOne(current) : `Caused by: ${describeOne(current)}`);
    seen.add(current);
    if (typeof current !== 'object' || current === null || types.isProxy(current)) break;
    const cause = read(current, 'cause');
    if (!cause.ok) {
      parts.push('Caused by: <unreadable cause: its getter threw>');
      break;
    }
    if (cause.value === undefined) break;
    if (seen.has(cause.value)) {
      parts.push('Caused by: … (a cycle: an error already shown above)');
      break;
    }
    current = cause.value;
  }
  return parts.join('\n');
}
