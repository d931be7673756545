import { Body, Controller, Get, Post, Query, UsePipes, ValidationPipe } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import { IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { EnvelopeValidationPipe } from '../../src/validation/envelope-validation.pipe.js';
import { findRouteValidationPipes, paramKey } from '../../src/validation/route-validation-pipes.js';

class NoteDto {
  @IsString() text!: string;
}
class SearchQuery {
  @IsString() q!: string;
}

const onMethod = new ValidationPipe({ whitelist: true });
const onParam = new ValidationPipe();
const onClass = new ValidationPipe({ transform: true });
const byClass = new ValidationPipe();

@Controller('notes')
class NotesController {
  @Post() @UsePipes(onMethod) create(@Body() note: NoteDto) {
    return note;
  }
  @Post('plain') plain(@Body() note: NoteDto) {
    return note;
  }
  @Get() search(@Query(onParam) query: SearchQuery, @Query('q') q: string) {
    return [query, q];
  }
  @Post('text') @UsePipes(ValidationPipe) text(@Body('text') text: NoteDto) {
    return text;
  }
  helper() {
    return 'not a route';
  }
}

@Controller('archive')
@UsePipes(onClass, EnvelopeValidationPipe)
class ArchiveController {
  @Post() archive(@Body() note: NoteDto) {
    return note;
  }
}

/** The parts of Nest's container the walk reads: each module's controllers and the pipe instances Nest made. */
function container(injectables: Map<unknown, { instance: unknown }>): ModulesContainer {
  const controllers = new Map<unknown, { metatype: unknown }>([
    [NotesController, { metatype: NotesController }],
    [ArchiveController, { metatype: ArchiveController }],
  ]);
  return new Map([['app', { controllers, injectables }]]) as unknown as ModulesContainer;
}

describe('findRouteValidationPipes', () => {
  const found = findRouteValidationPipes(container(new Map([[ValidationPipe, { instance: byClass }]])));

  it('finds the pipes on methods, params and classes, and the instance Nest made of a pipe given as a class', () => {
    expect([...found.instances]).toEqual(expect.arrayContaining([onMethod, onParam, onClass, byClass]));
    expect(found.instances.size).toBe(4); // EnvelopeValidationPipe as a class: not in the injectables given
  });

  it("leaves a param to the route's pipe only where every route with it has such a pipe", () => {
    // NoteDto as the whole body: a route with a pipe and one without, so the global pipe keeps validating it.
    expect(found.ownedEverywhere.get(NoteDto)).toEqual(new Set([paramKey('body', 'text')]));
    expect(found.ownedEverywhere.get(SearchQuery)).toEqual(new Set([paramKey('query', undefined)]));
    // `@Query('q') q: string` has no pipe of its own, and String is never validated anyway.
    expect(found.ownedEverywhere.get(String)).toBeUndefined();
  });

  it('a request-scoped pipe class (no instance yet) still owns its params, without being adopted', () => {
    const scoped = findRouteValidationPipes(container(new Map([[ValidationPipe, { instance: undefined }]])));
    expect(scoped.instances.has(byClass)).toBe(false);
    expect(scoped.ownedEverywhere.get(NoteDto)).toEqual(new Set([paramKey('body', 'text')]));
  });
});
