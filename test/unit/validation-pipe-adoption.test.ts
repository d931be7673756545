import { type ArgumentMetadata, BadRequestException, HttpException, ValidationPipe } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { EnvelopeValidationPipe, ValidationFailedException } from '../../src/index.js';
import { adoptValidationPipe, hasNestDefaultFactory } from '../../src/validation/adopt-validation-pipe.js';
import { withoutStack } from '../../src/validation/stackless-failure.js';

class NoteDto {
  @IsString() text!: string;
  @IsInt() pages!: number;
}

const body = { type: 'body', metatype: NoteDto, data: undefined } as const;

async function thrownBy(pipe: ValidationPipe, value: unknown, metadata = body): Promise<unknown> {
  try {
    await pipe.transform(value, metadata);
  } catch (thrown) {
    return thrown;
  }
  throw new Error('the pipe let the value through');
}

describe('hasNestDefaultFactory: did the app give a factory of its own?', () => {
  it('no: Nest built its default one', () => {
    expect(hasNestDefaultFactory(new ValidationPipe())).toBe(true);
    expect(hasNestDefaultFactory(new ValidationPipe({ whitelist: true, errorHttpStatusCode: 422 }))).toBe(true);
  });

  it('yes: the exceptionFactory option, or a subclass overriding createExceptionFactory', () => {
    expect(hasNestDefaultFactory(new ValidationPipe({ exceptionFactory: () => new BadRequestException('x') }))).toBe(
      false,
    );
    class TeamPipe extends ValidationPipe {
      override createExceptionFactory() {
        return () => new BadRequestException('team');
      }
    }
    expect(hasNestDefaultFactory(new TeamPipe())).toBe(false);
  });
});

describe('adoptValidationPipe', () => {
  it("turns Nest's failure into violations with location, path and the value as sent", async () => {
    const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true });
    const before = await thrownBy(pipe, { text: 1, pages: 2, extra: true });
    expect(before).toBeInstanceOf(BadRequestException); // Nest's joined strings
    expect(before).not.toBeInstanceOf(ValidationFailedException);
    expect(adoptValidationPipe(pipe)).toBe(true);
    const after = await thrownBy(pipe, { text: 1, pages: 2, extra: true });
    expect(after).toBeInstanceOf(ValidationFailedException);
    expect((after as ValidationFailedException).violations).toEqual([
      expect.objectContaining({ location: 'body', path: ['extra'], value: true, constraint: 'whitelistValidation' }),
      expect.objectContaining({ location: 'body', path: ['text'], value: 1, constraint: 'isString', type: 'String' }),
    ]);
    expect(adoptValidationPipe(pipe)).toBe(true); // once is enough
  });

  it("leaves a pipe with the app's own factory alone, but for the limits it checks first", async () => {
    const pipe = new ValidationPipe({ exceptionFactory: () => new BadRequestException('mine') });
    expect(adoptValidationPipe(pipe, { maxDepth: 4, maxNodes: 10 })).toBe(false);
    expect(adoptValidationPipe(pipe, { maxDepth: 4, maxNodes: 10 })).toBe(false); // wrapped once
    expect(((await thrownBy(pipe, {})) as BadRequestException).message).toBe('mine');
    const wide = (await thrownBy(pipe, { text: 'a', pages: new Array(20).fill(1) })) as ValidationFailedException;
    expect(wide).toBeInstanceOf(ValidationFailedException);
    expect(wide.getStatus()).toBe(413);
    expect(wide.violations).toEqual([expect.objectContaining({ constraint: 'maxNodes', path: [] })]);
    const fine = { text: 'a', pages: 1 };
    await expect(pipe.transform(fine, body)).resolves.toBe(fine);
  });

  it("keeps Nest's semantics for a value that is no object: a string body fails the DTO's own rules", async () => {
    const pipe = new ValidationPipe();
    adoptValidationPipe(pipe);
    const thrown = (await thrownBy(pipe, 'text')) as ValidationFailedException;
    expect(thrown.violations.map((violation) => violation.path)).toEqual([['text'], ['pages']]);
  });

  it("an app's transform override sees a 400 HttpException on its way; the failures carry no frames", async () => {
    const seen: unknown[] = [];
    class LoggingPipe extends ValidationPipe {
      override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
        try {
          return await super.transform(value, metadata);
        } catch (thrown) {
          seen.push(thrown);
          throw thrown;
        }
      }
    }
    const pipe = new LoggingPipe();
    adoptValidationPipe(pipe);
    const limit = Error.stackTraceLimit;
    const thrown = (await thrownBy(pipe, { text: 1, pages: 2 })) as ValidationFailedException;
    expect(Error.stackTraceLimit).toBe(limit);
    expect(seen).toEqual([expect.any(HttpException)]);
    expect((seen[0] as HttpException).getStatus()).toBe(400);
    expect(thrown).toBeInstanceOf(ValidationFailedException);
    // A client's mistake points at no line of the app: no stack is captured, on the way or at the end.
    expect((seen[0] as Error).stack).not.toMatch(/\n\s+at /);
    expect(thrown.stack).not.toMatch(/\n\s+at /);
    expect(thrown.stack).toMatch(/^ValidationFailedException/);
    expect(() =>
      withoutStack(() => {
        throw new RangeError('refused');
      }),
    ).toThrow(RangeError);
    expect(Error.stackTraceLimit).toBe(limit); // restored when the build throws too
    // One the app builds itself keeps its stack.
    expect(new ValidationFailedException([]).stack).toMatch(/\n\s+at /);
  });

  it('maps query and path parameters to their locations, and keeps the pipe status', async () => {
    const pipe = new ValidationPipe({ errorHttpStatusCode: 422 });
    adoptValidationPipe(pipe);
    const thrown = (await thrownBy(pipe, { text: 'a', pages: 'x' }, {
      ...body,
      type: 'query',
    } as never)) as ValidationFailedException;
    expect(thrown.violations[0]).toMatchObject({ location: 'query', path: ['pages'], value: 'x' });
    expect(thrown.getStatus()).toBe(422);
  });
});

describe('EnvelopeValidationPipe', () => {
  it('is a ValidationPipe, and another exceptionFactory decides the exception', async () => {
    expect(new EnvelopeValidationPipe()).toBeInstanceOf(ValidationPipe);
    const pipe = new EnvelopeValidationPipe({
      exceptionFactory: (errors) => new BadRequestException(String(errors.length)),
    });
    expect(((await thrownBy(pipe, {})) as BadRequestException).message).toBe('2');
    expect(((await thrownBy(pipe, null)) as BadRequestException).message).toBe('1'); // no object: one error
  });

  it('refuses a body that is no object, and reports a missing one as missing fields', async () => {
    const pipe = new EnvelopeValidationPipe();
    const refused = (await thrownBy(pipe, [1])) as ValidationFailedException;
    expect(refused.violations).toEqual([
      expect.objectContaining({ path: [], value: [1], constraint: 'isObject', objectName: 'NoteDto' }),
    ]);
    const missing = (await thrownBy(pipe, undefined)) as ValidationFailedException;
    expect(missing.violations.map((violation) => violation.path)).toEqual([['text'], ['pages']]);
  });
});
