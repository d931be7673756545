import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export class AddressDto {
  @ApiProperty({ example: 'Berlin' })
  @IsNotEmpty()
  city!: string;

  @ApiProperty({ enum: ['CN', 'US', 'DE'] })
  @IsIn(['CN', 'US', 'DE'], { message: 'country must be one of CN, US, DE' })
  country!: string;
}

export class CreateOrderDto {
  @ApiProperty({ minLength: 3, maxLength: 12, example: 'TEA-1' })
  @IsString()
  @Length(3, 12)
  sku!: string;

  @ApiProperty({ minimum: 1, maximum: 10, example: 2 })
  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;

  @ApiPropertyOptional({ type: () => AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  shipping?: AddressDto;
}
