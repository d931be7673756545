import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiThrows, BusinessException, defineCodes, ResponseModule } from '../../src/index.js';
import type { Json, ServedContract } from '../support/served-contract.js';
import { documentedApp } from './documented-app.js';
import { ADAPTERS, type TestApp } from './harness.js';

const Codes = defineCodes({ NO_SEAT: { code: 30010, status: 404, message: 'seat {seat} not found' } });

class BookingDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  seat!: number;
}

@Controller('bookings')
class BookingsController {
  @Post()
  @ApiCreatedResponse({ type: BookingDto })
  book(@Body() booking: BookingDto) {
    return booking;
  }

  @Get(':seat')
  @ApiThrows(Codes.NO_SEAT)
  find(@Param('seat') seat: string): never {
    throw new BusinessException(Codes.NO_SEAT, { params: { seat } });
  }

  @Delete(':seat')
  @HttpCode(204)
  cancel(): void {}
}

// The "status in the body" convention: HTTP always 200, `status_id` and the outcome text in every body.
const OPTIONS = {
  httpStatus: 'always-200' as const,
  success: { code: 100, message: '请求成功' },
  fields: { code: 'status_id', outcome: 'status' } as const,
  successFields: ['code' as const, 'outcome' as const, 'message' as const, 'data' as const],
  failureFields: ['code' as const, 'outcome' as const, 'message' as const, 'data' as const],
  html: true,
};

describe.each(ADAPTERS)(
  'an always-200 app documents every answer under 200, checked against real ones on %s',
  (adapter) => {
    let t: TestApp;
    let http: App;
    let contract: ServedContract;
    let document: Json;
    beforeAll(async () => {
      const module = {
        module: class BookingsModule {},
        imports: [ResponseModule.forRoot(OPTIONS)],
        controllers: [BookingsController],
      };
      ({ t, http, contract } = await documentedApp(adapter, module));
      document = contract.document;
    });
    afterAll(() => t.app.close());

    it('lists no status the server never sends', () => {
      for (const [path, method] of [
        ['/bookings', 'post'],
        ['/bookings/{seat}', 'get'],
        ['/bookings/{seat}', 'delete'],
      ])
        expect(Object.keys(document.paths[path][method].responses), `${method} ${path}`).toEqual(['200']);
      const codes = document.paths['/bookings/{seat}'].get.responses['200'].content['application/json'].schema.anyOf[1];
      expect(codes.allOf[1].properties.status_id.enum).toEqual([30010, 500]); // narrowed by the renamed code field
    });

    it('every real answer, success or failure, validates against that 200', async () => {
      const answers = [
        ['post', '/bookings', await request(http).post('/bookings').send({ seat: 12 })],
        ['post', '/bookings', await request(http).post('/bookings').send({ seat: 0 })],
        ['post', '/bookings', await request(http).post('/bookings').set('Content-Type', 'application/json').send('{')],
        ['get', '/bookings/{seat}', await request(http).get('/bookings/9')],
        ['get', '/bookings/{seat}', await request(http).get('/bookings/9').set('Accept', 'text/html')],
        ['delete', '/bookings/{seat}', await request(http).delete('/bookings/9')],
      ] as const;
      const outcomes = answers.map(([method, path, response]) => {
        expect(contract.problems(method, path, response), `${method} ${path}`).toEqual([]);
        const code: unknown = (response.body as { status_id?: unknown }).status_id ?? 'html';
        return [response.status, code];
      });
      expect(outcomes).toEqual([
        [200, 100],
        [200, 400],
        [200, 400],
        [200, 30010],
        [200, 'html'],
        [200, 100],
      ]);
    });
  },
);
