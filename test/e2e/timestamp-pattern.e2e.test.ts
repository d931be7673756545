import { Controller, Get, NotFoundException } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModule, ResponseOptionsError } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

@Controller('clock')
class ClockController {
  @Get('missing')
  missing(): never {
    throw new NotFoundException();
  }
}

describe.each(ADAPTERS)('timestamp.format patterns at start-up on %s', (adapter) => {
  it('refuses a pattern with letters that are no token (hh, A), naming the option and the letters', async () => {
    const starting = createTestApp(adapter, [
      {
        module: class BadPatternAppModule {},
        imports: [
          ResponseModule.forRootAsync({
            useFactory: () => Promise.resolve({ timestamp: { format: 'YYYY-MM-DD hh:mm:ss A' } }),
          }),
        ],
        controllers: [ClockController],
      },
    ]);
    await expect(starting).rejects.toThrow(ResponseOptionsError);
    await expect(starting).rejects.toThrow(
      /^ResponseModule: timestamp\.format must be .*: "hh", "A" are not date tokens; put literal text in brackets/,
    );
  });

  describe('a pattern with [literal] text', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, [
        {
          module: class LiteralPatternAppModule {},
          imports: [
            ResponseModule.forRoot({ timestamp: { format: '[at] HH:mm:ss [on] DD.MM.YYYY', timeZone: 'UTC' } }),
          ],
          controllers: [ClockController],
        },
      ]);
    });
    afterAll(() => t.app.close());

    it('prints the literal text and the tokens, nothing else', async () => {
      const before = Date.now();
      const res = await request(t.app.getHttpServer()).get('/clock/missing').expect(404);
      const match = /^at (\d{2}):(\d{2}):(\d{2}) on (\d{2})\.(\d{2})\.(\d{4})$/.exec(res.body.timestamp as string);
      expect(match).not.toBeNull();
      const [, hh, mm, ss, dd, mo, yyyy] = match!;
      const sent = Date.parse(`${yyyy}-${mo}-${dd}T${hh}:${mm}:${ss}Z`);
      // The pattern has whole seconds: the moment lies within the second before the request and now.
      expect(sent).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(sent).toBeLessThanOrEqual(Date.now());
    });
  });
});
