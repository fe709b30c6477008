import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto } from '@pingan/platform';
import { IsOptional, IsString, Matches } from 'class-validator';

export class BoardQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: '6-digit region code: clocks of cases in it', example: '500101' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;

  @ApiPropertyOptional({ description: 'Organisation id: clocks it is responsible for or supervises' })
  @IsOptional()
  @IsString()
  body?: string;

  @ApiPropertyOptional({ description: 'Comma-separated states: running, warned, met, breached, lapsed, paused, cancelled' })
  @IsOptional()
  @Matches(/^(running|warned|met|breached|lapsed|paused|cancelled)(,(running|warned|met|breached|lapsed|paused|cancelled))*$/)
  state?: string;

  @ApiPropertyOptional({ description: 'Rule name' })
  @IsOptional()
  @IsString()
  rule?: string;
}
