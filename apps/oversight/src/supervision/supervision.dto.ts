import { ListQueryDto } from '@pingan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class StartSupervisionDto {
  @ApiProperty({ example: '500101-20261122-0007' })
  @IsString()
  @MaxLength(64)
  caseNumber!: string;

  @ApiProperty({ description: 'When the supervised work must be done (ISO 8601), at least one hour from now' })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiProperty({ description: '督办要求' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  instructions!: string;
}

export class SupervisionNoteDto {
  @ApiProperty({ description: 'Progress received (进展)' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note!: string;
}

export class CloseSupervisionDto {
  @ApiProperty({ description: 'Conclusion (办结意见)' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  conclusion!: string;
}

export class SupervisionListQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  caseNumber?: string;
}
