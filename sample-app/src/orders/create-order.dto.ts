import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export class AddressDto {
  @IsNotEmpty()
  city!: string;

  @IsIn(['CN', 'US', 'DE'], { message: 'country must be one of CN, US, DE' })
  country!: string;
}

export class CreateOrderDto {
  @IsString()
  @Length(3, 12)
  sku!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  shipping?: AddressDto;
}
