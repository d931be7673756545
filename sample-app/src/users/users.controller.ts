import { Controller, Get, Param } from '@nestjs/common';
import { ApiCode, ApiThrows, BusinessException, RawResponse } from 'nest-envelope';
import { UserCodes } from './users.codes.js';

const USERS = [
  { id: 1, name: 'Ann', email: 'ann@example.com' },
  { id: 2, name: 'Bo', email: 'bo@example.com' },
];

@Controller('users')
@ApiCode(UserCodes.USER_FOUND) // the default of this controller's handlers
export class UsersController {
  @Get()
  @ApiCode(UserCodes.USERS_LISTED)
  list() {
    return USERS;
  }

  @Get(':id')
  @ApiThrows(UserCodes.USER_NOT_FOUND)
  find(@Param('id') id: string) {
    const user = USERS.find((u) => String(u.id) === id);
    if (!user) throw new BusinessException(UserCodes.USER_NOT_FOUND, { params: { id } });
    return user;
  }
}

@Controller('health')
@RawResponse()
export class HealthController {
  @Get()
  health() {
    return { status: 'up' };
  }

  @Get('crash')
  crash(): never {
    throw new Error('simulated crash: the client never sees this text');
  }
}
