import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiSchema } from '@nestjs/swagger';
import { ListQueryDto } from '@pingan/platform';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class ListDisputesQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ description: 'narrow to one hospital (within what the caller may see)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  hospitalId?: string;
  @ApiPropertyOptional({ description: 'narrow to a region (6-digit code; a city or province code covers its counties)' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  regionCode?: string;
}

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'DisputeStatisticsQuery' })
export class StatisticsQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'first opening month (Asia/Shanghai)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  from?: string;
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) to?: string;
  @ApiPropertyOptional({ description: 'a region within the commission’s own' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
}
