import { ApiProperty } from '@nestjs/swagger';

/** A user as the API returns it (documentation only). */
export class UserDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'Ann' })
  name!: string;

  @ApiProperty({ example: 'ann@example.com' })
  email!: string;
}
