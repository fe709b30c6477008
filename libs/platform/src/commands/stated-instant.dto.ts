import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/**
 * A step recording a fact a user enters: when it happened (default now), bounded by the pipeline
 * (422 OCCURRED_AT.* naming the field); its clocks follow this instant, not the entry's. One class
 * for every service, extended by the step's own body.
 */
export class StatedInstantDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it happened (default: now); not in the future, not before the case began',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}
