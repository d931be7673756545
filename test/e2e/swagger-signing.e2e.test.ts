import {
  Body,
  type CanActivate,
  Controller,
  type ExecutionContext,
  ForbiddenException,
  Get,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProperty, DocumentBuilder } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/client/index.js';
import { ResponseModule, Signed, Unsigned } from '../../src/index.js';
import { SECRETS } from '../fixtures/signing.app.js';
import type { Json, ServedContract } from '../support/served-contract.js';
import { documentedApp } from './documented-app.js';
import { ADAPTERS, type TestApp } from './harness.js';
import { send } from './signed-request.js';

class NoteDto {
  @ApiProperty({ example: 'hello' })
  @IsString()
  text!: string;
}

// Under signing.global every route is signed unless @Unsigned(); a handler's mark wins over its controller's.
@Controller('vault')
class VaultController {
  @Get()
  read() {
    return { secret: 1 };
  }

  @Post()
  @ApiBearerAuth()
  write(@Body() note: NoteDto) {
    return note;
  }

  @Get('boom')
  @Unsigned()
  boom(): never {
    throw new TypeError('internal detail');
  }
}

/** The app's own guard: its ForbiddenException is rendered by the module's filter like any failure. */
class DenyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    if (headers['x-deny'] !== undefined) throw new ForbiddenException();
    return true;
  }
}

@Controller('open')
@Unsigned()
class OpenController {
  @Get()
  @UseGuards(DenyGuard)
  @ApiOkResponse({ description: 'the open items' }) // with another response, Nest documents no 200 of its own
  @ApiForbiddenResponse({ description: 'denied by the app’s guard' })
  list() {
    return [];
  }

  @Get('guarded')
  @Signed()
  guarded() {
    return { ok: true };
  }
}

// A store that is down: every signed request that passes the signature check is refused with 503.
const downStore = { claim: () => Promise.reject(new Error('connection refused')) };

describe.each(ADAPTERS)('signing and debug options in the document, checked against real answers on %s', (adapter) => {
  let t: TestApp;
  let http: App;
  let contract: ServedContract;
  let document: Json;
  beforeAll(async () => {
    const module = {
      module: class VaultModule {},
      imports: [
        ResponseModule.forRoot({
          debug: true,
          signing: {
            secrets: { app1: SECRETS.app1 },
            global: true,
            acceptV1: true,
            nonceStore: downStore,
            headers: { appId: 'X-Client', signature: 'X-Sig' },
          },
        }),
      ],
      controllers: [VaultController, OpenController],
    };
    ({ t, http, contract } = await documentedApp(adapter, module, {
      config: new DocumentBuilder().addBearerAuth().build(),
      rawBody: true,
    }));
    document = contract.document;
  });
  afterAll(() => t.app.close());

  it('signs exactly the operations the guard checks, with the configured header names', () => {
    const security = (path: string, method = 'get') => document.paths[path][method].security as unknown;
    const signing = { SigningAppId: [], SigningTimestamp: [], SigningNonce: [], SigningSignature: [] };
    expect(security('/vault')).toEqual([signing]);
    expect(security('/vault', 'post')).toEqual([{ bearer: [], ...signing }]); // both required, not either
    expect(security('/vault/boom')).toBeUndefined();
    expect(security('/open')).toBeUndefined();
    expect(security('/open/guarded')).toEqual([signing]);
    const schemes = document.components.securitySchemes;
    expect(schemes.SigningAppId).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-client' });
    expect(schemes.SigningSignature).toMatchObject({ name: 'x-sig' });
  });

  it('lists only the signing codes these options can send, and no response signature or HTML page', () => {
    const read = document.paths['/vault'].get.responses;
    expect(Object.keys(read)).toEqual(['200', '400', '401', '409', '500', '503']);
    const unauthorized = read['401'].content['application/json'].schema.allOf[1].properties.code.enum;
    expect(unauthorized).toEqual(['SIGN_ERROR', 'SIGN_TIMESTAMP_OUT_OF_WINDOW']); // acceptV1: no SIGN_VERSION_UNSUPPORTED
    expect(JSON.stringify(document.paths)).not.toContain('x-sig');
    expect(JSON.stringify(document.paths)).not.toContain('text/html');
    expect(Object.keys(document.paths['/vault'].post.responses)).toContain('415');
    expect(document.components.schemas.FailureEnvelope.properties).toHaveProperty('stack');
  });

  it('the 503 of a nonce store that is down, a missing header and a debug 500 validate against the document', async () => {
    const signed = await signRequest({ appId: 'app1', secret: SECRETS.app1, method: 'GET', url: '/vault' });
    const headers = { 'X-Client': signed.headers['X-App-Id'], 'X-Sig': signed.headers['X-Signature'] };
    const down = await send(http, 'GET', '/vault', { ...signed.headers, ...headers });
    expect([down.status, down.body.code]).toEqual([503, 'SIGN_NONCE_STORE_UNAVAILABLE']);
    expect(contract.problems('get', '/vault', down)).toEqual([]);
    const missing = await request(http).get('/vault');
    expect([missing.status, missing.body.code]).toEqual([400, 'SIGN_HEADER_MISSING']);
    expect(contract.problems('get', '/vault', missing)).toEqual([]);
    const crash = await request(http).get('/vault/boom');
    expect([crash.status, crash.body.exception]).toEqual([500, 'TypeError']);
    expect(contract.problems('get', '/vault/boom', crash)).toEqual([]);
    const open = await request(http).get('/open');
    expect(contract.problems('get', '/open', open)).toEqual([]);
  });

  it('gives a failure status the app documents itself the envelope the filter really sends', async () => {
    const forbidden = document.paths['/open'].get.responses['403'];
    expect(forbidden.description).toBe('Forbidden: 403 denied by the app’s guard');
    const denied = await request(http).get('/open').set('X-Deny', '1');
    expect([denied.status, denied.body.code]).toEqual([403, 403]);
    expect(contract.problems('get', '/open', denied)).toEqual([]);
  });
});
