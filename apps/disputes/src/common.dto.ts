import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  Max,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { ApiSchema } from '@nestjs/swagger';
import { RunningClockDto, StatedInstantDto } from '@pingan/platform';

/** Money is whole fen (分), never floats. */
export const MAX_FEN = 100_000_000_000; // 10亿元: beyond any dispute

export class CompensationItemDto {
  @ApiProperty({ example: '医疗费' }) @IsString() @Length(1, 100) head!: string;
  @ApiProperty({ example: 1_200_000, description: 'fen (分)' }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen!: number;
}

// The one stated-instant body (libs/platform), kept importable from here for the disputes' DTOs.
export { StatedInstantDto };

export class AgreementDto extends StatedInstantDto {
  @ApiPropertyOptional({ description: 'defaults to a new id' }) @IsOptional() @IsString() @Length(1, 64) agreementId?: string;
  @ApiProperty() @IsString() @Length(1, 5000) terms!: string;
  @ApiProperty({ type: [CompensationItemDto], description: 'empty: an agreement without money' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CompensationItemDto)
  compensation!: CompensationItemDto[];
}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'DisputeReasonDto' })
export class ReasonDto {
  @ApiProperty() @IsString() @MaxLength(2000) reason!: string;
}

const MEDIATION_KINDS = ['peoples_mediation', 'administrative_mediation'] as const;

@ApiSchema({ name: 'DisputeMediationRefusalDto' })
export class RefusalDto extends ReasonDto {
  @ApiPropertyOptional({ enum: MEDIATION_KINDS, description: 'the mediation refused when none was referred (default 人民调解)' })
  @IsOptional()
  @IsIn(MEDIATION_KINDS)
  kind?: (typeof MEDIATION_KINDS)[number];
}

export class NoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** Where a dispute stands after a step. */
export class DisputeStateDto {
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty({ example: 'peoples_mediation' }) route!: string;
  @ApiProperty({ nullable: true, type: Object }) owner!: unknown;
  @ApiProperty() routesNotified!: boolean;
  @ApiProperty({
    nullable: true,
    enum: ['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation'],
    isArray: true,
    description: '拒绝调解后仍可选择的途径 (after a refusal of mediation: the routes still open) [S3 二(三)]',
  })
  remainingRoutes!: string[] | null;
  @ApiProperty({ nullable: true, type: Object, description: 'kind, phase (referred, accepted, agreed, failed, withdrawn), mediator' })
  mediation!: unknown;
  @ApiProperty({ nullable: true, type: Object }) appraisal!: unknown;
  @ApiProperty({ nullable: true, type: Object }) liability!: unknown;
  @ApiProperty({ nullable: true, type: Object }) agreement!: unknown;
  @ApiProperty() escalationRisk!: boolean;
  @ApiProperty({ nullable: true, type: String }) closeOutcome!: string | null;
}

export class CommandResultDto {
  @ApiProperty() disputeId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ nullable: true, description: 'the stream version after the step; null when nothing changed' }) version!: number | null;
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty({ type: DisputeStateDto, description: 'where the dispute stands after the step' }) dispute!: DisputeStateDto;
  @ApiProperty({ type: [RunningClockDto], description: 'the clocks still running on the case, soonest due first' })
  clocks!: RunningClockDto[];
}
