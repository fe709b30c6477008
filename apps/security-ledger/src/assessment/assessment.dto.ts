import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ASSESSMENT_ITEM_KINDS, type AssessmentItemKind } from '@pingan/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

// Shapes only: the rules (points ≥ 0, known kinds, the total adds up) are the decider's, answered with each field named.
export class AssessmentSheetItemDto {
  @ApiProperty({ description: 'Stable id within the sheet', maxLength: 50 }) @IsString() @MaxLength(50) id!: string;
  @ApiProperty({ enum: ASSESSMENT_ITEM_KINDS, description: 'What the item scores (labels: assessmentItemKind)' })
  @IsString()
  kind!: AssessmentItemKind;
  @ApiProperty({ description: '考评内容', maxLength: 200 }) @IsString() @MaxLength(200) title!: string;
  @ApiProperty({ description: '分值 (≥ 0, whole or in tenths)' }) @IsNumber() points!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: '依据（文件及条款）', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  source?: string | null;
}

export class AssessmentGradeBandDto {
  @ApiProperty({ description: '等次, e.g. 优秀', maxLength: 20 }) @IsString() @MaxLength(20) grade!: string;
  @ApiProperty({ description: 'The lowest total that earns it' }) @IsNumber() minScore!: number;
}

@ApiSchema({ name: 'AssessmentSheet' })
export class AssessmentSheetDto {
  @ApiProperty({ description: '评分表名称', maxLength: 200 }) @IsString() @MaxLength(200) title!: string;
  @ApiProperty({ description: 'The stated total: the items must add up to it' }) @IsNumber() total!: number;
  @ApiProperty({ type: [AssessmentSheetItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AssessmentSheetItemDto)
  items!: AssessmentSheetItemDto[];
  @ApiPropertyOptional({ type: [AssessmentGradeBandDto], description: '等次 (none: scores only)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AssessmentGradeBandDto)
  bands?: AssessmentGradeBandDto[];
}

@ApiSchema({ name: 'RecordSecurityAssessment' })
export class RecordAssessmentDto {
  @ApiProperty({ description: '考评年度', example: 2026 }) @IsInt() year!: number;
  @ApiPropertyOptional({ description: 'Region code (6 digits): the commission’s own (default) or one below it' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
}
