import { Controller, Get, Param } from '@nestjs/common';
import { ApiInternalServerErrorResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiCode, ApiThrows, BusinessException, RawResponse } from 'nest-envelope';
import { UserDto } from './user.dto.js';
import { UserCodes } from './users.codes.js';

const USERS = [
  { id: 1, name: 'Ann', email: 'ann@example.com' },
  { id: 2, name: 'Bo', email: 'bo@example.com' },
];

@ApiTags('users')
@Controller('users')
@ApiCode(UserCodes.USER_FOUND) // the default of this controller's handlers
export class UsersController {
  @Get()
  @ApiCode(UserCodes.USERS_LISTED)
  @ApiOkResponse({ type: UserDto, isArray: true })
  list() {
    return USERS;
  }

  @Get(':id')
  @ApiThrows(UserCodes.USER_NOT_FOUND)
  @ApiOkResponse({ type: UserDto })
  find(@Param('id') id: string) {
    const user = USERS.find((u) => String(u.id) === id);
    if (!user) throw new BusinessException(UserCodes.USER_NOT_FOUND, { params: { id } });
    return user;
  }
}

@ApiTags('health')
@Controller('health')
@RawResponse()
export class HealthController {
  @Get()
  @ApiOkResponse({
    description: 'the health body as it is (@RawResponse: no envelope)',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['up'] } }, required: ['status'] },
  })
  health() {
    return { status: 'up' };
  }

  @Get('crash')
  // Declared, so the document lists no success this route never sends (Nest would document a 200 by default).
  @ApiInternalServerErrorResponse({ description: 'always: a simulated crash, answered as the generic 500' })
  crash(): never {
    throw new Error('simulated crash: the client never sees this text');
  }
}
