import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AdministrativePenalty,
  ArrestRequestExtensionGround,
  CompulsoryMeasureKind,
  CourtDecisionKind,
  CourtVerdict,
  CriminalSentence,
  PoliceCaseKind,
  PublicSecurityMediationOutcome,
} from '@pingan/contracts';
import { ListQueryDto, StatedInstantDto } from '@pingan/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsDate,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASE_STAGES, type CaseStage } from '../read-models/case-list.projection.js';
import { ApiSchema } from '@nestjs/swagger';

// A case number from the police system or an incident ('500101-20261122-0007', 'A5001032026110001').
export const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;
const REGION = /^\d{6}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/;

const KINDS: readonly PoliceCaseKind[] = ['administrative', 'criminal'];
const MEASURES: readonly CompulsoryMeasureKind[] = ['summons', 'bail', 'residential_surveillance', 'criminal_detention', 'arrest'];
const GROUNDS: readonly ArrestRequestExtensionGround[] = ['special_circumstances', 'roving', 'serial', 'gang'];
const VERDICTS: readonly CourtVerdict[] = ['guilty', 'not_guilty'];
const PRINCIPALS: readonly CriminalSentence['principal'][] = [
  'exempted',
  'fine_only',
  'public_surveillance',
  'criminal_detention',
  'fixed_term_imprisonment',
  'life_imprisonment',
  'death',
];

export class OpenCaseDto {
  @ApiProperty({ example: 'A5001032026110001', description: 'The case number from the police system' })
  @Matches(CASE_NUMBER)
  caseNumber!: string;
  @ApiProperty({ description: 'The hospital where it happened (a hospital of the directory)' })
  @IsString()
  @Length(1, 80)
  hospitalId!: string;
  @ApiPropertyOptional({
    example: '500101',
    description:
      "deprecated, derived: the hospital's region in the directory; if stated it must be that one (else 422 DIRECTORY.CONTRADICTS_DIRECTORY)",
  })
  @IsOptional()
  @Matches(REGION)
  regionCode?: string;
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind!: PoliceCaseKind;
  @ApiProperty() @IsString() @Length(1, 2000) summary!: string;
}

export class FileCriminalCaseDto {}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'PoliceCaseReasonDto' })
export class ReasonDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

/** 转为刑事案件: why, and when it was decided (default now). */
export class ConversionDto extends StatedInstantDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class AddSuspectDto {
  @ApiPropertyOptional({ description: 'Generated when omitted' }) @IsOptional() @Matches(ID) suspectId?: string;
  @ApiProperty({ description: 'Personal data: kept out of the events, reads audited' }) @IsString() @Length(1, 200) name!: string;
}

export class AddNoteDto {
  @ApiProperty() @IsString() @Length(1, 10_000) text!: string;
}

export class TransferCaseDto extends StatedInstantDto {
  @ApiProperty({ description: 'a police unit of the directory' }) @IsString() @Length(1, 80) toUnitId!: string;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class PenaltyDto {
  @ApiProperty({ enum: ['warning', 'fine', 'administrative_detention'] })
  @IsIn(['warning', 'fine', 'administrative_detention'])
  kind!: AdministrativePenalty['kind'];
  @ApiPropertyOptional() @ValidateIf((p: PenaltyDto) => p.kind === 'fine') @IsNumber() @Min(0) amountYuan?: number;
  @ApiPropertyOptional() @ValidateIf((p: PenaltyDto) => p.kind === 'administrative_detention') @IsInt() @Min(0) days?: number;
}

export class DecidePenaltyDto {
  @ApiPropertyOptional({ description: 'Generated when omitted' }) @IsOptional() @Matches(ID) decisionId?: string;
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ type: PenaltyDto }) @IsDefined() @ValidateNested() @Type(() => PenaltyDto) penalty!: PenaltyDto;
  @ApiProperty({ description: 'When the decision was taken: the ministry-entry clock counts from its day' })
  @Type(() => Date)
  @IsDate()
  decidedAt!: Date;
}

export class ImposeMeasureDto {
  @ApiPropertyOptional({ description: 'Generated when omitted' }) @IsOptional() @Matches(ID) measureId?: string;
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ enum: MEASURES }) @IsIn(MEASURES) measure!: CompulsoryMeasureKind;
  @ApiProperty() @Type(() => Date) @IsDate() decidedAt!: Date;
}

export class MinistryEntryDto {
  @ApiProperty({ description: 'The penalty decision or compulsory measure entered' }) @Matches(ID) decisionId!: string;
  @ApiProperty({ description: "The ministry system's reference" }) @IsString() @Length(1, 100) referenceNumber!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); its clock follows this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class ArrestRequestDto {
  @ApiPropertyOptional({ description: 'Generated when omitted' }) @IsOptional() @Matches(ID) requestId?: string;
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ description: 'a procuratorate of the directory' }) @IsString() @Length(1, 80) procuratorateId!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); its clock follows this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class ArrestRequestExtensionDto extends StatedInstantDto {
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ enum: GROUNDS }) @IsIn(GROUNDS) ground!: ArrestRequestExtensionGround;
  @ApiProperty() @IsString() @Length(1, 2000) explanation!: string;
  @ApiProperty({ minimum: 1, maximum: 27 }) @IsInt() @Min(1) @Max(27) days!: number;
}

export class ArrestReceiptDto {
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it was received (default: now); the decision period counts from it' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class ArrestDecisionDto {
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ enum: ['approved', 'not_approved'] }) @IsIn(['approved', 'not_approved']) outcome!: 'approved' | 'not_approved';
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it was decided (default: now); not before the receipt' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class DesignateProsecutorDto {
  @ApiProperty() @IsString() @Length(1, 80) prosecutorUserId!: string;
  @ApiProperty() @IsString() @Length(1, 100) prosecutorName!: string;
}

export class TransferForProsecutionDto extends StatedInstantDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @Matches(ID, { each: true }) suspectIds!: string[];
  @ApiProperty({ description: 'a procuratorate of the directory' }) @IsString() @Length(1, 80) procuratorateId!: string;
}

export class ReviewExtensionDto extends StatedInstantDto {
  @ApiProperty({ enum: ['major', 'complex'] }) @IsIn(['major', 'complex']) ground!: 'major' | 'complex';
  @ApiProperty() @IsString() @Length(1, 2000) explanation!: string;
}

export class IndictDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @Matches(ID, { each: true }) suspectIds!: string[];
  @ApiProperty({ description: 'a court of the directory' }) @IsString() @Length(1, 80) courtId!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); not before the review began' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class NonProsecutionDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @Matches(ID, { each: true }) suspectIds!: string[];
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); not before the review began' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class SupplementaryInvestigationDto {
  @ApiProperty({ description: 'What the police are to investigate (补充侦查提纲)' }) @IsString() @Length(1, 4000) reason!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); the police’s month counts from it' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class ResubmissionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); the new review period counts from it' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

/** 经上一级公安机关批准: who approved the one 30-day extension of a 治安案件. */
export class CasePeriodExtensionDto extends StatedInstantDto {
  @ApiProperty({ description: 'The superior public-security organ that approved (a police unit of the directory)' })
  @IsString()
  @Length(1, 80)
  approvingUnitId!: string;
  @ApiProperty({ description: 'Who approved (name and post)' }) @IsString() @Length(1, 200) approverName!: string;
  @ApiProperty({ description: 'Why: 案情重大、复杂' }) @IsString() @Length(1, 2000) reason!: string;
}

const MEDIATION_OUTCOMES: readonly PublicSecurityMediationOutcome[] = ['agreement_reached', 'failed'];

/** 治安调解 of an administrative case. */
export class PublicSecurityMediationDto {
  @ApiPropertyOptional({ description: 'Generated when omitted' }) @IsOptional() @Matches(ID) mediationId?: string;
  @ApiProperty({ enum: MEDIATION_OUTCOMES }) @IsIn(MEDIATION_OUTCOMES) outcome!: PublicSecurityMediationOutcome;
  @ApiPropertyOptional({ description: 'The agreement, or why it failed' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it concluded (default: now); the case period is met then' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class EmptyDto {}

/** A step whose only fact is that it happened (立案, 开庭): when (default now). */
export class StepDto extends StatedInstantDto {}

export class SentenceDto {
  @ApiProperty({ enum: PRINCIPALS }) @IsIn(PRINCIPALS) principal!: CriminalSentence['principal'];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(300) termMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(60) probationMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) fineYuan?: number;
}

export class VerdictDto {
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ enum: VERDICTS }) @IsIn(VERDICTS) verdict!: CourtVerdict;
  @ApiPropertyOptional({ type: SentenceDto, nullable: true, description: 'Required for guilty, null for not guilty' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SentenceDto)
  sentence?: SentenceDto | null;
  @ApiPropertyOptional({
    enum: ['judgement', 'ruling'],
    description: '判决 (default, 10 days to appeal) or 裁定 (5 days); first instance only',
  })
  @IsOptional()
  @IsIn(['judgement', 'ruling'])
  decisionKind?: CourtDecisionKind;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); the appeal window follows this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class AppealDto {
  @ApiProperty() @Matches(ID) suspectId!: string;
  @ApiProperty({ enum: ['defendant', 'procuratorate'] }) @IsIn(['defendant', 'procuratorate']) appellant!: 'defendant' | 'procuratorate';
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now); the appeal window follows this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class SupervisionDto {
  @ApiProperty() @IsString() @Length(1, 4000) requirements!: string;
  @ApiProperty({ description: 'By when the case must be concluded or reported on' }) @Type(() => Date) @IsDate() dueAt!: Date;
}

export class ProgressDto {
  @ApiProperty() @IsString() @Length(1, 10_000) report!: string;
}

export class ListCasesQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Region code or prefix region (500100 covers its counties)' })
  @IsOptional()
  @Matches(REGION)
  region?: string;
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: PoliceCaseKind;
  @ApiPropertyOptional({ enum: CASE_STAGES }) @IsOptional() @IsIn(CASE_STAGES) status?: CaseStage;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  underSupervision?: boolean;
}
