import { createHash } from 'node:crypto';
import { Controller, Get, Module, NotFoundException } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

@Controller('pages')
class PagesController {
  @Get('missing')
  missing(): never {
    throw new NotFoundException('page <b>7</b> & co not found');
  }
}

@Module({ imports: [ResponseModule.forRoot({ html: true })], controllers: [PagesController] })
class HtmlModule {}

@Module({ imports: [ResponseModule.forRoot()], controllers: [PagesController] })
class JsonOnlyModule {}

describe.each(ADAPTERS)('the html option on %s', (adapter) => {
  let html: TestApp;
  let json: TestApp;
  beforeAll(async () => {
    html = await createTestApp(adapter, [HtmlModule]);
    json = await createTestApp(adapter, [JsonOnlyModule]);
  });
  afterAll(async () => {
    await html.app.close();
    await json.app.close();
  });

  it('gives a browser an escaped HTML page with the status, message and request id', async () => {
    const res = await request(html.app.getHttpServer())
      .get('/pages/missing')
      .set('Accept', BROWSER)
      .set('X-Request-Id', 'trace-<1>')
      .expect(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<h1>404 Not Found</h1>');
    expect(res.text).toContain('page &lt;b&gt;7&lt;/b&gt; &amp; co not found');
    expect(res.headers['x-request-id']).toBe('trace-<1>'); // visible ASCII: a valid id, echoed as sent
    expect(res.text).toContain('<code class="request-id">trace-&lt;1&gt;</code>');
  });

  it('answers unknown routes in HTML too, and API clients in JSON', async () => {
    const page = await request(html.app.getHttpServer()).get('/nowhere').set('Accept', BROWSER).expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const api = await request(html.app.getHttpServer()).get('/pages/missing').set('Accept', '*/*').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect(api.body).toMatchObject({ code: 404, message: 'page <b>7</b> & co not found' });
  });

  it('sends the page with nosniff and a CSP that allows its own style sheet (by hash) and nothing else', async () => {
    const res = await request(html.app.getHttpServer()).get('/pages/missing').set('Accept', BROWSER).expect(404);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const policy = String(res.headers['content-security-policy']);
    const directives = Object.fromEntries(policy.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives).toEqual({
      'default-src': ["'none'"],
      'style-src': [expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    // The oracle: every inline style element of the page hashes to the allowed hash; there is no script.
    const styles = [...res.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]).digest('base64');
    expect(directives['style-src']).toEqual([`'sha256-${hash}'`]);
    expect(res.text).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });

  it('JSON failures carry nosniff too, with and without the option; successes keep their headers', async () => {
    for (const app of [html.app, json.app]) {
      const res = await request(app.getHttpServer()).get('/pages/missing').expect(404);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('without the option, a browser gets JSON', async () => {
    const res = await request(json.app.getHttpServer()).get('/pages/missing').set('Accept', BROWSER).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
