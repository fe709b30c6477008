import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, MaxLength } from 'class-validator';

export class FlagRiskDto {
  @ApiProperty({ type: [String], example: ['家属扬言聚集'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  reasons!: string[];
}

const LEVELS = ['low', 'medium', 'high'] as const;

export class RiskReviewDto {
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) riskLevel!: (typeof LEVELS)[number];
  @ApiProperty() @IsString() @MaxLength(5000) findings!: string;
  @ApiProperty() @IsString() @MaxLength(5000) measures!: string;
}
