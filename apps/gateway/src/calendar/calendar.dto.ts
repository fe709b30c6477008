import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One item of the notice: a holiday's days off and the make-up working days it names. */
export class HolidayItemDto {
  @ApiProperty({ example: '春节' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ example: '2027-02-05', description: 'first day off (Asia/Shanghai)' })
  @Matches(DATE)
  from!: string;

  @ApiProperty({ example: '2027-02-11', description: 'last day off' })
  @Matches(DATE)
  to!: string;

  @ApiPropertyOptional({ example: ['2027-02-20'], description: 'make-up working days (调休上班)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @Matches(DATE, { each: true })
  workdays?: string[];
}

/** A year's holiday schedule as the State Council's notice gives it (libs/calendar/README.md). */
export class YearScheduleDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  year!: number;

  @ApiProperty({ example: '国办发明电〔2026〕x号', description: "the notice's number" })
  @IsString()
  @Length(1, 200)
  notice!: string;

  @ApiPropertyOptional({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ example: '2026-11-04' })
  @IsOptional()
  @Matches(DATE)
  publishedOn?: string;

  @ApiProperty({ type: [HolidayItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HolidayItemDto)
  holidays!: HolidayItemDto[];
}
