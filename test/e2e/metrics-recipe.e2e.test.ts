import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../fixtures/recipes/metrics.recipe.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

/** A Content-Type as its type and parameters, the way a scraper reads it. */
function mediaType(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type = '', ...params] = (value ?? '').split(';').map((part) => part.trim());
  return {
    type: type.toLowerCase(),
    params: Object.fromEntries(params.map((param) => param.split('=') as [string, string])),
  };
}

// The recipe of docs/recipes.md ("A Prometheus /metrics endpoint"), whose snippet is that fixture file.
describe.each(ADAPTERS)('the /metrics recipe on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [AppModule]);
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('answers a scrape in the Prometheus text format, byte for byte, while the API keeps its envelope', async () => {
    expect((await http().get('/orders/7').expect(200)).body).toEqual({ code: 0, message: 'OK', data: { id: 7 } });
    await http().get('/orders/8').expect(200);
    const res = await http().get('/metrics').buffer(true).expect(200);
    // Parameters in any order: Express on Nest 11 writes charset first.
    expect(mediaType(res.headers['content-type'])).toEqual({
      type: 'text/plain',
      params: { charset: 'utf-8', version: '0.0.4' },
    });
    expect(res.text).toBe(
      [
        '# HELP http_requests_total Requests served, by route.',
        '# TYPE http_requests_total counter',
        'http_requests_total{route="/orders/:id"} 2',
        '',
      ].join('\n'),
    );
    // What a Prometheus scraper checks of each sample line: name{labels} value.
    const samples = res.text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    for (const line of samples) expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?\d+(\.\d+)?$/);
  });

  it('answers HEAD /metrics with the headers of the scrape and no body', async () => {
    const get = await http().get('/metrics').buffer(true).expect(200);
    const head = await http().head('/metrics').expect(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
    expect(head.text ?? '').toBe('');
  });
});
