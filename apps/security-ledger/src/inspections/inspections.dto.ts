import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { INSPECTION_KINDS, type InspectionKind } from '@pingan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { REQUIREMENT_KINDS } from '../domain/inspection.decider.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class InspectionFindingDto {
  @ApiProperty({ enum: REQUIREMENT_KINDS, description: '所涉要求（标准的要求类别，labels: securityRequirementKind）' })
  @IsIn(REQUIREMENT_KINDS)
  requirement!: string;
  @ApiProperty({ description: '发现的问题', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

/** An inspection (检查) or supervision visit (督导) of a hospital, with what it found. */
@ApiSchema({ name: 'RecordSecurityInspection' })
export class RecordInspectionDto {
  @ApiProperty({ description: 'The hospital inspected (an organisation id of the directory)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  hospitalId!: string;
  @ApiProperty({ enum: INSPECTION_KINDS, description: '检查 inspection / 督导 supervision' })
  @IsIn(INSPECTION_KINDS)
  kind!: InspectionKind;
  @ApiProperty({ format: 'date-time', description: '检查时间 (an instant; not in the future, not before 2000)' })
  @IsDateString({ strict: true })
  inspectedAt!: string;
  @ApiProperty({ type: [InspectionFindingDto], description: '发现的问题 (may be empty: nothing found)', maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InspectionFindingDto)
  findings!: InspectionFindingDto[];
}

export class ResponsiblePersonDto {
  @ApiProperty({ description: '整改责任人姓名', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ description: '职务/岗位，如“保卫科科长”', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) role!: string;
}

/** A rectification item (整改) from one finding of the inspection. */
@ApiSchema({ name: 'IssueRectificationItem' })
export class IssueItemDto {
  @ApiProperty({ description: 'The finding it rectifies ("1", "2", … as the inspection numbered them); one item per finding' })
  @IsString()
  @MaxLength(10)
  findingId!: string;
  @ApiProperty({ type: ResponsiblePersonDto })
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  responsible!: ResponsiblePersonDto;
  @ApiProperty({ format: 'date', description: '整改期限（当日24:00前），不得早于今天' })
  @Matches(DAY)
  dueOn!: string;
}

/** The hospital's security office reports the fix. */
@ApiSchema({ name: 'ReportRectification' })
export class ReportFixDto {
  @ApiProperty({ description: '整改情况', maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) note!: string;
  @ApiProperty({ type: [String], description: '佐证材料（附件编号或链接），1至20项', minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence!: string[];
}

/** The inspecting side signs the item off (销号). */
@ApiSchema({ name: 'SignOffRectification' })
export class SignOffDto {
  @ApiPropertyOptional({ description: '核验意见', maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** The inspecting side sends the reported fix back. */
@ApiSchema({ name: 'SendBackRectification' })
export class SendBackDto {
  @ApiProperty({ description: '退回理由', maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

/** 通报 */
@ApiSchema({ name: 'IssueSecurityCircular' })
export class CircularDto {
  @ApiProperty({ description: '通报内容', maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) text!: string;
}

/** 约谈 */
@ApiSchema({ name: 'RecordSecurityInterview' })
export class InterviewDto {
  @ApiProperty({ format: 'date-time', description: '约谈时间 (not in the future, not before the inspection)' })
  @IsDateString({ strict: true })
  heldAt!: string;
  @ApiProperty({ description: '约谈对象（姓名、职务）', maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) interviewee!: string;
  @ApiProperty({ description: '约谈内容', maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) summary!: string;
}
