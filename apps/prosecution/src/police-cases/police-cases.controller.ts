import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPurpose, CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import type { Request } from 'express';
import { CaseDirectory } from './case-directory.js';
import { openCase, recorded } from './commands/act-on-case.js';
import { ListCasesQuery, OpenCaseDto } from './police-case.dto.js';
import { GetCaseSuspectsQuery } from './queries/get-case-suspects.js';
import { GetPoliceCaseQuery } from './queries/get-police-case.js';
import { ListPoliceCasesQuery } from './queries/list-police-cases.js';
import { CASE_READER_ROLES, POLICE_ROLES } from './roles.js';

/** Opening a case directly, the case list, one case (state, history, clocks) and its suspects. */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases')
export class PoliceCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly directory: CaseDirectory,
  ) {}

  @Post()
  @Roles(...POLICE_ROLES)
  @ApiOperation({
    summary:
      'Accept a case directly (受案), e.g. a report at the station; the caller’s unit handles it; the region is the hospital’s in the directory (police_case_officer, station_chief)',
  })
  async open(@CurrentPrincipal() principal: Principal, @Body() dto: OpenCaseDto) {
    // Where it happened decides the case's region (and so whose jurisdiction): the directory's, not the caller's, to say.
    const { hospitalId, regionCode } = await this.directory.hospital(dto.hospitalId, dto.regionCode);
    const header = { caseNumber: dto.caseNumber, hospitalId, regionCode, kind: dto.kind, summary: dto.summary };
    return recorded(
      this.commands,
      openCase(principal, POLICE_ROLES, { type: 'OpenCase', data: { ...header, handlingUnitId: principal.organisationId } }),
      this.runtime,
    );
  }

  @Get()
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({
    summary:
      'Cases the caller may see (police: jurisdiction; commissions: region; others: cases they are party to): { items, total, limit, offset }. ' +
      'unit: the handling unit; from/to: when it was accepted; q: case number, hospital, unit; ' +
      'awaitingMe: the handling unit, still with the police; a procuratorate, under its review; a court, before it.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCasesQuery) {
    return this.queries.execute(new ListPoliceCasesQuery(principal, query));
  }

  @Get(':caseNumber')
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({ summary: 'One case: state, full history and its legal clocks (due instants, provisional flag)' })
  get(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    return this.queries.execute(new GetPoliceCaseQuery(principal, caseNumber));
  }

  @Get(':caseNumber/suspects')
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({
    summary:
      'Suspects with names (personal data): police, and the procuratorate/court the case went to. Audited; say why in x-access-purpose.',
  })
  suspects(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber') caseNumber: string,
    @AccessPurpose() purpose: string | undefined,
    @Req() _req: Request,
  ) {
    return this.queries.execute(new GetCaseSuspectsQuery(principal, caseNumber, purpose));
  }
}
