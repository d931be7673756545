// Visible ASCII (0x21–0x7E) but "#", after a leading "/": the only targets whose bytes the canonical string and
// both adapters read alike (see docs/signing.md, "The request target").
const ORIGIN_FORM = /^\/[\x21\x22\x24-\x7E]*$/;

/**
 * Why a request target cannot be signed, or `undefined` when it can. A signed target must be in origin form (a
 * path starting with `/`, optional `?query`), visible ASCII, and without `#`: Express drops what follows a `#`
 * while Fastify (find-my-way) parses it as query, and both route an absolute-form target (`http://host/path`) by
 * its path, so the canonical string would not be what the handler sees.
 *
 * @example
 * requestTargetProblem('/transfers?currency=EUR'); // undefined
 * requestTargetProblem('/transfers#&currency=USD'); // 'must not contain "#" …'
 */
export function requestTargetProblem(target: string): string | undefined {
  if (ORIGIN_FORM.test(target)) return undefined;
  if (!target.startsWith('/')) return 'must be a path starting with "/" (origin form), not an absolute URL or "*"';
  if (target.includes('#')) return 'must not contain "#": a fragment is never sent, and adapters read it differently';
  return 'must be visible ASCII: percent-encode any other byte';
}
