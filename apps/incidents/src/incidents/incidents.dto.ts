import { ApiProperty, ApiPropertyOptional, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { isRegionCode } from '@pingan/access';
import {
  CASUALTY_GROUPS,
  ESCALATION_CHAINS,
  INCIDENT_CATEGORIES,
  INJURY_GRADES,
  type CasualtyGroup,
  type InjuryGrade,
  INCIDENT_CHANNELS,
  INCIDENT_OUTCOMES,
  type EscalationChain,
  type IncidentCategory,
  type IncidentChannel,
  type IncidentOutcome,
} from '@pingan/contracts';
import { ListQueryDto } from '@pingan/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { ApiSchema } from '@nestjs/swagger';

/** A 6-digit administrative division code that exists as a level (500101, 500100, 500000, 000000). */
const IsRegionCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isRegionCode',
      validator: { validate: (value) => isRegionCode(value), defaultMessage: () => '$property must be a region code (行政区划代码)' },
    },
    options,
  );

const Instant = () => IsISO8601({ strict: true, strictSeparator: true });

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/**
 * The hospital where it happened, by its id in the directory. Everything else the service must
 * know of it (its county, its police office 警务室 and so the 3- or 8-minute arrival limit, the
 * county health commission and 综治 office over it) comes from the access directory, never from
 * the request.
 */
export class HospitalRefDto {
  @ApiProperty({ description: 'an organisation of kind hospital in the directory' }) @IsString() @Length(1, 64) hospitalId!: string;
}

export class CallerDto {
  @ApiPropertyOptional({ description: 'personal data' }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional({ description: 'personal data' }) @IsOptional() @Matches(/^\+?[0-9 -]{3,20}$/) phone?: string;
}

abstract class IntakeDto {
  @ApiProperty({ enum: INCIDENT_CHANNELS }) @IsIn(INCIDENT_CHANNELS) channel!: IncidentChannel;
}

export class Call110IntakeDto extends IntakeDto {
  declare channel: 'call_110';
  @ApiProperty({ format: 'date-time' }) @Instant() callReceivedAt!: string;
  @ApiPropertyOptional({ type: CallerDto }) @IsOptional() @ValidateNested() @Type(() => CallerDto) caller?: CallerDto;
  @ApiProperty({ description: 'what is happening, as the caller says' }) @IsString() @Length(1, 4000) description!: string;
}

/** A hospital's report must state parties, concrete behaviour and injuries [S3 二(二)]. */
export class HospitalReportIntakeDto extends IntakeDto {
  declare channel: 'hospital_report';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) location?: string;
  @ApiProperty({ minimum: 1, description: '当事方人数' }) @IsInt() @Min(1) @Max(10_000) partiesCount!: number;
  @ApiProperty({ description: '具体行为' }) @IsString() @Length(1, 2000) behaviour!: string;
  @ApiProperty({ description: '有无人员受伤' }) @IsBoolean() anyoneInjured!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) description?: string;
}

export class OneKeyAlarmIntakeDto extends IntakeDto {
  declare channel: 'one_key_alarm';
  @ApiProperty({ example: '急诊科分诊台' }) @IsString() @Length(1, 200) location!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) deviceId?: string;
}

export class PatrolIntakeDto extends IntakeDto {
  declare channel: 'patrol';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) location?: string;
  @ApiProperty() @IsString() @Length(1, 4000) description!: string;
}

export type AnyIntakeDto = Call110IntakeDto | HospitalReportIntakeDto | OneKeyAlarmIntakeDto | PatrolIntakeDto;

export class CasualtyCountsDto {
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) deaths?: number;
  @ApiPropertyOptional({ minimum: 0, description: '重伤' }) @IsOptional() @IsInt() @Min(0) @Max(100_000) seriousInjuries?: number;
  @ApiPropertyOptional({ minimum: 0, description: '轻伤 (the threshold of a crime, 刑法 art. 234)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  lightInjuries?: number;
  @ApiPropertyOptional({ minimum: 0, description: '轻微伤' }) @IsOptional() @IsInt() @Min(0) @Max(100_000) slightInjuries?: number;
}

export class CasualtiesDto {
  @ApiPropertyOptional({ type: CasualtyCountsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CasualtyCountsDto)
  staff?: CasualtyCountsDto;
  @ApiPropertyOptional({ type: CasualtyCountsDto, description: 'the patient side (患方)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CasualtyCountsDto)
  patients?: CasualtyCountsDto;
  @ApiPropertyOptional({ type: CasualtyCountsDto, description: 'the perpetrators (行为人)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CasualtyCountsDto)
  perpetrators?: CasualtyCountsDto;
  @ApiPropertyOptional({ type: CasualtyCountsDto, description: 'bystanders and anyone else (其他人员)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CasualtyCountsDto)
  bystanders?: CasualtyCountsDto;
}

/** MAJOR = a death, a serious injury or a mass incident [S3 五(二)]. */
export class ClassificationDto {
  @ApiProperty({ enum: INCIDENT_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INCIDENT_CATEGORIES.length)
  @IsIn(INCIDENT_CATEGORIES, { each: true })
  categories!: IncidentCategory[];
  @ApiPropertyOptional({ type: CasualtiesDto }) @IsOptional() @ValidateNested() @Type(() => CasualtiesDto) casualties?: CasualtiesDto;
  @ApiPropertyOptional({ description: '群体性事件' }) @IsOptional() @IsBoolean() massIncident?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() weaponsInvolved?: boolean;
  @ApiPropertyOptional({ description: '疑似重伤，待鉴定: counts as major until the appraisal is recorded' })
  @IsOptional()
  @IsBoolean()
  seriousInjuryPendingAppraisal?: boolean;
}

@ApiExtraModels(Call110IntakeDto, HospitalReportIntakeDto, OneKeyAlarmIntakeDto, PatrolIntakeDto)
export class ReportIncidentDto {
  @ApiPropertyOptional({
    type: HospitalRefDto,
    description: "default: the caller's own hospital (a hospital reports for itself); police name the hospital",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HospitalRefDto)
  hospital?: HospitalRefDto;
  @ApiProperty({ format: 'date-time', description: 'when it happened: the report clocks of a major incident run from here' })
  @Instant()
  occurredAt!: string;
  @ApiProperty({
    description:
      'by channel: call_110 (police_dispatcher), hospital_report and one_key_alarm (hospital_security_officer), patrol (police roles)',
    oneOf: [Call110IntakeDto, HospitalReportIntakeDto, OneKeyAlarmIntakeDto, PatrolIntakeDto].map((dto) => ({ $ref: getSchemaPath(dto) })),
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => IntakeDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'channel',
      subTypes: [
        { name: 'call_110', value: Call110IntakeDto },
        { name: 'hospital_report', value: HospitalReportIntakeDto },
        { name: 'one_key_alarm', value: OneKeyAlarmIntakeDto },
        { name: 'patrol', value: PatrolIntakeDto },
      ],
    },
  })
  intake!: AnyIntakeDto;
  @ApiPropertyOptional({ type: ClassificationDto, description: 'often unknown at intake (one-key alarm)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClassificationDto)
  classification?: ClassificationDto;
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

export class AlarmDetailsDto {
  @ApiProperty({ minimum: 1, description: '当事方人数' }) @IsInt() @Min(1) @Max(10_000) partiesCount!: number;
  @ApiProperty({ description: '具体行为' }) @IsString() @Length(1, 2000) behaviour!: string;
  @ApiProperty({ description: '有无人员受伤' }) @IsBoolean() anyoneInjured!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) description?: string;
}

export class ReclassifyDto {
  @ApiProperty({ type: ClassificationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ClassificationDto)
  classification!: ClassificationDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

/** The appraisal (伤情鉴定) of the suspected serious injury: it re-classifies the incident. */
export class InjuryAppraisalDto {
  @ApiProperty({ enum: CASUALTY_GROUPS, description: 'whose injury was appraised' }) @IsIn(CASUALTY_GROUPS) group!: CasualtyGroup;
  @ApiProperty({ enum: INJURY_GRADES, description: 'the grade the opinion gives (none: not even 轻微伤)' })
  @IsIn(INJURY_GRADES)
  grade!: InjuryGrade;
  @ApiProperty({ description: "the appraisal opinion's reference (鉴定意见书编号)" })
  @IsString()
  @Length(1, 200)
  appraisalReference!: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it happened (default: now); not in the future, not before the incident occurred',
  })
  @IsOptional()
  @Instant()
  appraisedAt?: string;
}

export class DispatchDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it happened (default: now); not in the future, not before the incident occurred',
  })
  @IsOptional()
  @Instant()
  dispatchedAt?: string;
  @ApiPropertyOptional({
    description: "the police unit sent (default: the caller's own); its superior in the directory supervises the arrival clock",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unitOrganisationId?: string;
}

export class ArrivalDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it happened (default: now); not in the future, not before the incident occurred',
  })
  @IsOptional()
  @Instant()
  arrivedAt?: string;
}

export class DisturbanceStoppedDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it happened (default: now); not in the future, not before the incident occurred',
  })
  @IsOptional()
  @Instant()
  stoppedAt?: string;
}

export class SceneClearedDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it happened (default: now); not in the future, not before the incident occurred',
  })
  @IsOptional()
  @Instant()
  clearedAt?: string;
}

export class SubmitEscalationDto {
  @ApiProperty({
    enum: ESCALATION_CHAINS,
    description: 'health: hospital → county HC; police: station → bureau; political_legal: hospital → local 综治',
  })
  @IsIn(ESCALATION_CHAINS)
  chain!: EscalationChain;
}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'CloseIncidentDto' })
export class CloseDto {
  @ApiProperty({ enum: INCIDENT_OUTCOMES }) @IsIn(INCIDENT_OUTCOMES) outcome!: IncidentOutcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class ReopenDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

/** Exactly one of the two. */
export class LinkDto {
  @ApiPropertyOptional({ description: 'the police case (案件) number, from the police system' })
  @ValidateIf((dto: LinkDto) => dto.disputeCaseNumber === undefined)
  @IsString()
  @Length(1, 64)
  policeCaseNumber?: string;
  @ApiPropertyOptional({ description: 'the medical dispute (医疗纠纷) case number' })
  @ValidateIf((dto: LinkDto) => dto.policeCaseNumber === undefined || dto.disputeCaseNumber !== undefined)
  @IsString()
  @Length(1, 64)
  disputeCaseNumber?: string;
}

// ---------------------------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------------------------

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListIncidentsQuery extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) hospitalId?: string;
  @ApiPropertyOptional({ description: 'a region code: its incidents and those of the regions in it' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  @IsRegionCode()
  regionCode?: string;
  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES }) @IsOptional() @IsIn(INCIDENT_CATEGORIES) category?: IncidentCategory;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBoolean) @IsBoolean() major?: boolean;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
}
