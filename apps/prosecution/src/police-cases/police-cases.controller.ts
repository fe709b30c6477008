import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessDeniedError, AccessPurpose, CurrentPrincipal, ReadAudit, Roles, canAccess, readScope, type Principal } from '@pingan/access';
import type { Deadline } from '@pingan/deadlines';
import type { Request } from 'express';
import { CASE_READER_ROLES, POLICE_ROLES } from './roles.js';
import { PoliceCaseService, type LoadedCase } from '../police-case.service.js';
import { SuspectIdentities } from '../read-models/suspect-identities.js';
import { CaseListQueries } from '../read-models/case-list.queries.js';
import { assertCanReadSuspects, assertCaseAccess } from './case-access.js';
import { ListCasesQuery, OpenCaseDto } from './police-case.dto.js';
import { loadForCaller } from './load-for-caller.js';

export const SUSPECT_RECORD_TYPE = 'police-case-suspects';

const clockView = (d: Deadline) => ({
  deadlineId: d.id,
  rule: d.rule.name,
  source: d.rule.source,
  length: d.rule.length,
  state: d.state,
  startedAt: d.startedAt.toISOString(),
  dueAt: d.dueAt.toISOString(),
  warnAt: d.warnAt.toISOString(),
  // The due instant depends on a year whose official holiday schedule is not yet published.
  provisional: d.provisional,
  completedAt: d.completedAt?.toISOString() ?? null,
  warnedAt: d.warnedAt?.toISOString() ?? null,
  breachedAt: d.breachedAt?.toISOString() ?? null,
  responsibleOrganisationId: d.responsibleOrganisationId,
  extensions: d.extensions.map((e) => ({ ...e.by, reason: e.reason, at: e.at.toISOString(), dueAfter: e.dueAfter.toISOString() })),
});

function caseView(loaded: LoadedCase) {
  const { state } = loaded;
  return {
    caseNumber: state.caseNumber,
    hospitalId: state.hospitalId,
    regionCode: state.regionCode,
    kind: state.kind,
    origin: state.origin,
    handlingUnitId: state.handlingUnitId,
    filed: state.filed,
    // Suspects by id only: names are personal data (GET …/suspects, audited).
    suspects: Object.values(state.suspects),
    decisions: state.decisions,
    designatedProsecutor: state.designatedProsecutor,
    review: state.review,
    supervision: state.supervision,
    partyOrganisationIds: loaded.partyOrganisationIds,
  };
}

/** Opening a case directly, the case list, one case (state, history, clocks) and its suspects. */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases')
export class PoliceCasesController {
  private readonly audit: ReadAudit;

  constructor(
    private readonly cases: PoliceCaseService,
    private readonly list: CaseListQueries,
    private readonly identities: SuspectIdentities,
  ) {
    this.audit = new ReadAudit(cases.store, () => cases.now);
  }

  @Post()
  @Roles(...POLICE_ROLES)
  @ApiOperation({
    summary:
      'Accept a case directly (受案), e.g. a report at the station; the caller’s unit handles it (police_case_officer, station_chief)',
  })
  async open(@CurrentPrincipal() principal: Principal, @Body() dto: OpenCaseDto) {
    // A unit accepts cases in its own jurisdiction only.
    if (principal.organisationKind !== 'police' || !canAccess(principal, { regionCode: dto.regionCode, action: 'write' })) {
      throw new AccessDeniedError();
    }
    await this.cases.execute(principal, POLICE_ROLES, { type: 'OpenCase', ...dto, handlingUnitId: principal.organisationId });
    return { caseNumber: dto.caseNumber };
  }

  @Get()
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({ summary: 'Cases the caller may see (police: jurisdiction; commissions: region; others: cases they are party to)' })
  async cases_(@CurrentPrincipal() principal: Principal, @Query() query: ListCasesQuery) {
    await this.cases.catchUp();
    return { items: await this.list.list(readScope(principal), query) };
  }

  @Get(':caseNumber')
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({ summary: 'One case: state, full history and its legal clocks (due instants, provisional flag)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    const loaded = await loadForCaller(this.cases, principal, caseNumber);
    assertCaseAccess(principal, loaded, 'read');
    await this.cases.catchUp(); // the clocks of the caller's own last step
    const clocks = await this.cases.deadlinesOf(caseNumber);
    return {
      case: caseView(loaded),
      clocks: clocks.map(clockView),
      history: loaded.history.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        version: e.version,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.actor,
        data: e.data,
      })),
    };
  }

  @Get(':caseNumber/suspects')
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({
    summary:
      'Suspects with names (personal data): police, and the procuratorate/court the case went to. Audited; say why in x-access-purpose.',
  })
  async suspects(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber') caseNumber: string,
    @AccessPurpose() purpose: string | undefined,
    @Req() _req: Request,
  ) {
    const loaded = await loadForCaller(this.cases, principal, caseNumber);
    assertCanReadSuspects(principal, loaded);
    // Recorded before anything is returned; if the audit fails, the read fails.
    await this.audit.record({
      principal,
      recordType: SUSPECT_RECORD_TYPE,
      recordId: caseNumber,
      ownerOrganisationIds: [loaded.state.handlingUnitId],
      purpose,
      correlationId: caseNumber,
    });
    const names = await this.identities.namesOf(caseNumber);
    return {
      caseNumber,
      suspects: Object.values(loaded.state.suspects).map((s) => ({
        suspectId: s.suspectId,
        name: names.get(s.suspectId) ?? null,
        custody: s.custody,
      })),
    };
  }
}
