import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/**
 * One page of a list, the same shape on every list of every service: the rows, how many match in
 * all (as far as the caller may see), and the window asked for. A client pages by `offset` until
 * `offset + items.length >= total`.
 */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 500;
/**
 * No screen pages a million rows deep; beyond that an offset is a probe (9223372036854775808 overflows
 * PostgreSQL's bigint, a 500 before this bound): a 400 naming `offset`. Every list's offset uses it.
 */
export const MAX_PAGE_OFFSET = 1_000_000;

/** The `offset` query parameter of a list, bounded by MAX_PAGE_OFFSET (for lists that are not a ListQueryDto). */
export const PageOffset = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_PAGE_OFFSET),
  );

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * The query parameters every list takes (each list adds its own `status` and narrower filters).
 * What `unit`, the date range, `q` and `awaitingMe` apply to is said by each list's OpenAPI text.
 */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @PageOffset()
  offset?: number;

  @ApiPropertyOptional({ description: 'free text, matched (case-insensitively) against the fields the list shows', example: '急诊' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'an organisation id: the rows of that unit (within what the caller may see)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  unit?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'only the rows waiting for an action of the caller (its organisation and roles)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  awaitingMe?: boolean;
}

/** The window of a list request, with the defaults applied. */
export function pageWindow(query: { limit?: number; offset?: number }, defaultLimit = DEFAULT_PAGE_LIMIT) {
  return { limit: Math.min(query.limit ?? defaultLimit, MAX_PAGE_LIMIT), offset: query.offset ?? 0 };
}

/** A LIKE pattern that finds `text` anywhere, its own `%`, `_` and `\` taken literally (use with ILIKE). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The page of rows selected with `count(*) OVER () AS total` (the total before LIMIT/OFFSET, in
 * the same statement). A window past the end has no rows to carry the count: `countWhenEmpty`
 * answers it then.
 */
export async function toPage<R extends { total?: unknown }, T>(
  rows: R[],
  window: { limit: number; offset: number },
  map: (row: R) => T,
  countWhenEmpty: () => Promise<number>,
): Promise<Page<T>> {
  const total = rows.length > 0 ? Number(rows[0].total) : window.offset > 0 ? await countWhenEmpty() : 0;
  return { items: rows.map(map), total, limit: window.limit, offset: window.offset };
}

/** A page of a list that was filtered in memory (short lists: the inbox, the board). */
export function pageOfArray<T>(all: T[], window: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(window.offset, window.offset + window.limit), total: all.length, limit: window.limit, offset: window.offset };
}
