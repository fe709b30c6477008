import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { StatedInstantDto } from '../common.dto.js';
import { IsDefined, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

const APPRAISAL_KINDS = ['medical_damage', 'medical_accident'] as const;
export const RESPONSIBILITIES = ['full', 'primary', 'equal', 'secondary', 'minor', 'none'] as const;

export class AppraisalRequestDto extends StatedInstantDto {
  @ApiProperty({ enum: APPRAISAL_KINDS, description: '医疗损害鉴定 / 医疗事故技术鉴定' })
  @IsIn(APPRAISAL_KINDS)
  kind!: (typeof APPRAISAL_KINDS)[number];
  @ApiProperty({ example: '重庆市医学会' }) @IsString() @Length(1, 200) appraiser!: string;
}

export class LiabilityDto {
  @ApiProperty({ enum: RESPONSIBILITIES, description: '全部/主要/同等/次要/轻微/无责任' })
  @IsIn(RESPONSIBILITIES)
  responsibility!: (typeof RESPONSIBILITIES)[number];
  @ApiProperty() @IsString() @Length(1, 5000) summary!: string;
}

const OUTCOMES = ['concluded', 'terminated'] as const;

export class AppraisalResultDto extends StatedInstantDto {
  @ApiProperty() @IsString() @Length(1, 200) reportReference!: string;
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: (typeof OUTCOMES)[number];
  @ApiPropertyOptional({ type: LiabilityDto, description: 'required when concluded' })
  @ValidateIf((o: AppraisalResultDto) => o.outcome === 'concluded')
  @IsDefined({ message: 'liability is required when the outcome is concluded' }) // ValidateNested passes a missing one
  @ValidateNested()
  @Type(() => LiabilityDto)
  liability?: LiabilityDto;
  @ApiPropertyOptional({ description: 'required when terminated' })
  @ValidateIf((o: AppraisalResultDto) => o.outcome === 'terminated')
  @IsString()
  @Length(1, 2000)
  terminationReason?: string;
}

export class LiabilityAgreementDto extends StatedInstantDto {
  @ApiProperty({ type: LiabilityDto }) @IsDefined() @ValidateNested() @Type(() => LiabilityDto) liability!: LiabilityDto;
}

export class OptionalNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
