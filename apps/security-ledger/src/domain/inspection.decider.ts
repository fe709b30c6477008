import { regionContains } from '@pingan/access';
import {
  endOfShanghaiDay,
  rectificationDeadlineId,
  shanghaiDateOf,
  type FieldError,
  type InspectingUnit,
  type InspectionFinding,
  type InspectionKind,
  type RectificationItemIssued,
  type RectificationItemStatus,
  type SecurityLedgerEvent,
} from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import { occurredAtOf } from '@pingan/platform';
import type { InspectionCommand } from './inspection.commands.js';
import { SecurityLedgerError, SecurityLedgerErrorCode as E } from './security-ledger.errors.js';
import { isDay } from './self-inspection-return.decider.js';
import { STANDARDS, type RequirementKind } from './standards.data.js';

/** Commissions and police inspect, issue items, sign off, 通报 and 约谈 [S0 三(三)–(四)]; the hospital's security office reports fixes. */
export const INSPECTOR_ROLES = ['health_commission_official', 'police_dispatcher', 'police_case_officer', 'station_chief'];
export const RECTIFIER_ROLES = ['hospital_security_officer'];
export const RECTIFICATION_RULE = 'rectification-item';
/** What a finding may be against: the requirement kinds of the standards (one list, the standards'). */
export const REQUIREMENT_KINDS: readonly RequirementKind[] = [...new Set(STANDARDS.map((s) => s.rule.kind))];
const MAX_FINDINGS = 50;
const MAX_EVIDENCE = 20;
const MAX_TEXT = 2000;

export type RectificationItem = Pick<
  RectificationItemIssued['data'],
  'itemId' | 'findingId' | 'requirement' | 'responsible' | 'dueOn' | 'dueAt' | 'issuedAt'
> & {
  status: RectificationItemStatus;
  reports: { note: string; evidence: string[]; reportedAt: string }[];
  sentBack: { reason: string; sentBackAt: string }[];
  signedOffAt: string | null;
  onTime: boolean | null;
};

export interface InspectionState {
  recorded: boolean;
  inspectionId: string | null;
  hospitalId: string | null;
  regionCode: string | null;
  kind: InspectionKind | null;
  inspectedAt: string | null;
  inspector: InspectingUnit | null;
  findings: InspectionFinding[];
  items: Record<string, RectificationItem>;
  circulars: { circularId: string; text: string; issuedAt: string; issuedBy: InspectingUnit }[];
  interviews: { interviewId: string; heldAt: string; interviewee: string; summary: string; heldBy: InspectingUnit }[];
}

export const initialState = (): InspectionState => ({
  recorded: false,
  inspectionId: null,
  hospitalId: null,
  regionCode: null,
  kind: null,
  inspectedAt: null,
  inspector: null,
  findings: [],
  items: {},
  circulars: [],
  interviews: [],
});

function invalid(code: typeof E.InvalidInspection | typeof E.InvalidRectification, errors: FieldError[]): never {
  throw new SecurityLedgerError(code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

const blank = (field: string): FieldError => ({ field, code: 'BLANK', message: 'required' });
const tooLong = (field: string): FieldError => ({ field, code: 'TOO_LONG', message: `at most ${MAX_TEXT} characters` });
/** A required text: trimmed, not blank, not too long (the error pushed onto `errors`). */
function text(value: string, field: string, errors: FieldError[]): string {
  const t = value.trim();
  if (!t) errors.push(blank(field));
  else if (t.length > MAX_TEXT) errors.push(tooLong(field));
  return t;
}

/** The inspecting side: a commission or police unit (by role) of a region containing the hospital. */
function checkInspector(role: string, unit: InspectingUnit, hospitalRegion: string, what: string): void {
  if (!INSPECTOR_ROLES.includes(role)) throw new SecurityLedgerError(E.NotAuthorised, `Role ${role} may not ${what}`);
  if (!regionContains(unit.regionCode, hospitalRegion))
    throw new SecurityLedgerError(E.RegionOutsideScope, `The hospital is not in the region of ${unit.organisationId}`);
}

function recorded(
  state: InspectionState,
): asserts state is InspectionState & { inspectionId: string; hospitalId: string; regionCode: string } {
  if (!state.recorded) throw new SecurityLedgerError(E.InspectionNotFound, 'No such inspection');
}

function itemOf(state: InspectionState, itemId: string): RectificationItem {
  const item = state.items[itemId];
  if (!item) throw new SecurityLedgerError(E.ItemNotFound, `No rectification item ${itemId} on this inspection`);
  return item;
}

/** The item a sign-off or send-back is about: the inspecting side acts on a fix reported, never before. */
function reportedItem(
  state: InspectionState & { regionCode: string },
  role: string,
  d: { itemId: string; by: InspectingUnit },
  what: string,
): RectificationItem {
  checkInspector(role, d.by, state.regionCode, `${what} a rectification`);
  const item = itemOf(state, d.itemId);
  if (item.status !== 'reported') throw new SecurityLedgerError(E.ItemNotReported, `Item ${d.itemId} is ${item.status}: no fix to ${what}`);
  return item;
}

export function decide(command: InspectionCommand, state: InspectionState): SecurityLedgerEvent[] {
  const { actor, now } = command.metadata;
  const at = now.toISOString();
  if (command.type === 'RecordInspection') {
    const d = command.data;
    checkInspector(actor.role, d.inspector, d.regionCode, 'record an inspection');
    if (state.recorded) throw new SecurityLedgerError(E.InspectionExists, `Inspection ${d.inspectionId} is already recorded`);
    const errors: FieldError[] = [];
    if (d.findings.length > MAX_FINDINGS) errors.push({ field: 'findings', code: 'TOO_MANY', message: `at most ${MAX_FINDINGS}` });
    const findings = d.findings.map((f, i) => {
      if (!REQUIREMENT_KINDS.includes(f.requirement as RequirementKind))
        errors.push({
          field: `findings[${i}].requirement`,
          code: 'UNKNOWN_REQUIREMENT',
          message: `one of ${REQUIREMENT_KINDS.join(', ')}`,
        });
      return { findingId: String(i + 1), requirement: f.requirement, note: text(f.note, `findings[${i}].note`, errors) };
    });
    if (errors.length) invalid(E.InvalidInspection, errors);
    return [
      {
        type: 'InspectionRecorded',
        data: {
          inspectionId: d.inspectionId,
          hospitalId: d.hospitalId,
          regionCode: d.regionCode,
          kind: d.kind,
          inspectedAt: occurredAtOf(command.metadata).toISOString(),
          inspector: d.inspector,
          findings,
          recordedAt: at,
        },
      },
    ];
  }

  recorded(state);
  const ref = { inspectionId: state.inspectionId, hospitalId: state.hospitalId, regionCode: state.regionCode };
  switch (command.type) {
    case 'IssueRectificationItem': {
      const d = command.data;
      checkInspector(actor.role, d.by, state.regionCode, 'issue a rectification item');
      const finding = state.findings.find((f) => f.findingId === d.findingId);
      if (!finding)
        invalid(E.InvalidRectification, [
          { field: 'findingId', code: 'UNKNOWN_FINDING', message: `no finding ${d.findingId} on this inspection` },
        ]);
      // One item per finding: the finding is closed (销号) when its item is.
      if (Object.values(state.items).some((i) => i.findingId === d.findingId))
        throw new SecurityLedgerError(E.ItemExists, `Finding ${d.findingId} has its rectification item already`);
      const errors: FieldError[] = [];
      const name = text(d.responsible.name, 'responsible.name', errors);
      const role = text(d.responsible.role, 'responsible.role', errors);
      const today = shanghaiDateOf(now);
      if (!isDay(d.dueOn)) errors.push({ field: 'dueOn', code: 'NOT_A_DAY', message: 'a day, YYYY-MM-DD' });
      else if (d.dueOn < today) errors.push({ field: 'dueOn', code: 'IN_PAST', message: `before today (${today})` });
      if (errors.length) invalid(E.InvalidRectification, errors);
      const itemId = String(Object.keys(state.items).length + 1);
      const dueAt = endOfShanghaiDay(d.dueOn).toISOString();
      return [
        {
          type: 'RectificationItemIssued',
          data: {
            ...ref,
            itemId,
            findingId: finding.findingId,
            requirement: finding.requirement,
            responsible: { name, role },
            dueOn: d.dueOn,
            dueAt,
            issuedAt: at,
            issuedBy: d.by,
            // The hospital's duty to rectify; a breach is escalated to the unit that inspected.
            clocks: [
              {
                action: 'start',
                deadlineId: rectificationDeadlineId(state.inspectionId, itemId),
                subject: state.hospitalId,
                rule: RECTIFICATION_RULE,
                startedAt: at,
                dueAt,
                responsibleOrganisationId: state.hospitalId,
                supervisingOrganisationId: state.inspector!.organisationId,
              },
            ],
          },
        },
      ];
    }
    case 'ReportRectification': {
      const d = command.data;
      if (!RECTIFIER_ROLES.includes(actor.role))
        throw new SecurityLedgerError(E.NotAuthorised, `Role ${actor.role} may not report a rectification`);
      if (actor.organisationId !== state.hospitalId || d.hospitalId !== state.hospitalId)
        throw new SecurityLedgerError(E.NotOwnHospital, "Only the inspected hospital's own security office reports its fixes");
      const item = itemOf(state, d.itemId);
      if (item.status !== 'issued' && item.status !== 'sent_back')
        throw new SecurityLedgerError(E.ItemNotOpen, `Item ${d.itemId} is ${item.status}: nothing to report`);
      const errors: FieldError[] = [];
      const note = text(d.note, 'note', errors);
      const evidence = [...new Set(d.evidence.map((e) => e.trim()).filter(Boolean))];
      if (!evidence.length) errors.push({ field: 'evidence', code: 'NO_EVIDENCE', message: 'at least one evidence reference' });
      if (evidence.length > MAX_EVIDENCE)
        errors.push({ field: 'evidence', code: 'TOO_MANY', message: `at most ${MAX_EVIDENCE} references` });
      if (errors.length) invalid(E.InvalidRectification, errors);
      // A report is the hospital's claim, not the fix verified: it does not stop the clock (sign-off does).
      return [{ type: 'RectificationReported', data: { ...ref, itemId: d.itemId, note, evidence, reportedAt: at } }];
    }
    case 'SignOffRectification': {
      const d = command.data;
      const item = reportedItem(state, actor.role, d, 'sign off');
      const errors: FieldError[] = [];
      const note = d.note.trim();
      if (note.length > MAX_TEXT) errors.push(tooLong('note'));
      if (errors.length) invalid(E.InvalidRectification, errors);
      return [
        {
          type: 'RectificationSignedOff',
          data: {
            ...ref,
            itemId: d.itemId,
            note,
            signedOffAt: at,
            onTime: now.getTime() <= new Date(item.dueAt).getTime(),
            signedOffBy: d.by,
            // Met in time, or late: a clock that breached keeps its breach ("完成一家，销号一家" counts the sign-off).
            clocks: [{ action: 'stop', deadlineId: rectificationDeadlineId(state.inspectionId, d.itemId), at }],
          },
        },
      ];
    }
    case 'SendBackRectification': {
      const d = command.data;
      reportedItem(state, actor.role, d, 'send back');
      const errors: FieldError[] = [];
      const reason = text(d.reason, 'reason', errors);
      if (errors.length) invalid(E.InvalidRectification, errors);
      // No clock step: the report never stopped it, so the item stays due on its original day — a
      // fix that did not hold earns no new period (and a breach already recorded stays).
      return [{ type: 'RectificationSentBack', data: { ...ref, itemId: d.itemId, reason, sentBackAt: at, sentBackBy: d.by } }];
    }
    case 'IssueCircular': {
      const d = command.data;
      checkInspector(actor.role, d.by, state.regionCode, 'issue a circular');
      const errors: FieldError[] = [];
      const circular = text(d.text, 'text', errors);
      if (errors.length) invalid(E.InvalidInspection, errors);
      const circularId = String(state.circulars.length + 1);
      return [{ type: 'CircularIssued', data: { ...ref, circularId, text: circular, issuedAt: at, issuedBy: d.by } }];
    }
    case 'RecordInterview': {
      const d = command.data;
      checkInspector(actor.role, d.by, state.regionCode, 'record an interview');
      const errors: FieldError[] = [];
      const interviewee = text(d.interviewee, 'interviewee', errors);
      const summary = text(d.summary, 'summary', errors);
      if (errors.length) invalid(E.InvalidInspection, errors);
      const interviewId = String(state.interviews.length + 1);
      const heldAt = occurredAtOf(command.metadata).toISOString();
      return [{ type: 'InterviewHeld', data: { ...ref, interviewId, heldAt, interviewee, summary, heldBy: d.by } }];
    }
  }
}

const withItem = (
  state: InspectionState,
  itemId: string,
  change: (item: RectificationItem) => Partial<RectificationItem>,
): InspectionState => {
  const item = state.items[itemId];
  return item ? { ...state, items: { ...state.items, [itemId]: { ...item, ...change(item) } } } : state;
};

export function evolve(state: InspectionState, event: SecurityLedgerEvent): InspectionState {
  switch (event.type) {
    case 'InspectionRecorded': {
      const d = event.data;
      return {
        ...state,
        recorded: true,
        inspectionId: d.inspectionId,
        hospitalId: d.hospitalId,
        regionCode: d.regionCode,
        kind: d.kind,
        inspectedAt: d.inspectedAt,
        inspector: d.inspector,
        findings: d.findings,
      };
    }
    case 'RectificationItemIssued': {
      const d = event.data;
      const { itemId, findingId, requirement, responsible, dueOn, dueAt, issuedAt } = d;
      const item: RectificationItem = {
        ...{ itemId, findingId, requirement, responsible, dueOn, dueAt, issuedAt },
        status: 'issued',
        reports: [],
        sentBack: [],
        signedOffAt: null,
        onTime: null,
      };
      return { ...state, items: { ...state.items, [d.itemId]: item } };
    }
    case 'RectificationReported': {
      const { itemId, note, evidence, reportedAt } = event.data;
      return withItem(state, itemId, (i) => ({ status: 'reported', reports: [...i.reports, { note, evidence, reportedAt }] }));
    }
    case 'RectificationSentBack': {
      const { itemId, reason, sentBackAt } = event.data;
      return withItem(state, itemId, (i) => ({ status: 'sent_back', sentBack: [...i.sentBack, { reason, sentBackAt }] }));
    }
    case 'RectificationSignedOff': {
      const { itemId, signedOffAt, onTime } = event.data;
      return withItem(state, itemId, () => ({ status: 'signed_off', signedOffAt, onTime }));
    }
    case 'CircularIssued': {
      const { circularId, text, issuedAt, issuedBy } = event.data;
      return { ...state, circulars: [...state.circulars, { circularId, text, issuedAt, issuedBy }] };
    }
    case 'InterviewHeld': {
      const { interviewId, heldAt, interviewee, summary, heldBy } = event.data;
      return { ...state, interviews: [...state.interviews, { interviewId, heldAt, interviewee, summary, heldBy }] };
    }
    default:
      return state;
  }
}

export const inspectionDecider: Decider<InspectionCommand, SecurityLedgerEvent, InspectionState> = { decide, evolve, initialState };
