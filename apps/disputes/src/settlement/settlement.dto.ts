import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_FEN, StatedInstantDto } from '../common.dto.js';
import { ApiSchema } from '@nestjs/swagger';

export class JudicialConfirmationDto extends StatedInstantDto {
  @ApiProperty({ description: 'a court of the directory' }) @IsString() @Length(1, 64) courtId!: string;
  @ApiProperty({ example: '(2026)渝0101民特123号' }) @IsString() @Length(1, 200) rulingReference!: string;
}

export class LitigationDto extends StatedInstantDto {
  @ApiProperty({ description: 'a court of the directory' }) @IsString() @Length(1, 64) courtId!: string;
  @ApiProperty({ example: '(2026)渝0101民初456号' }) @IsString() @Length(1, 200) reference!: string;
}

const PAYERS = ['hospital', 'insurer'] as const;

export class PaymentDto extends StatedInstantDto {
  @ApiProperty({ description: 'fen (分)' }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen!: number;
  @ApiProperty({ enum: PAYERS }) @IsIn(PAYERS) payer!: (typeof PAYERS)[number];
}

const OUTCOMES = ['agreement_performed', 'resolved_without_compensation', 'judgment', 'withdrawn', 'other'] as const;

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'CloseDisputeDto' })
export class CloseDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: (typeof OUTCOMES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
