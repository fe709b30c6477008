import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, POLICE_ROLES, Roles, type Principal, type Role } from '@pingan/access';
import type { SecurityProfile } from '@pingan/contracts';
import { emptyProfile } from '../domain/security-profile.js';
import { FileProfileCommand } from './commands/file-profile.js';
import { GetHospitalQuery } from './queries/get-hospital.js';
import { LedgerQueryDto, SecurityProfileDto } from './ledger.dto.js';
import { RegionLedgerQuery } from './queries/region-ledger.js';

export const SECURITY_LEDGER_ROLES = {
  file: ['hospital_security_officer'] as Role[],
  readHospital: ['hospital_security_officer', 'health_commission_official', ...POLICE_ROLES] as Role[],
  ledger: ['health_commission_official', ...POLICE_ROLES] as Role[],
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
}
