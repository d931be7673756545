import { createHash } from 'node:crypto';
import type { FailureOutcome, RequestFacts } from '../outcome/outcome.interface.js';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** The page's only inline content: its style sheet, allowed by its hash (no `'unsafe-inline'`). */
const PAGE_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}' +
  'h1{font-size:1.6rem;margin:0 0 .5rem}.message{font-size:1.1rem}dl{color:#555;font-size:.9rem}' +
  'dt{float:left;clear:left;width:7rem}code{word-break:break-all}';

/**
 * The `Content-Security-Policy` of the HTML error page: nothing may load or run (no script, image, font, frame,
 * form target or base URL), the page may not be framed, and only its own style sheet applies.
 *
 * @example
 * res.setHeader('Content-Security-Policy', HTML_CONTENT_SECURITY_POLICY);
 */
export const HTML_CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; ` +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"x" & y</b>'); // '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * A small self-contained HTML error page for a browser that asked for HTML: status, reason, message, code and
 * request id, every value escaped; no scripts, no external resources. Send it with
 * `HTML_CONTENT_SECURITY_POLICY` (its style sheet is allowed by hash) and `X-Content-Type-Options: nosniff`.
 *
 * @example
 * renderHtmlError(notFoundOutcome, facts);
 * // '<!doctype html><html lang="en">…<h1>404 Not Found</h1><p class="message">Order 7 not found</p>…'
 */
export function renderHtmlError(outcome: FailureOutcome, facts: RequestFacts): string {
  const title = `${outcome.httpStatus} ${outcome.error}`;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(facts.locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="message">${escapeHtml(outcome.message)}</p>`,
    '<dl>',
    `<dt>Code</dt><dd><code class="code">${escapeHtml(outcome.code)}</code></dd>`,
    `<dt>Request id</dt><dd><code class="request-id">${escapeHtml(facts.requestId)}</code></dd>`,
    `<dt>Path</dt><dd><code class="path">${escapeHtml(facts.method)} ${escapeHtml(facts.path)}</code></dd>`,
    '</dl>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
