import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ClientModule from '../../src/client/index.js';
import { AppModule } from '../../sample-app/src/app.module.js';
import { setupSwagger } from '../../sample-app/src/swagger.js';
import { ADAPTERS, createTestApp, type TestApp } from '../e2e/harness.js';
import { launchChromium } from './chromium.js';

// The ES module build, which a front end's bundler (or a browser) gets through the "default" export condition.
const DIST = fileURLToPath(new URL('../../dist/esm/', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('../../docs/swagger-ui.png', import.meta.url));
const SIGNED_SCREENSHOT = fileURLToPath(new URL('../../docs/swagger-ui-signed.png', import.meta.url));
// `UPDATE_SCREENSHOT=1 npm run test:browser` retakes the screenshots of docs/swagger.md and the README.
const UPDATE_SCREENSHOT = process.env.UPDATE_SCREENSHOT === '1';

describe.each(ADAPTERS)('the sample app in real Chromium, on %s', (adapter) => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  beforeAll(async () => {
    t = await createTestApp(adapter, [AppModule], (app) => void setupSwagger(app), { rawBody: true });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    ({ context, close } = await launchChromium());
    page = await context.newPage();
  });
  afterAll(async () => {
    await close();
    await t.app.close();
  });

  async function openOperation(id: string) {
    await page.goto(`${base}/docs`);
    const operation = page.locator(`#operations-${id}`);
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('.responses-wrapper').waitFor();
    return operation;
  }

  it('Swagger UI loads and shows an endpoint’s envelope and its error codes', async () => {
    const operation = await openOperation('orders-OrdersController_find');
    const responses = operation.locator('.responses-wrapper');
    const success = responses.locator('tr.response[data-code="200"]');
    await expect.poll(() => success.innerText()).toContain('"code": 10001');
    const text = await success.innerText();
    expect(text).toContain('"message": "order"');
    expect(text).toMatch(/"data": \{\s+"id": 1234567890123,\s+"sku": "TEA-1"/);
    const notFound = await responses.locator('tr.response[data-code="404"]').innerText();
    expect(notFound).toContain('10012 order {id} not found'); // the description, Markdown rendered
    expect(notFound).toContain('"code": 10012');
    if (UPDATE_SCREENSHOT && adapter === 'express') {
      await page.setViewportSize({ width: 1280, height: 1500 });
      await operation.screenshot({ path: SCREENSHOT });
    }
  });

  it('shows a signed operation with its lock, its signing failures and its documented 500', async () => {
    const operation = await openOperation('Transfers-TransfersController_create');
    // The security requirement: Swagger UI draws a lock in the summary and offers the four signing headers.
    await expect.poll(() => operation.locator('.opblock-summary .authorization__btn').count()).toBe(1);
    const responses = operation.locator('.responses-wrapper');
    for (const status of ['201', '400', '401', '409', '415', '500', '503']) {
      await expect.poll(() => responses.locator(`tr.response[data-code="${status}"]`).count()).toBe(1);
    }
    const crash = await responses.locator('tr.response[data-code="500"]').innerText();
    expect(crash).toContain('"code": "SYSTEM_ERROR"');
    const replay = await responses.locator('tr.response[data-code="409"]').innerText();
    expect(replay).toContain('SIGN_NONCE_USED');
    await page.locator('.btn.authorize').click();
    const dialog = await page.locator('.modal-ux').innerText();
    for (const scheme of ['SigningAppId', 'SigningTimestamp', 'SigningNonce', 'SigningSignature'])
      expect(dialog).toContain(scheme);
    await page.locator('.modal-ux .close-modal').click();
    if (UPDATE_SCREENSHOT && adapter === 'express') {
      // One picture: the lock, each response's description, and the 500's example body in full.
      await page.addStyleTag({
        content:
          'tr.response:not([data-code="500"]) .model-example, tr.response:not([data-code="500"]) .response-col_links,' +
          ' .opblock-section .parameters-container, .opblock-section .opblock-section-request-body { display: none }',
      });
      await page.setViewportSize({ width: 1280, height: 1500 });
      await operation.screenshot({ path: SIGNED_SCREENSHOT });
    }
  });

  it('"Try it out" shows the envelope the server really sent', async () => {
    const operation = await openOperation('orders-OrdersController_find');
    await operation.locator('.try-out__btn').click();
    await operation.locator('input[placeholder="id"]').fill('9007199254740993');
    await operation.locator('.execute').click();
    const body = operation.locator('.live-responses-table .response-col_description .microlight').first();
    await expect.poll(() => body.innerText()).toContain('"code": 10001');
    const text = await body.innerText();
    expect(text).toContain('"message": "order"');
    expect(text).toContain('"sku": "TEA-1"');
  });

  it('shows a browser the HTML error page, with the request id', async () => {
    const response = await page.goto(`${base}/users/42`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('h1').innerText()).toBe('404 Not Found');
    expect(await page.locator('.message').innerText()).toBe('user 42 not found');
    expect(await page.locator('.request-id').innerText()).toBe(response?.headers()['x-request-id']);
  });

  it('runs nest-envelope/client in the page: data, a typed ApiError, int64 as strings', async () => {
    expect(existsSync(`${DIST}client/index.js`), 'run npm run build first').toBe(true);
    // Serve the built client as ES modules from the app's origin, so the page imports it like a front end would.
    await page.route(`${base}/__client/**`, (route) =>
      route.fulfill({
        path: DIST + new URL(route.request().url()).pathname.slice('/__client/'.length),
        contentType: 'text/javascript',
      }),
    );
    await page.goto(`${base}/docs`);
    // A module script (a string, so the test runner's transform leaves its import alone) hands the client to the page.
    await page.addScriptTag({
      type: 'module',
      content: "import * as client from '/__client/client/index.js'; window.nestEnvelopeClient = client;",
    });
    await page.waitForFunction(() => 'nestEnvelopeClient' in globalThis);
    const result = await page.evaluate(async () => {
      const client = (globalThis as unknown as { nestEnvelopeClient: typeof ClientModule }).nestEnvelopeClient;
      const orders = await client.apiFetch<{ id: string }[]>('/orders', {}, { int64: 'string' });
      let failure: unknown;
      try {
        await client.apiFetch('/orders', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ sku: 'T', quantity: 0 }),
        });
      } catch (error) {
        failure = error;
      }
      let notJson: unknown;
      try {
        await client.apiFetch('/orders/export.csv');
      } catch (error) {
        notJson = error;
      }
      const e = failure as InstanceType<typeof client.ApiError>;
      const n = notJson as InstanceType<typeof client.ApiError>;
      return {
        firstId: orders[0]?.id,
        isApiError: client.isApiError(failure),
        status: e.status,
        code: e.code,
        fields: e.violations.map((v) => v.field),
        notJson: { code: n.code, starts: n.raw?.slice(0, 6) },
      };
    });
    expect(result).toEqual({
      firstId: '9007199254740993',
      isApiError: true,
      status: 400,
      code: 'PARAM_ERROR',
      fields: ['/sku', '/quantity'],
      notJson: { code: 1000, starts: 'id,sku' },
    });
  });
});
