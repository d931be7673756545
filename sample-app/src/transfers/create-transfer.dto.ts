import { IsIn, IsInt, IsString, Length, Min } from 'class-validator';

export class CreateTransferDto {
  @IsString()
  @Length(1, 32)
  to!: string;

  @IsInt()
  @Min(1)
  amount!: number;

  @IsIn(['EUR', 'USD', 'CNY'])
  currency!: string;
}
