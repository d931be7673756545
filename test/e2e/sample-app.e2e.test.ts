import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../sample-app/src/app.module.js';
import { SAMPLE_APP_ID, sampleSecret, signedCurl } from '../../sample-app/src/transfers/signed-curl.js';
import { signRequest, verifyResponseSignature } from '../../src/client/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

describe.each(ADAPTERS)('the sample app on %s answers the curl lines of docs/sample-app.md', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [AppModule], undefined, { rawBody: true });
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('lists orders with int64 ids as exact numbers, or strings on request', async () => {
    const list = await http().get('/orders').expect(200);
    expect(list.text).toMatch(/^\{"code":10000,"message":"orders","data":\[\{"id":9007199254740993,/);
    const one = await http().get('/orders/9007199254740993').set('X-Stringify', '1').expect(200);
    expect(one.body).toMatchObject({ code: 10001, message: 'order', data: { id: '9007199254740993', sku: 'TEA-1' } });
  });

  it('answers a business failure in the chosen language', async () => {
    const res = await http()
      .post('/orders')
      .set('Accept-Language', 'zh-CN')
      .send({ sku: 'CUP-2', quantity: 5 })
      .expect(409);
    expect(res.body).toMatchObject({ code: 10010, message: '库存不足：CUP-2', detail: { sku: 'CUP-2', left: 3 } });
  });

  it('answers malformed JSON, unknown routes and crashes in the envelope', async () => {
    await http().post('/orders').set('Content-Type', 'application/json').send('{"sku":').expect(400);
    expect((await http().get('/no/such/route').expect(404)).body.code).toBe('RESOURCE_NOT_EXISTS');
    const crash = await http().get('/health/crash').expect(500);
    expect(crash.text).not.toContain('simulated crash');
  });

  it('echoes the request id and leaves raw routes and files alone', async () => {
    const res = await http().get('/users/42').set('X-Request-Id', 'my-trace-1').expect(404);
    expect(res.body).toMatchObject({ code: 20010, message: 'user 42 not found', requestId: 'my-trace-1' });
    expect((await http().get('/health').expect(200)).body).toEqual({ status: 'up' });
    const csv = await http().get('/orders/export.csv').buffer(true).expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="orders.csv"');
    expect(csv.text).toMatch(/^id,sku,quantity,status\n/);
  });

  it('answers an invalid order with WeChat-style details', async () => {
    const sent = { sku: 'T', quantity: 0, shipping: { city: '', country: 'FR' } };
    const res = await http().post('/orders').send(sent).expect(400);
    expect(res.body.code).toBe('PARAM_ERROR');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      '/sku',
      '/quantity',
      '/shipping/city',
      '/shipping/country',
    ]);
  });

  it('cancels with 204 and refuses a locked order with 423', async () => {
    // JSON.parse would round this id; ask for int64 as strings, as a JavaScript client must
    const created = await http()
      .post('/orders')
      .set('X-Stringify', '1')
      .send({ sku: 'TEA-1', quantity: 1 })
      .expect(201);
    await http().delete(`/orders/${created.body.data.id}`).expect(204);
    expect((await http().delete('/orders/9007199254740994').expect(423)).body.code).toBe(10011);
  });

  it('answers with the codes of @ApiCode, on the handler and as the controller default', async () => {
    const created = await http()
      .post('/orders')
      .set('Accept-Language', 'zh-CN')
      .send({ sku: 'TEA-1', quantity: 1 })
      .expect(201);
    expect(created.body).toMatchObject({ code: 10002, message: '订单已创建' });
    expect((await http().get('/users').expect(200)).body).toMatchObject({ code: 20000, message: 'users' });
    expect((await http().get('/users/1').expect(200)).body).toMatchObject({ code: 20001, message: 'user' });
    expect(t.logger.of('warn')).toEqual([]); // strictThrows: 'log' found every business failure declared
  });

  it('serves signed transfers to the client function, and signs its answers', async () => {
    const body = JSON.stringify({ to: 'bob', amount: 25, currency: 'EUR' });
    const signed = await signRequest({
      appId: SAMPLE_APP_ID,
      secret: sampleSecret(),
      method: 'POST',
      url: '/transfers',
      body,
      contentType: 'application/json',
    });
    const res = await http().post('/transfers').set(signed.headers).send(body);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ to: 'bob', amount: 25, currency: 'EUR' });
    const signature = res.headers['x-signature'];
    expect(
      await verifyResponseSignature({
        secret: sampleSecret(),
        nonce: signed.nonce,
        status: 201,
        body: res.text,
        signature,
      }),
    ).toBe(true);
    expect((await http().get('/transfers').expect(400)).body.code).toBe('SIGN_HEADER_MISSING');
    expect((await http().get('/transfers/rates').expect(200)).body.data.EUR).toBe(1);
  });

  it('answers the curl lines signedCurl prints, run by curl itself', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const run = async (line: string) =>
      JSON.parse((await promisify(execFile)('sh', ['-c', line])).stdout) as { code: unknown; data: unknown };
    const body = JSON.stringify({ to: "o'neil", amount: 5, currency: 'CNY' }); // a quote, for the shell quoting
    const created = await run(await signedCurl(base, 'POST', '/transfers', body));
    expect(created).toMatchObject({ code: 0, data: { to: "o'neil", amount: 5 } });
    const listed = await run(await signedCurl(base, 'GET', '/transfers?currency=CNY'));
    expect(listed.data).toEqual([created.data]);
    const line = await signedCurl(base, 'GET', '/transfers');
    await run(line);
    expect((await run(line)).code).toBe('SIGN_NONCE_USED'); // the same line twice is a replay
  });
});
