import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto, PageOffset } from '@pingan/platform';
import {
  HEALTH_COMMISSION_LEVELS,
  HOSPITAL_LEVELS,
  ORGANISATION_KINDS,
  POLICE_UNIT_TYPES,
  ROLES,
  type HealthCommissionLevel,
  type HospitalLevel,
  type OrganisationKind,
  type PoliceUnitType,
  type Role,
} from '@pingan/access';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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

export class HospitalDetailsDto {
  @ApiProperty({ enum: HOSPITAL_LEVELS }) @IsIn(HOSPITAL_LEVELS) level!: HospitalLevel;
  @ApiProperty({ enum: ['public', 'private'] }) @IsIn(['public', 'private']) ownership!: 'public' | 'private';
  @ApiProperty() @IsInt() @Min(0) @Max(100_000) beds!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) dailyOutpatients!: number;
  @ApiProperty() @IsBoolean() hasPoliceOffice!: boolean;
}

export class RegisterOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind!: OrganisationKind;
  @ApiProperty({ example: '万州区中心医院' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: '500101', description: '6-digit region code: 500000 province, 500100 city, 500101 county, 000000 national' })
  @Matches(/^\d{6}$/)
  regionCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) parentId?: string;
  @ApiPropertyOptional({ type: HospitalDetailsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HospitalDetailsDto)
  hospital?: HospitalDetailsDto;
  @ApiPropertyOptional({ enum: POLICE_UNIT_TYPES }) @IsOptional() @IsIn(POLICE_UNIT_TYPES) policeUnitType?: PoliceUnitType;
  @ApiPropertyOptional({ enum: HEALTH_COMMISSION_LEVELS })
  @IsOptional()
  @IsIn(HEALTH_COMMISSION_LEVELS)
  healthCommissionLevel?: HealthCommissionLevel;
}

export class RegisterUserDto {
  @ApiProperty() @IsString() @Length(1, 64) organisationId!: string;
  @ApiProperty({ example: 'wz.hospital.security2' }) @IsString() @Length(3, 64) username!: string;
  @ApiProperty({ example: '王保卫' }) @IsString() @Length(1, 100) displayName!: string;
  @ApiPropertyOptional({ description: 'personal data: reads of it are audited' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/)
  phone?: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
  @ApiProperty({ format: 'password', minLength: 12 }) @IsString() @Length(12, 256) password!: string;
}

export class AssignRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class DeactivateDto {
  @ApiProperty({ example: 'left the service' }) @IsString() @Length(1, 500) reason!: string;
}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'OrganisationReadsQuery' })
export class ListReadsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @PageOffset()
  offset?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) recordId?: string;
}

export class ListOrganisationsDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'inactive'] }) @IsOptional() @IsIn(['active', 'inactive']) status?: 'active' | 'inactive';
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKind;
  @ApiPropertyOptional({ description: 'a region code: the organisations in it and in the regions below it', example: '500101' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  regionCode?: string;
}
