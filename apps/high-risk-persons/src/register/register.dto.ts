import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HIGH_RISK_CATEGORIES, type HighRiskCategory } from '@pingan/contracts';
import { ListQueryDto, PageOffset, StatedInstantDto } from '@pingan/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiSchema } from '@nestjs/swagger';

export class CategoryGroundsDto {
  @ApiProperty({ enum: HIGH_RISK_CATEGORIES }) @IsIn(HIGH_RISK_CATEGORIES) category!: HighRiskCategory;
  @ApiProperty({ description: 'The concrete behaviour that justifies the category: when, where, what was done or said' })
  @IsString()
  @Length(1, 4000)
  behaviour!: string;
  @ApiPropertyOptional({ type: [String], description: 'Incidents that show it (ids)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  incidentIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Cases that show it (case numbers)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  caseNumbers?: string[];
}

export class ProposeFlagDto extends StatedInstantDto {
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ description: 'Resident ID number (GB 11643, 18 characters, checked)' }) @IsString() @Length(15, 24) idNumber!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 30) phone?: string;
  @ApiProperty({ type: [CategoryGroundsDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => CategoryGroundsDto)
  categories!: CategoryGroundsDto[];
}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'HighRiskPersonReasonDto' })
export class ReasonDto extends StatedInstantDto {
  @ApiProperty() @IsString() @Length(0, 4000) reason!: string;
}

export class WarningDto extends StatedInstantDto {
  @ApiProperty({ enum: ['reprimand', 'warning', 'legal_education'], description: '训诫 / 警示 / 法制教育' })
  @IsIn(['reprimand', 'warning', 'legal_education'])
  kind!: 'reprimand' | 'warning' | 'legal_education';
  @ApiProperty() @IsString() @Length(0, 4000) note!: string;
}

export class TaskDto extends StatedInstantDto {
  @ApiProperty({ enum: ['stabilisation', 'help', 'counselling'], description: '稳控 / 帮扶 / 心理疏导; due per task type (see docs)' })
  @IsIn(['stabilisation', 'help', 'counselling'])
  kind!: 'stabilisation' | 'help' | 'counselling';
  @ApiProperty({ description: 'of the directory: a police unit (assigneeKind police) or a political-legal committee (community)' })
  @IsString()
  @Length(1, 64)
  assigneeOrganisationId!: string;
  @ApiProperty({ enum: ['community', 'police'] }) @IsIn(['community', 'police']) assigneeKind!: 'community' | 'police';
  @ApiProperty() @IsString() @Length(0, 4000) note!: string;
}

export class CompleteTaskDto extends StatedInstantDto {
  @ApiProperty() @IsString() @Length(0, 4000) outcome!: string;
}

export class TreatmentDto extends StatedInstantDto {
  @ApiProperty({ enum: ['outpatient_follow_up', 'hospitalisation', 'community_management'] })
  @IsIn(['outpatient_follow_up', 'hospitalisation', 'community_management'])
  arrangement!: 'outpatient_follow_up' | 'hospitalisation' | 'community_management';
  @ApiProperty() @IsString() @Length(0, 4000) note!: string;
}

export class EraseDto {
  @ApiProperty({ description: 'The legal basis of the erasure (kept in the clear: no personal data here)' })
  @IsString()
  @Length(0, 500)
  legalBasis!: string;
}

export class CheckDto {
  @ApiProperty({ description: 'Resident ID number as presented at real-name appointment or arrival' })
  @IsString()
  @Matches(/^[\dXx ]{15,24}$/)
  idNumber!: string;
}

export class ListRegisterQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['proposed', 'active', 'rejected', 'removed', 'expired', 'erased'] })
  @IsOptional()
  @IsIn(['proposed', 'active', 'rejected', 'removed', 'expired', 'erased'])
  status?: string;
}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'HighRiskPersonReadsQuery' })
export class ListReadsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @PageOffset()
  offset?: number;
}
