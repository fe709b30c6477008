import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPurpose, CurrentPrincipal, POLICE_ROLES, Roles, type Principal } from '@pingan/access';
import { InjectRuntime, StatedInstantDto, correlationIdOf, pageWindow, runningClocks, type ServiceRuntime } from '@pingan/platform';
import { INCIDENTS_CONTEXT_NAME } from '../incidents.context.js';
import type { Request } from 'express';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { IncidentCommandMessage } from './commands/incident-command.js';
import { incidentUseCases } from './commands/incident-use-cases.js';
import { IncidentDirectory } from './incident-directory.js';
import { ReportIncidentCommand } from './commands/report-incident.js';
import { GetIncidentQuery } from './queries/get-incident.js';
import { ListIncidentsQuery as ListIncidents } from './queries/list-incidents.js';
import {
  AlarmDetailsDto,
  ArrivalDto,
  CloseDto,
  DispatchDto,
  DisturbanceStoppedDto,
  InjuryAppraisalDto,
  LinkDto,
  ListIncidentsQuery,
  ReclassifyDto,
  ReopenDto,
  ReportIncidentDto,
  SceneClearedDto,
  SubmitEscalationDto,
} from './incidents.dto.js';
import { INCIDENT_EXAMPLES } from './incidents.examples.js';
import { IncidentCommandResponseDto, IncidentDetailResponseDto } from './incidents.responses.js';

const POLICE = POLICE_ROLES;

/**
 * Incidents over HTTP. Thin: roles here; each request becomes a command on the CommandBus (record-level
 * access and the use case's own rule in commands/, the rules in the decider) or a query on the QueryBus.
 * Errors are problem+json with stable codes.
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
    private readonly directory: IncidentDirectory,
  ) {}

  /**
   * What every command answers: the case, the events it recorded, the incident after them and the
   * clocks still running on it with their due instants (what the caller must do next, by when).
   */
  private async act(message: IncidentCommandMessage) {
    const { events, state, correlationId } = await this.commands.execute(message);
    return this.answer(correlationId, events, state);
  }

  private async answer(caseNumber: string, events: { type: string }[], incident: unknown) {
    return { caseNumber, recorded: events.map((event) => event.type), incident, clocks: await runningClocks(this.runtime, caseNumber) };
  }

  @Post()
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({
    summary:
      "Report an incident: call_110 (police_dispatcher), hospital_report / one_key_alarm (hospital_security_officer of that hospital), patrol (police roles); police only in their jurisdiction. The hospital's county, police office and commission come from the directory. Allocates the case number.",
  })
  @ApiBody({ type: ReportIncidentDto, examples: INCIDENT_EXAMPLES.report })
  @ApiCreatedResponse({ type: IncidentCommandResponseDto })
  async report(@CurrentPrincipal() principal: Principal, @Body() dto: ReportIncidentDto) {
    const { caseNumber, events, state } = await this.commands.execute(new ReportIncidentCommand(principal, dto));
    return this.answer(caseNumber, events, state);
  }

  @Get()
  @ApiOperation({
    summary:
      'List incidents the caller may see (own hospital, police jurisdiction, commission region, addressed escalations): { items, total, limit, offset }. ' +
      'unit: a hospital or an organisation that acted on it; from/to: when it occurred; q: case number, location, behaviour, description; ' +
      'awaitingMe: police, not yet on scene or not yet stopped; a chain body, a report at its level not acknowledged; the hospital, particulars or the major report missing.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListIncidentsQuery) {
    return this.queries.execute(
      new ListIncidents(principal, {
        hospitalId: query.hospitalId,
        regionCode: query.regionCode,
        category: query.category,
        major: query.major,
        status: query.status,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
        unit: query.unit,
        q: query.q,
        awaitingMe: query.awaitingMe,
        ...pageWindow(query),
      }),
    );
  }

  @Get(':caseNumber')
  @ApiOperation({
    summary: 'One incident with its full history (every event: type, data, who, when); caller details to police only, audited',
  })
  @ApiOkResponse({ type: IncidentDetailResponseDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber') caseNumber: string,
    @AccessPurpose() purpose: string | undefined,
    @Req() req: Request,
  ) {
    return this.queries.execute(new GetIncidentQuery(principal, caseNumber, purpose, correlationIdOf(req) ?? caseNumber));
  }

  @Patch(':caseNumber/alarm-details')
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({ summary: "A one-key alarm's particulars: parties, behaviour, injuries [S3 二(二)]" })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  alarmDetails(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: AlarmDetailsDto) {
    return this.act(incidentUseCases.completeAlarmDetails(principal, caseNumber, dto));
  }

  @Patch(':caseNumber/classification')
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({ summary: 'Classify or reclassify; becoming major starts the report clocks (from when it occurred)' })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  classify(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ReclassifyDto) {
    return this.act(incidentUseCases.reclassify(principal, caseNumber, dto));
  }

  @Post(':caseNumber/injury-appraisal')
  @HttpCode(200)
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({
    summary:
      'The appraisal (伤情鉴定) of a suspected serious injury: counts the person at the appraised grade; no longer major cancels the report clocks',
  })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  injuryAppraisal(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: InjuryAppraisalDto) {
    return this.act(incidentUseCases.injuryAppraisal(principal, caseNumber, dto));
  }

  @Post(':caseNumber/dispatch')
  @HttpCode(200)
  @Roles('police_dispatcher', 'station_chief')
  @ApiOperation({
    summary:
      'Police dispatched: starts the 3 / 8 minute arrival clock [S1 三(一)] (3 where the directory lists a police office at the hospital)',
  })
  @ApiBody({ type: DispatchDto, examples: INCIDENT_EXAMPLES.dispatch })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  async dispatch(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: DispatchDto) {
    return this.act(await incidentUseCases.dispatch(principal, caseNumber, dto, this.directory));
  }

  @Post(':caseNumber/arrival')
  @HttpCode(200)
  @Roles(...POLICE)
  @ApiOperation({ summary: 'Police arrived on scene: meets the arrival clock' })
  @ApiBody({ type: ArrivalDto, examples: INCIDENT_EXAMPLES.arrival })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  arrival(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrivalDto) {
    return this.act(incidentUseCases.arrival(principal, caseNumber, dto));
  }

  @Post(':caseNumber/disturbance-stopped')
  @HttpCode(200)
  @Roles(...POLICE)
  @ApiOperation({ summary: 'The unlawful behaviour was stopped (违法行为已制止): mediation may follow only after this [S3 一(二)]' })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  disturbanceStopped(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber') caseNumber: string,
    @Body() dto: DisturbanceStoppedDto,
  ) {
    return this.act(incidentUseCases.disturbanceStopped(principal, caseNumber, dto));
  }

  @Post(':caseNumber/scene-cleared')
  @HttpCode(200)
  @Roles(...POLICE)
  @ApiOperation({ summary: 'The scene was cleared' })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  sceneCleared(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: SceneClearedDto) {
    return this.act(incidentUseCases.sceneCleared(principal, caseNumber, dto));
  }

  @Post(':caseNumber/escalations')
  @HttpCode(200)
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({
    summary: 'Report up a chain: health and political_legal by the hospital itself, police by a police unit of the jurisdiction',
  })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  submitEscalation(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: SubmitEscalationDto) {
    return this.act(incidentUseCases.submitEscalation(principal, caseNumber, dto));
  }

  @Post(':caseNumber/escalations/:level/acknowledge')
  @HttpCode(200)
  @Roles('health_commission_official', 'political_legal_officer', ...POLICE)
  @ApiOperation({
    summary:
      'The body the report is addressed to at this level confirms receipt (county/city/province/national, bureau/city_bureau, local)',
  })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber') caseNumber: string,
    @Param('level') level: string,
    @Body() dto: StatedInstantDto = {},
  ) {
    return this.act(incidentUseCases.acknowledgeEscalation(principal, caseNumber, level, dto));
  }

  @Post(':caseNumber/escalations/:level/forward')
  @HttpCode(200)
  @Roles('health_commission_official', 'political_legal_officer', ...POLICE)
  @ApiOperation({ summary: 'The level that acknowledged passes the report to the next level up' })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  forward(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber') caseNumber: string,
    @Param('level') level: string,
    @Body() dto: StatedInstantDto = {},
  ) {
    return this.act(incidentUseCases.forwardEscalation(principal, caseNumber, level, dto));
  }

  @Post(':caseNumber/close')
  @HttpCode(200)
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({ summary: 'Close with an outcome (no referral to mediation before the disturbance was stopped)' })
  @ApiBody({ type: CloseDto, examples: INCIDENT_EXAMPLES.close })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  close(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: CloseDto) {
    return this.act(incidentUseCases.close(principal, caseNumber, dto));
  }

  @Post(':caseNumber/reopen')
  @HttpCode(200)
  @Roles('hospital_security_officer', ...POLICE)
  @ApiOperation({ summary: 'Reopen a closed incident, with a reason' })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  reopen(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ReopenDto) {
    return this.act(incidentUseCases.reopen(principal, caseNumber, dto));
  }

  @Post(':caseNumber/links')
  @HttpCode(200)
  @Roles('hospital_security_officer', 'hospital_complaints_officer', ...POLICE)
  @ApiOperation({ summary: 'Link the police case (police roles) or the medical dispute (the hospital or police) this incident became' })
  @ApiOkResponse({ type: IncidentCommandResponseDto })
  link(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: LinkDto) {
    return this.act(incidentUseCases.link(principal, caseNumber, dto));
  }
}
