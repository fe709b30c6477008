import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, type Role } from '@pingan/access';
import type { InspectionState } from '../domain/inspection.decider.js';
import { INSPECTING_ROLES, InspectionStepCommand, type InspectionStep } from './commands/inspection-step.js';
import { RecordInspectionCommand } from './commands/record-inspection.js';
import { CircularDto, InterviewDto, IssueItemDto, RecordInspectionDto, ReportFixDto, SendBackDto, SignOffDto } from './inspections.dto.js';
import { GetInspectionQuery, HospitalInspectionsQuery } from './queries/get-inspection.js';

export const INSPECTION_ROLES = {
  inspect: INSPECTING_ROLES,
  rectify: ['hospital_security_officer'] as Role[],
  read: ['hospital_security_officer', ...INSPECTING_ROLES] as Role[],
};

/** What a step answers: the item it moved (or the record it added), as the inspection now has it. */
const itemAnswer = (state: InspectionState, itemId: string) => ({ inspectionId: state.inspectionId, ...state.items[itemId]! });

/**
 * Inspections and rectification over HTTP (检查/督导 → 整改 → 销号, 通报, 约谈). Thin: roles here; the
 * inspecting unit and the hospital from the caller (commands/); the rules in domain/inspection.decider.ts.
 */
@ApiTags('security-ledger')
@ApiBearerAuth()
@Controller('security-ledger')
export class InspectionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private step(p: Principal, inspectionId: string, step: InspectionStep) {
    return this.commands.execute(new InspectionStepCommand(p, inspectionId, step));
  }

  @Post('inspections')
  @Roles(...INSPECTION_ROLES.inspect)
  @ApiOperation({
    summary:
      'Record an inspection (检查) or supervision visit (督导) of a hospital of the caller’s region (health commissions, police), with its findings ' +
      'against the standards’ requirement kinds. Answers { inspectionId, hospitalId, inspectedAt, findings } (findings numbered "1", "2", …).',
  })
  record(@CurrentPrincipal() p: Principal, @Body() dto: RecordInspectionDto) {
    return this.commands.execute(
      new RecordInspectionCommand(p, {
        hospitalId: dto.hospitalId,
        kind: dto.kind,
        inspectedAt: new Date(dto.inspectedAt),
        findings: dto.findings.map((f) => ({ requirement: f.requirement, note: f.note })),
      }),
    );
  }

  @Get('inspections/:inspectionId')
  @Roles(...INSPECTION_ROLES.read)
  @ApiOperation({
    summary:
      'An inspection: findings, each rectification item with its status, overdue flag and clock, circulars (通报) and interviews (约谈) ' +
      '(the hospital itself; police and commissions of its region)',
  })
  get(@CurrentPrincipal() p: Principal, @Param('inspectionId') inspectionId: string) {
    return this.queries.execute(new GetInspectionQuery(p, inspectionId));
  }

  @Get('hospitals/:hospitalId/inspections')
  @Roles(...INSPECTION_ROLES.read)
  @ApiOperation({ summary: 'A hospital’s inspections, the latest first, with their items counted (open, overdue, signed off late)' })
  hospitalInspections(@CurrentPrincipal() p: Principal, @Param('hospitalId') hospitalId: string) {
    return this.queries.execute(new HospitalInspectionsQuery(p, hospitalId));
  }

  @Post('inspections/:inspectionId/items')
  @Roles(...INSPECTION_ROLES.inspect)
  @ApiOperation({
    summary:
      'Issue a rectification item (整改) from a finding: the responsible person at the hospital and the due day. Its clock is due at 24:00 ' +
      'of the due day, escalated to the inspecting unit when it breaches. Answers the item.',
  })
  async issueItem(@CurrentPrincipal() p: Principal, @Param('inspectionId') inspectionId: string, @Body() dto: IssueItemDto) {
    const state = await this.step(p, inspectionId, {
      type: 'IssueRectificationItem',
      findingId: dto.findingId,
      responsible: { name: dto.responsible.name, role: dto.responsible.role },
      dueOn: dto.dueOn,
    });
    const item = Object.values(state.items).find((i) => i.findingId === dto.findingId)!;
    return itemAnswer(state, item.itemId);
  }

  @Post('inspections/:inspectionId/items/:itemId/fix')
  @HttpCode(201)
  @Roles(...INSPECTION_ROLES.rectify)
  @ApiOperation({
    summary:
      'The hospital’s own security office reports the item fixed, with evidence references; the item then awaits the inspector’s check ' +
      '(the clock keeps running until it is signed off). Answers the item.',
  })
  async fix(
    @CurrentPrincipal() p: Principal,
    @Param('inspectionId') id: string,
    @Param('itemId') itemId: string,
    @Body() dto: ReportFixDto,
  ) {
    return itemAnswer(await this.step(p, id, { type: 'ReportRectification', itemId, note: dto.note, evidence: dto.evidence }), itemId);
  }

  @Post('inspections/:inspectionId/items/:itemId/sign-off')
  @HttpCode(201)
  @Roles(...INSPECTION_ROLES.inspect)
  @ApiOperation({
    summary:
      'Verify the reported fix and sign the item off (销号): its clock stops; after the due day it is recorded late (onTime false, the clock ' +
      'keeps its breach). Answers the item.',
  })
  async signOff(
    @CurrentPrincipal() p: Principal,
    @Param('inspectionId') id: string,
    @Param('itemId') itemId: string,
    @Body() dto: SignOffDto,
  ) {
    return itemAnswer(await this.step(p, id, { type: 'SignOffRectification', itemId, note: dto.note ?? '' }), itemId);
  }

  @Post('inspections/:inspectionId/items/:itemId/send-back')
  @HttpCode(201)
  @Roles(...INSPECTION_ROLES.inspect)
  @ApiOperation({
    summary:
      'Send the reported fix back with a reason: the item is to be rectified again, still due on its day (its clock never stopped). Answers the item.',
  })
  async sendBack(
    @CurrentPrincipal() p: Principal,
    @Param('inspectionId') id: string,
    @Param('itemId') itemId: string,
    @Body() dto: SendBackDto,
  ) {
    return itemAnswer(await this.step(p, id, { type: 'SendBackRectification', itemId, reason: dto.reason }), itemId);
  }

  @Post('inspections/:inspectionId/circulars')
  @Roles(...INSPECTION_ROLES.inspect)
  @ApiOperation({ summary: 'Record a circular (通报) on the inspection. Answers the circular.' })
  async circular(@CurrentPrincipal() p: Principal, @Param('inspectionId') id: string, @Body() dto: CircularDto) {
    const state = await this.step(p, id, { type: 'IssueCircular', text: dto.text });
    return { inspectionId: id, ...state.circulars.at(-1)! };
  }

  @Post('inspections/:inspectionId/interviews')
  @Roles(...INSPECTION_ROLES.inspect)
  @ApiOperation({ summary: 'Record a summons interview (约谈) held over the inspection’s findings. Answers the interview.' })
  async interview(@CurrentPrincipal() p: Principal, @Param('inspectionId') id: string, @Body() dto: InterviewDto) {
    const state = await this.step(p, id, {
      type: 'RecordInterview',
      interviewee: dto.interviewee,
      summary: dto.summary,
      heldAt: new Date(dto.heldAt),
    });
    return { inspectionId: id, ...state.interviews.at(-1)! };
  }
}
