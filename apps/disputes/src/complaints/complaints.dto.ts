import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPUTE_ROUTES, type DisputeRoute } from '@pingan/contracts';
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
  MaxLength,
  Min,
  Max,
  ValidateNested,
} from 'class-validator';
import { MAX_FEN } from '../common.dto.js';

const RELATIONS = ['patient', 'relative', 'agent', 'other'] as const;
const CLAIM_KINDS = ['compensation', 'apology', 'explanation', 'accountability', 'other'] as const;

export class PartyDto {
  @ApiProperty({ example: '张某', description: 'personal data: kept in the party register, never in events; reads audited' })
  @IsString()
  @Length(1, 100)
  name!: string;
  @ApiProperty({ enum: RELATIONS }) @IsIn(RELATIONS) relation!: (typeof RELATIONS)[number];
  @ApiPropertyOptional({ example: '13800000000', description: 'personal data' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/)
  contact?: string;
}

export class ClaimDto {
  @ApiProperty({ enum: CLAIM_KINDS }) @IsIn(CLAIM_KINDS) kind!: (typeof CLAIM_KINDS)[number];
  @ApiProperty() @IsString() @Length(1, 2000) description!: string;
  @ApiPropertyOptional({ description: 'fen (分)' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_FEN) amountFen?: number;
}

export class ReceiveComplaintDto {
  @ApiProperty({ example: '术后感染，家属要求说明并赔偿' }) @IsString() @Length(1, 2000) summary!: string;
  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties!: PartyDto[];
  @ApiProperty({ type: [ClaimDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClaimDto)
  claims!: ClaimDto[];
  @ApiPropertyOptional({
    description:
      'deprecated, derived: the county health commission over the hospital in the directory supervises the risk-review clock; if stated it must be that one (else 422 DIRECTORY.CONTRADICTS_DIRECTORY)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  supervisingOrganisationId?: string;
}

export class HandOverDto {
  @ApiProperty() @IsString() @Length(1, 64) toUserId!: string;
  @ApiPropertyOptional({ description: "a hospital of the directory; default: the caller's organisation" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  toOrganisationId?: string;
  @ApiProperty({ description: '首诉负责制: a handover always says why' }) @IsString() @MaxLength(2000) reason!: string;
}

const METHODS = ['in_person', 'written', 'phone', 'other'] as const;

export class RoutesNoticeDto {
  @ApiProperty({ enum: DISPUTE_ROUTES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISPUTE_ROUTES.length)
  @IsIn(DISPUTE_ROUTES, { each: true })
  routes!: DisputeRoute[];
  @ApiProperty({ enum: METHODS }) @IsIn(METHODS) method!: (typeof METHODS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
