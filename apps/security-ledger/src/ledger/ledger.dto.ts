import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { HOSPITAL_LEVELS, type HospitalLevel } from '@pingan/access';
import { SCREENING_EQUIPMENT, type ScreeningEquipment } from '@pingan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COMPLIANCE_LEVELS, type Compliance } from '../domain/standards.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const count = (description: string, max = 1_000_000) => ({ description, type: Number, nullable: true, minimum: 0, maximum: max });

export class PoliceOfficeDto {
  @ApiProperty({ description: '设有警务室' }) @IsBoolean() present!: boolean;
  @ApiProperty({ description: '专职民警' }) @IsInt() @Min(0) @Max(100) fullTimeOfficers!: number;
  @ApiProperty({ description: '兼职民警' }) @IsInt() @Min(0) @Max(100) partTimeOfficers!: number;
  @ApiProperty({ description: '协警（辅警）' }) @IsInt() @Min(0) @Max(100) auxiliaries!: number;
  @ApiProperty({ description: '警务室保安' }) @IsInt() @Min(0) @Max(1000) guards!: number;
}

export class ScreeningDto {
  @ApiProperty({ description: '主要出入口数' }) @IsInt() @Min(0) @Max(100) mainEntrances!: number;
  @ApiProperty({ description: '已实施安检的主要出入口数' }) @IsInt() @Min(0) @Max(100) screenedMainEntrances!: number;
  @ApiProperty({ enum: SCREENING_EQUIPMENT, isArray: true, description: '安检设备' })
  @IsArray()
  @ArrayMaxSize(SCREENING_EQUIPMENT.length)
  @IsIn(SCREENING_EQUIPMENT, { each: true })
  equipment!: ScreeningEquipment[];
}

export class AlarmsDto {
  @ApiProperty({ description: '门卫室安装一键式报警' }) @IsBoolean() gate!: boolean;
  @ApiProperty({ description: '各科室安装一键式报警' }) @IsBoolean() departments!: boolean;
  @ApiProperty({ description: '重点要害部位安装一键式报警' }) @IsBoolean() keyPlaces!: boolean;
  @ApiProperty({ description: '与医院安全监控中心联网' }) @IsBoolean() networkedToMonitoringCentre!: boolean;
  @ApiProperty({ description: '接入公安机关（属地派出所）' }) @IsBoolean() networkedToPolice!: boolean;
}

export class VideoDto {
  @ApiProperty({ description: '公共区域、重点区域视频监控全覆盖' }) @IsBoolean() keyPlacesCovered!: boolean;
  @ApiProperty({ description: '重点要害部位为高清监控' }) @IsBoolean() highDefinition!: boolean;
  @ApiProperty({ description: '录像存储天数' }) @IsInt() @Min(0) @Max(3650) retentionDays!: number;
}

export class EmergencyPlanDto {
  @ApiProperty({ description: '已制定突发事件应急预案' }) @IsBoolean() adopted!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: '预案最近修订日期' })
  @IsOptional()
  @Matches(DAY)
  revisedOn?: string | null;
}

/** The whole profile (PUT). A part left out or null is "not filed": its requirements read unknown. */
export class SecurityProfileDto {
  @ApiPropertyOptional(count('开放床位')) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) openBeds?: number | null;
  @ApiPropertyOptional(count('在岗医务人员')) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) onDutyMedicalStaff?: number | null;
  @ApiPropertyOptional(count('日均门诊量（人次）')) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) dailyOutpatients?: number | null;
  @ApiPropertyOptional(count('专职保卫干部')) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) securityCadres?: number | null;
  @ApiPropertyOptional(count('保安员')) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) guards?: number | null;
  @ApiPropertyOptional(count('持证上岗的保安员')) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) certifiedGuards?: number | null;
  @ApiPropertyOptional({ type: PoliceOfficeDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PoliceOfficeDto)
  policeOffice?: PoliceOfficeDto | null;
  @ApiPropertyOptional({ type: ScreeningDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScreeningDto)
  screening?: ScreeningDto | null;
  @ApiPropertyOptional({ type: AlarmsDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlarmsDto)
  alarms?: AlarmsDto | null;
  @ApiPropertyOptional({ type: VideoDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => VideoDto) video?: VideoDto | null;
  @ApiPropertyOptional({ type: EmergencyPlanDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyPlanDto)
  emergencyPlan?: EmergencyPlanDto | null;
  @ApiPropertyOptional({ type: [String], nullable: true, description: '应急演练日期（YYYY-MM-DD）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DAY, { each: true })
  drills?: string[] | null;
  @ApiPropertyOptional(count('近十二个月安保培训次数', 10_000)) @IsOptional() @IsInt() @Min(0) @Max(10_000) trainingSessions?:
    number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: '参加医疗责任保险' })
  @IsOptional()
  @IsBoolean()
  liabilityInsurance?: boolean | null;
  @ApiPropertyOptional({
    enum: HOSPITAL_LEVELS,
    description: '医院等级: only where the directory does not know it (refused if it contradicts it)',
  })
  @IsOptional()
  @IsIn(HOSPITAL_LEVELS)
  level?: HospitalLevel;
  @ApiPropertyOptional({ enum: ['public', 'private'], description: '公立/民营: only where the directory does not know it' })
  @IsOptional()
  @IsIn(['public', 'private'])
  ownership?: 'public' | 'private';
}

@ApiSchema({ name: 'SecurityLedgerQuery' })
export class LedgerQueryDto {
  @ApiPropertyOptional({ description: 'Region code (6 digits); default the caller’s own region' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
  @ApiPropertyOptional({ enum: COMPLIANCE_LEVELS, description: 'Only hospitals of this compliance' })
  @IsOptional()
  @IsIn(COMPLIANCE_LEVELS)
  compliance?: Compliance;
}

/** A self-inspection return set by a health commission (自查填报任务). */
@ApiSchema({ name: 'SetSelfInspectionReturn' })
export class SetReturnDto {
  @ApiProperty({ description: '标题，如“2026年第二季度医院安全秩序自查”', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
  @ApiProperty({ format: 'date', description: '填报基准日（按该日情况填报）' })
  @Matches(DAY)
  asOf!: string;
  @ApiProperty({ format: 'date', description: '填报截止日（当日24:00前），不得早于基准日' })
  @Matches(DAY)
  dueOn!: string;
  @ApiPropertyOptional({ description: 'Region code (6 digits): the commission’s own (default) or one below it' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
}

/** A hospital files a return: its current profile is the snapshot; the evidence references are optional. */
@ApiSchema({ name: 'FileSelfInspectionReturn' })
export class FileReturnDto {
  @ApiPropertyOptional({ type: [String], description: '佐证材料（附件编号或链接），至多20项', maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];
}
