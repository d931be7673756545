/** The longest name (property, header, path segment) looked at or shown; longer ones are cut first. */
export const NAME_LIMIT = 128;
/** A term this long or longer also matches at the end of a word (`newpassword`); shorter ones only as words. */
const SUFFIX_TERM_LENGTH = 5;
const CACHE_SIZE = 2048;

/**
 * How values are kept out of error bodies: the terms and patterns to redact, and names never redacted.
 *
 * @example
 * const redaction: Redaction = { redact: ['password', /^x-internal-/i], neverRedact: ['tokenCount'] };
 */
export interface Redaction {
  readonly redact: readonly (string | RegExp)[];
  readonly neverRedact?: readonly string[];
}

/** A name's words, lower-cased and joined, and where each word ends in the joined text. */
interface Words {
  readonly joined: string;
  /** `starts[i]` / `ends[i]`: a word starts / ends at offset `i` of `joined`. */
  readonly starts: ReadonlySet<number>;
  readonly ends: ReadonlySet<number>;
}

/**
 * Splits a name into words at anything but letters and digits (`_`, `-`, `.`, spaces), at lower-to-upper case
 * changes (`newPassword`), before the last capital of a run (`APIKey` → api·key) and between letters and digits.
 * The name is cut at `NAME_LIMIT` characters first.
 *
 * @example
 * nameWords('X-API-Key'); // ['x', 'api', 'key']
 * nameWords('newPassword2'); // ['new', 'password', '2']
 */
export function nameWords(name: string): string[] {
  const cut = name.length > NAME_LIMIT ? name.slice(0, NAME_LIMIT) : name;
  return cut
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, l1, n1, n2, l2) => (l1 ? `${l1} ${n1}` : `${n2} ${l2}`))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function wordsOf(name: string): Words {
  const words = nameWords(name);
  const starts = new Set<number>();
  const ends = new Set<number>();
  let offset = 0;
  for (const word of words) {
    starts.add(offset);
    offset += word.length;
    ends.add(offset);
  }
  return { joined: words.join(''), starts, ends };
}

/** True when `term` (words joined) occurs in the name ending at a word's end, and, if short, starting at a word's start. */
function termMatches(words: Words, term: string): boolean {
  if (term === '') return false;
  for (let at = words.joined.indexOf(term); at !== -1; at = words.joined.indexOf(term, at + 1)) {
    let end = at + term.length;
    if (!words.ends.has(end) && words.joined[end] === 's' && words.ends.has(end + 1)) end += 1; // plurals
    if (!words.ends.has(end)) continue;
    if (term.length >= SUFFIX_TERM_LENGTH || words.starts.has(at)) return true;
  }
  return false;
}

interface Matcher {
  /** The terms as given, lower-cased: an exact match, whatever the words (as before words were compared). */
  readonly exact: ReadonlySet<string>;
  readonly terms: readonly string[];
  readonly patterns: readonly RegExp[];
  readonly spared: ReadonlySet<string>;
  readonly cache: Map<string, boolean>;
}

// The lists are fixed at start-up: normalise them once, not per name looked at.
const matchers = new WeakMap<object, Matcher>();

function matcherOf(rules: Redaction | readonly (string | RegExp)[]): Matcher {
  let matcher = matchers.get(rules);
  if (matcher === undefined) {
    const { redact, neverRedact = [] } = Array.isArray(rules)
      ? { redact: rules as readonly (string | RegExp)[] }
      : (rules as Redaction);
    matcher = {
      exact: new Set(
        redact.filter((entry): entry is string => typeof entry === 'string').map((term) => term.toLowerCase()),
      ),
      terms: redact.filter((entry): entry is string => typeof entry === 'string').map((term) => wordsOf(term).joined),
      patterns: redact.filter((entry): entry is RegExp => entry instanceof RegExp),
      spared: new Set(neverRedact.map((name) => wordsOf(name).joined)),
      cache: new Map(),
    };
    matchers.set(rules, matcher);
  }
  return matcher;
}

function computeSensitive(name: string, matcher: Matcher): boolean {
  const words = wordsOf(name);
  if (matcher.spared.has(words.joined)) return false;
  if (matcher.exact.has(name.toLowerCase())) return true;
  if (matcher.terms.some((term) => termMatches(words, term))) return true;
  for (const pattern of matcher.patterns) {
    pattern.lastIndex = 0; // a /g or /y pattern would otherwise remember where it stopped
    if (pattern.test(name)) return true;
  }
  return false;
}

/**
 * True when a property or header name is to be redacted. A listed term matches a name by its words (see
 * `nameWords`): as whole words (`key` matches `api_key`, `X-API-Key`, not `monkey` or `keyboard`), and, for a term
 * of five letters or more, also at the end of a word (`password` matches `newpassword`; `token` does not match
 * `tokenizer`); a plural `s` may follow. A RegExp tests the name. A name in
 * `neverRedact` (compared by its words) never is. A name over `NAME_LIMIT` characters always is: no pattern sees
 * more than that, so nothing after the cut could be matched.
 *
 * @example
 * isSensitiveName('client_secret', { redact: ['secret'] }); // true
 * isSensitiveName('monkey', { redact: ['key'] }); // false
 */
export function isSensitiveName(name: string | number, rules: Redaction | readonly (string | RegExp)[]): boolean {
  if (typeof name !== 'string') return false;
  // Only a client makes a name this long, and what follows the cut is unseen: its value is not shown either.
  if (name.length > NAME_LIMIT) return true;
  const matcher = matcherOf(rules);
  let sensitive = matcher.cache.get(name);
  if (sensitive === undefined) {
    sensitive = computeSensitive(name, matcher);
    if (matcher.cache.size >= CACHE_SIZE) matcher.cache.clear();
    matcher.cache.set(name, sensitive);
  }
  return sensitive;
}
