import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { StatedInstantDto } from '@pingan/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPurpose, CurrentPrincipal, POLICE_ROLES, Roles, type Principal, type Role } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { randomUUID } from 'node:crypto';
import { ActOnPersonCommand, ErasePersonCommand, type StateCommand } from './commands/act-on-person.js';
import { CheckAtHospitalCommand } from './commands/check-at-hospital.js';
import { ProposeFlagCommand } from './commands/propose-flag.js';
import { GetPersonQuery } from './queries/get-person.js';
import { ListPersonReadsQuery } from './queries/list-person-reads.js';
import { ListRegisterQuery as ListRegister } from './queries/list-register.js';
import {
  CheckDto,
  CompleteTaskDto,
  EraseDto,
  ListReadsQuery,
  ListRegisterQuery,
  ProposeFlagDto,
  ReasonDto,
  TaskDto,
  TreatmentDto,
  WarningDto,
} from './register.dto.js';

const POLICE: readonly Role[] = POLICE_ROLES;
export const HIGH_RISK_ROLES = {
  propose: ['hospital_security_officer', ...POLICE, 'political_legal_officer'] as Role[],
  decide: ['station_chief', 'political_legal_officer'] as Role[], // approve, reject, renew, remove
  warn: POLICE,
  measures: [...POLICE, 'political_legal_officer'] as Role[], // tasks, treatment
  erase: ['station_chief'] as Role[],
  read: [
    ...POLICE,
    'political_legal_officer',
    'hospital_security_officer',
    'hospital_complaints_officer',
    'health_commission_official',
  ] as Role[],
  list: [...POLICE, 'political_legal_officer'] as Role[],
  check: ['hospital_security_officer', 'hospital_complaints_officer'] as Role[],
};

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * The high-risk person register over HTTP (高风险就诊人员). Thin: roles here; each request a command
 * on the CommandBus (record-level access and sealing in commands/, rules in the decider) or a query
 * on the QueryBus. Every read is audited (say why in x-access-purpose).
 */
@ApiTags('high-risk-persons')
@ApiBearerAuth()
@Controller('high-risk-persons')
export class RegisterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  /** A command on an existing person, given in one of `roles`. */
  private act(p: Principal, personId: string, roles: readonly Role[], command: StateCommand) {
    return this.commands.execute(new ActOnPersonCommand(p, personId, roles, command));
  }

  /** The same, for a fact that happened at the instant the body states (`occurredAt`, default now). */
  private actAt(stated: StatedInstantDto, p: Principal, personId: string, roles: readonly Role[], command: StateCommand) {
    return this.commands.execute(new ActOnPersonCommand(p, personId, roles, command, stated.occurredAt));
  }

  @Post()
  @Roles(...HIGH_RISK_ROLES.propose)
  @ApiOperation({ summary: 'Propose a flag (hospital security, police, political-legal); active only once another organisation approves' })
  propose(@CurrentPrincipal() p: Principal, @Body() dto: ProposeFlagDto) {
    return this.commands.execute(
      new ProposeFlagCommand(p, {
        name: dto.name,
        idNumber: dto.idNumber,
        phone: dto.phone ?? null,
        categories: dto.categories.map((c) => ({
          category: c.category,
          behaviour: c.behaviour,
          incidentIds: c.incidentIds ?? [],
          caseNumbers: c.caseNumbers ?? [],
        })),
        occurredAt: dto.occurredAt,
      }),
    );
  }

  @Post('checks')
  @HttpCode(200)
  @Roles(...HIGH_RISK_ROLES.check)
  @ApiOperation({ summary: 'Early warning at the hospital door: does this ID number have an ACTIVE flag? (audited, alerts police)' })
  check(@CurrentPrincipal() p: Principal, @Body() dto: CheckDto, @AccessPurpose() purpose: string | undefined) {
    return this.commands.execute(new CheckAtHospitalCommand(p, dto.idNumber, purpose));
  }

  @Get()
  @Roles(...HIGH_RISK_ROLES.list)
  @ApiOperation({
    summary:
      'The register of the caller’s region, pseudonymous (police, political-legal): { items, total, limit, offset }. ' +
      'unit: the proposing or approving organisation; from/to: last change; q: person id, flag number, categories; ' +
      'awaitingMe: proposed flags another organisation proposed (those who decide).',
  })
  list(@CurrentPrincipal() p: Principal, @Query() query: ListRegisterQuery) {
    return this.queries.execute(new ListRegister(p, query));
  }

  @Get(':id')
  @Roles(...HIGH_RISK_ROLES.read)
  @ApiOperation({ summary: 'One person: police and political-legal the full record, hospitals and commissions the warning only. Audited.' })
  read(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @AccessPurpose() purpose: string | undefined) {
    return this.queries.execute(new GetPersonQuery(p, id, purpose));
  }

  @Get(':id/reads')
  @ApiOperation({ summary: 'Who read this person’s record (members of an organisation that proposed a flag on them)' })
  reads(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() query: ListReadsQuery) {
    return this.queries.execute(new ListPersonReadsQuery(p, id, { limit: query.limit, offset: query.offset }));
  }

  @Post(':id/approve')
  @HttpCode(204)
  @Roles(...HIGH_RISK_ROLES.decide)
  @ApiOperation({ summary: 'Approve a proposed flag: another organisation than the proposer’s (station chief, political-legal)' })
  async approve(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: StatedInstantDto) {
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.decide, (_seal, personId) => ({
      type: 'ApproveFlag',
      data: { personId },
    }));
  }

  @Post(':id/reject')
  @HttpCode(204)
  @Roles(...HIGH_RISK_ROLES.decide)
  @ApiOperation({ summary: 'Reject a proposed flag, with a reason' })
  async reject(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: ReasonDto) {
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.decide, (seal, personId) => ({
      type: 'RejectFlag',
      data: { personId, reason: seal(dto.reason) },
    }));
  }

  @Post(':id/warnings')
  @Roles(...HIGH_RISK_ROLES.warn)
  @ApiOperation({ summary: 'Record a police warning or legal education (训诫/警示/法制教育)' })
  async warn(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: WarningDto) {
    const measureId = randomUUID();
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.warn, (seal, personId) => ({
      type: 'GiveWarning',
      data: { personId, measureId, kind: dto.kind, note: seal(dto.note), organisationKind: p.organisationKind },
    }));
    return { measureId };
  }

  @Post(':id/tasks')
  @Roles(...HIGH_RISK_ROLES.measures)
  @ApiOperation({ summary: 'Assign a stabilisation, help or counselling task (稳控/帮扶/心理疏导) with a due clock' })
  async assignTask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: TaskDto) {
    // The assignee must be in the directory, of the kind it is assigned as (a community task goes to the 政法委's grid).
    await this.runtime.directory!.require(dto.assigneeOrganisationId, 'assigneeOrganisationId', [
      dto.assigneeKind === 'police' ? 'police' : 'political_legal',
    ]);
    const taskId = randomUUID();
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.measures, (seal, personId) => ({
      type: 'AssignStabilisationTask',
      data: {
        personId,
        taskId,
        kind: dto.kind,
        assigneeOrganisationId: dto.assigneeOrganisationId,
        assigneeKind: dto.assigneeKind,
        note: seal(dto.note),
      },
    }));
    return { taskId };
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(204)
  @Roles(...HIGH_RISK_ROLES.measures)
  @ApiOperation({ summary: 'Complete a task: its clock is met' })
  async completeTask(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('taskId') taskId: string,
    @Body() dto: CompleteTaskDto,
  ) {
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.measures, (seal, personId) => ({
      type: 'CompleteStabilisationTask',
      data: { personId, taskId, outcome: seal(dto.outcome) },
    }));
  }

  @Post(':id/treatments')
  @Roles(...HIGH_RISK_ROLES.measures)
  @ApiOperation({ summary: 'Record a treatment arrangement (flags of severe mental disorder with risk only)' })
  async arrangeTreatment(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: TreatmentDto) {
    const measureId = randomUUID();
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.measures, (seal, personId) => ({
      type: 'ArrangeTreatment',
      data: { personId, measureId, arrangement: dto.arrangement, note: seal(dto.note) },
    }));
    return { measureId };
  }

  @Post(':id/renew')
  @HttpCode(204)
  @Roles(...HIGH_RISK_ROLES.decide)
  @ApiOperation({ summary: 'Review and renew an active flag, with the reason it is still needed (restarts the review clock)' })
  async renew(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: ReasonDto) {
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.decide, (seal, personId) => ({
      type: 'RenewFlag',
      data: { personId, reason: seal(dto.reason) },
    }));
  }

  @Post(':id/remove')
  @HttpCode(204)
  @Roles(...HIGH_RISK_ROLES.decide)
  @ApiOperation({ summary: 'Remove an active flag from the list, with a reason (history stays)' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: ReasonDto) {
    await this.actAt(dto, p, id, HIGH_RISK_ROLES.decide, (seal, personId) => ({
      type: 'RemoveFlag',
      data: { personId, reason: seal(dto.reason) },
    }));
  }

  @Post(':id/erase')
  @HttpCode(204)
  @Roles(...HIGH_RISK_ROLES.erase)
  @ApiOperation({ summary: 'Erase the person: their key is destroyed, every sealed field becomes unreadable (station chief)' })
  async erase(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: EraseDto) {
    await this.commands.execute(new ErasePersonCommand(p, id, dto.legalBasis));
  }
}
