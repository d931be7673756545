import { Body, Headers, Param, Query, UsePipes, ValidationPipe } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ValidHeaders } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { checkedParameters } from '../../src/swagger/parameter-validation.js';
import type { ValidatingPipes } from '../../src/swagger/validating-pipes.js';
import { EnvelopeValidationPipe } from '../../src/validation/envelope-validation.pipe.js';

class Page {
  @IsInt()
  page!: number;
}
class Bare {
  name!: string;
}
class Tenant {
  @IsString()
  'X-Tenant'!: string;
}

class Controller {
  everything(
    @Body() body: Bare,
    @Query() query: Page,
    @Query('filter') filter: Page,
    @Param('id') id: string,
    @Query() bare: Bare,
    @Headers('x-a') header: string,
    @ValidHeaders(Tenant) tenant: Tenant,
  ) {
    return [body, query, filter, id, bare, header, tenant];
  }

  @UsePipes(new EnvelopeValidationPipe({ errorHttpStatusCode: 422 }))
  local(@Query() query: Page) {
    return query;
  }

  disabled(@Body(new EnvelopeValidationPipe({ disableErrorMessages: true })) body: Page) {
    return body;
  }
}

const options = resolveResponseOptions({ validation: { status: 422 } });
const modulePipe = new EnvelopeValidationPipe();
const read = (name: keyof Controller, pipes: ValidatingPipes) =>
  checkedParameters(Controller.prototype[name], Controller, pipes, options);

describe('checkedParameters', () => {
  it('with the module’s pipe: DTO classes of body, query and path, a bare body class, @ValidHeaders', () => {
    expect(read('everything', { classes: [modulePipe], module: modulePipe })).toEqual([
      { location: 'body', path: [], objectName: 'Bare', status: 422, detailed: true, refusal: 'not-an-object' },
      { location: 'query', path: ['page'], objectName: 'Page', status: 422, detailed: true, refusal: 'missing' },
      {
        location: 'query',
        path: ['filter', 'page'],
        objectName: 'Page',
        status: 422,
        detailed: true,
        refusal: 'missing',
      },
      { location: 'header', path: ['x-tenant'], objectName: 'Tenant', status: 422, detailed: true, refusal: 'missing' },
    ]);
  });

  it('without a validating pipe only @ValidHeaders is left; an adopted pipe brings its own status', () => {
    expect(read('everything', { classes: [], module: undefined }).map(({ location }) => location)).toEqual(['header']);
    const own = new ValidationPipe({ errorHttpStatusCode: 409 });
    const statuses = read('everything', { classes: [own], module: undefined }).map(({ status }) => status);
    expect(statuses).toEqual([409, 409, 409, 422]); // @ValidHeaders: validation.status
  });

  it('a pipe of the handler (@UsePipes, @Body(pipe)) counts, with its status and disableErrorMessages', () => {
    expect(read('local', { classes: [], module: undefined })).toEqual([
      { location: 'query', path: ['page'], objectName: 'Page', status: 422, detailed: true, refusal: 'missing' },
    ]);
    // a bare failure is Nest's HttpException of the pipe's status (400), not validation.status (422)
    expect(read('disabled', { classes: [], module: undefined })).toMatchObject([
      { location: 'body', detailed: false, status: 400 },
    ]);
  });

  it('a ValidationPipe’s expectedType is what it validates', () => {
    const typed = new EnvelopeValidationPipe({ expectedType: Page });
    const found = read('everything', { classes: [typed], module: typed });
    expect(found.filter(({ location }) => location !== 'header').map(({ objectName }) => objectName)).toEqual([
      'Page',
      'Page',
      'Page',
      'Page',
      'Page',
    ]);
  });
});
