import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { StatedInstantDto } from '../common.dto.js';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const KINDS = ['peoples_mediation', 'administrative_mediation'] as const;

export class ReferralDto {
  @ApiProperty({ enum: KINDS, description: '人民调解 (a 医调委) or 行政调解 (a health commission)' })
  @IsIn(KINDS)
  kind!: (typeof KINDS)[number];
  @ApiProperty({
    description: 'of the directory: a mediation committee (peoples_mediation) or a health commission (administrative_mediation)',
  })
  @IsString()
  @Length(1, 64)
  mediatorOrganisationId!: string;
}

export class AcceptanceDto extends StatedInstantDto {
  @ApiPropertyOptional({
    description:
      'deprecated, derived: the body over the mediator in the directory (its parent; for a commission the one above) gets a breach of the 30-working-day clock; if stated it must be that one (else 422 DIRECTORY.CONTRADICTS_DIRECTORY)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  supervisingOrganisationId?: string;
}

const SIDES = ['patient', 'hospital', 'mediator', 'other'] as const;

export class AttendeeDto {
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: SIDES }) @IsIn(SIDES) side!: (typeof SIDES)[number];
}

export class SessionDto {
  @ApiProperty({ example: '2026-11-20T02:00:00Z' }) @IsDateString() heldAt!: string;
  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

@ApiSchema({ name: 'DisputeExtensionConsentDto' })
export class ExtensionConsentDto {
  @ApiProperty({ description: '同意延长的患方当事人 (the party id from the register; names stay there)' })
  @IsString()
  @Length(1, 64)
  patientPartyId!: string;
  @ApiProperty({ description: '同意延长的医方代表 (the hospital staff member who agreed)' })
  @IsString()
  @Length(1, 100)
  hospitalRepresentative!: string;
  @ApiPropertyOptional({ description: '延长调解期限约定书 reference' }) @IsOptional() @IsString() @MaxLength(200) reference?: string;
}

export class ExtensionDto {
  @ApiProperty({ example: 10, description: 'working days the parties agreed to add (条例 第38条)' })
  @IsInt()
  @Min(1)
  @Max(250)
  workingDays!: number;
  @ApiProperty() @IsString() @MaxLength(2000) reason!: string;
  @ApiProperty({
    type: ExtensionConsentDto,
    description: '医患双方同意延长 (条例 第38条): required, or 422 DISPUTE.EXTENSION_CONSENT_REQUIRED',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => ExtensionConsentDto)
  consent!: ExtensionConsentDto;
}

const FAILURE_REASONS = ['no_agreement', 'party_withdrew', 'not_accepted', 'other'] as const;

export class FailureDto extends StatedInstantDto {
  @ApiProperty({ enum: FAILURE_REASONS }) @IsIn(FAILURE_REASONS) reason!: (typeof FAILURE_REASONS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
