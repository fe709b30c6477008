import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, POLICE_ROLES, Roles, type Principal, type Role } from '@pingan/access';
import type { SecurityProfile } from '@pingan/contracts';
import { emptyProfile } from '../domain/security-profile.js';
import { FileProfileCommand } from './commands/file-profile.js';
import { GetHospitalQuery } from './queries/get-hospital.js';
import { FileReturnCommand } from './commands/file-return.js';
import { SetReturnCommand } from './commands/set-return.js';
import { FileReturnDto, LedgerQueryDto, SecurityProfileDto, SetReturnDto } from './ledger.dto.js';
import { GetReturnQuery } from './queries/get-return.js';
import { RegionLedgerQuery } from './queries/region-ledger.js';

export const SECURITY_LEDGER_ROLES = {
  file: ['hospital_security_officer'] as Role[],
  readHospital: ['hospital_security_officer', 'health_commission_official', ...POLICE_ROLES] as Role[],
  ledger: ['health_commission_official', ...POLICE_ROLES] as Role[],
  setReturn: ['health_commission_official'] as Role[],
  fileReturn: ['hospital_security_officer'] as Role[],
  readReturn: ['hospital_security_officer', 'health_commission_official', ...POLICE_ROLES] as Role[],
};

/** The body as the profile: every part not sent is null ("not filed"). */
function profileOf(dto: SecurityProfileDto): SecurityProfile {
  const base = emptyProfile();
  const p = Object.fromEntries(
    (Object.keys(base) as (keyof SecurityProfile)[]).map((key) => [key, (dto[key] as unknown) ?? null]),
  ) as unknown as SecurityProfile;
  // Plain objects, not the DTO classes: the event stores exactly these fields.
  if (p.policeOffice) p.policeOffice = { ...p.policeOffice };
  if (p.screening) p.screening = { ...p.screening, equipment: [...p.screening.equipment] };
  if (p.alarms) p.alarms = { ...p.alarms };
  if (p.video) p.video = { ...p.video };
  if (p.emergencyPlan) p.emergencyPlan = { adopted: p.emergencyPlan.adopted, revisedOn: p.emergencyPlan.revisedOn ?? null };
  return p;
}

/**
 * The hospital security ledger over HTTP (医院安全秩序管理工作台账). Thin: roles here; the filing a
 * command on the CommandBus (own hospital, directory facts in file-profile.ts, rules in the
 * decider), reads on the QueryBus (standards evaluated on read, domain/standards.ts).
 */
@ApiTags('security-ledger')
@ApiBearerAuth()
@Controller('security-ledger')
export class LedgerController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('hospitals/:hospitalId/profile')
  @Roles(...SECURITY_LEDGER_ROLES.file)
  @ApiOperation({
    summary:
      "File the hospital's security profile (its own security office; the whole profile). Region, grade and ownership come from the directory. " +
      'Answers { hospitalId, revision, changed }: the same profile again changes nothing.',
  })
  file(@CurrentPrincipal() p: Principal, @Param('hospitalId') hospitalId: string, @Body() dto: SecurityProfileDto) {
    return this.commands.execute(
      new FileProfileCommand(p, hospitalId, { profile: profileOf(dto), level: dto.level, ownership: dto.ownership }),
    );
  }

  @Get('hospitals/:hospitalId')
  @Roles(...SECURITY_LEDGER_ROLES.readHospital)
  @ApiOperation({
    summary:
      'One hospital: its profile as last filed and, for each standard of its region, met / not_met / unknown / not_applicable with the figure ' +
      '(the hospital itself; police and commissions of its region)',
  })
  hospital(@CurrentPrincipal() p: Principal, @Param('hospitalId') hospitalId: string) {
    return this.queries.execute(new GetHospitalQuery(p, hospitalId));
  }

  @Get('ledger')
  @Roles(...SECURITY_LEDGER_ROLES.ledger)
  @ApiOperation({
    summary:
      'The ledger of a region (default: the caller’s): every hospital of it and below with its compliance and gaps, and the rules the region meets as a ' +
      'whole (police and commissions of that region or above)',
  })
  ledger(@CurrentPrincipal() p: Principal, @Query() query: LedgerQueryDto) {
    return this.queries.execute(new RegionLedgerQuery(p, query.region, query.compliance));
  }

  @Post('returns')
  @Roles(...SECURITY_LEDGER_ROLES.setReturn)
  @ApiOperation({
    summary:
      'Set a self-inspection return (自查填报) for the hospitals of the commission’s region or one below it: title, as-of day, due day. ' +
      'Each hospital’s duty to file is a clock due at 24:00 of the due day, escalated to the commission when it breaches. Answers { returnId, regionCode, dueAt, hospitals }.',
  })
  setReturn(@CurrentPrincipal() p: Principal, @Body() dto: SetReturnDto) {
    return this.commands.execute(new SetReturnCommand(p, { title: dto.title, asOf: dto.asOf, dueOn: dto.dueOn, region: dto.region }));
  }

  @Post('returns/:returnId/filings')
  @HttpCode(201)
  @Roles(...SECURITY_LEDGER_ROLES.fileReturn)
  @ApiOperation({
    summary:
      'The hospital’s security office files the return: a snapshot of its profile as it stands, with optional evidence references; once. ' +
      'Answers { returnId, hospitalId, profileRevision, filedAt, onTime } (late still files, and the clock records the breach).',
  })
  fileReturn(@CurrentPrincipal() p: Principal, @Param('returnId') returnId: string, @Body() dto: FileReturnDto) {
    return this.commands.execute(new FileReturnCommand(p, returnId, dto.evidence ?? []));
  }

  @Get('returns/:returnId')
  @Roles(...SECURITY_LEDGER_ROLES.readReturn)
  @ApiOperation({
    summary:
      'A return: each hospital on_time / late / missing (overdue, not filed) / pending, with what it filed and its clock ' +
      '(police and commissions of the region or above; a hospital of the return sees its own row only)',
  })
  getReturn(@CurrentPrincipal() p: Principal, @Param('returnId') returnId: string) {
    return this.queries.execute(new GetReturnQuery(p, returnId));
  }
}
