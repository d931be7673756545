import { ApiProperty } from '@nestjs/swagger';

/** An order as the API returns it (documentation only: the service returns plain objects). */
export class OrderDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    example: 1234567890123,
    description: 'int64: an exact JSON number, or a string when the request has X-Stringify: 1',
  })
  id!: string;

  @ApiProperty({ example: 'TEA-1' })
  sku!: string;

  @ApiProperty({ example: 2 })
  quantity!: number;

  @ApiProperty({ enum: ['open', 'locked'] })
  status!: string;
}
