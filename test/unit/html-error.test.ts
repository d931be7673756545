import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefersHtml } from '../../src/http/accept-negotiation.js';
import type { FailureOutcome, RequestFacts } from '../../src/outcome/outcome.interface.js';
import { escapeHtml, renderHtmlError } from '../../src/render/html.renderer.js';

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', true], // Chrome
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true], // Firefox
    ['text/html', true],
    ['text/*', true],
    [undefined, false],
    ['', false],
    ['*/*', false], // curl, fetch: a tie keeps JSON
    ['application/json', false],
    ['application/json, text/plain, */*', false], // axios
    ['text/html;q=0.5, application/json', false],
    ['application/json;q=0.4, text/html;q=0.5', true],
    ['text/html;q=0, */*', false], // q=0 means "not acceptable"
    ['application/problem+json, text/html;q=0.9', false],
    ['text/html;q=1.5', false], // an invalid weight counts as 0
    ['TEXT/HTML;Q=0.9, application/json;q=0.8', true],
    ['garbage, ;;, /', false],
  ])('%s → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });

  it('reads a header sent several times', () => {
    expect(prefersHtml(['application/json;q=0.1', 'text/html'])).toBe(true);
  });

  it('the most specific range wins over a wildcard (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (h, j) => {
        const accept = `*/*;q=0.001, text/html;q=${h / 1000}, application/json;q=${j / 1000}`;
        // problem+json counts as JSON and falls back to the */* weight (1 in thousandths)
        expect(prefersHtml(accept)).toBe(h > Math.max(j, 1));
      }),
    );
  });
});

const facts: RequestFacts = {
  method: 'GET',
  path: '/orders/<script>',
  requestId: 'r"1\'&',
  locale: 'en',
  time: new Date(0),
};
const outcome: FailureOutcome = {
  kind: 'failure',
  httpStatus: 404,
  code: '<b>X</b>',
  message: 'order <img src=x onerror=alert(1)> not found & "gone"',
  error: 'Not Found',
};

/** Independent decoding: the five entities back to characters. */
function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_all, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );
}

describe('renderHtmlError', () => {
  const page = renderHtmlError(outcome, facts);

  it('shows status, message, code and request id, escaped', () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h1>404 Not Found</h1>');
    const message = /<p class="message">([^<]*)<\/p>/.exec(page)?.[1];
    expect(decode(message ?? '')).toBe(outcome.message);
    expect(decode(/class="request-id">([^<]*)</.exec(page)?.[1] ?? '')).toBe(facts.requestId);
    expect(decode(/class="code">([^<]*)</.exec(page)?.[1] ?? '')).toBe('<b>X</b>');
    expect(page).not.toMatch(/<img|<script|<b>/);
  });

  it('never lets a value open a tag or an attribute (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decode(escaped)).toBe(text);
      }),
    );
  });
});
