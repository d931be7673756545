import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { RawResponse } from 'nest-envelope';

const USERS = [
  { id: 1, name: 'Ann', email: 'ann@example.com' },
  { id: 2, name: 'Bo', email: 'bo@example.com' },
];

@Controller('users')
export class UsersController {
  @Get()
  list() {
    return USERS;
  }

  @Get(':id')
  find(@Param('id') id: string) {
    const user = USERS.find((u) => String(u.id) === id);
    if (!user) throw new NotFoundException(`User ${id} not found`);
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
