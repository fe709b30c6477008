import type { Actor, IncidentClassification, IncidentEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { deciderSpec } from '@pingan/testing';
import { isMajor, UNCLASSIFIED } from './incident.classification.js';
import type { IncidentCommand } from './incident.commands.js';
import { createIncidentDecider, incidentDecider } from './incident.decider.js';
import {
  IncidentConflictError,
  IncidentForbiddenError,
  IncidentNotFoundError,
  IncidentRuleError,
  IncidentValidationError,
} from './incident.errors.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: a hospital in Yuzhong district, Chongqing (500103), on 22 Nov 2026, Beijing time.
// ---------------------------------------------------------------------------------------------

const CASE = '500103-20261122-0007';
const HOSPITAL = 'hospital-cq-1';
const REGION = '500103';
const ref = { caseNumber: CASE, hospitalId: HOSPITAL, regionCode: REGION };

/** An instant on the day, given as Beijing wall-clock time 'HH:MM'. */
const t = (hhmm: string): Date => new Date(`2026-11-22T${hhmm}:00+08:00`);
const s = (hhmm: string): string => t(hhmm).toISOString();

const dispatcher: Actor = { userId: 'u-110', organisationId: 'police-cq-command', role: 'police_dispatcher' };
const security: Actor = { userId: 'u-sec', organisationId: HOSPITAL, role: 'hospital_security' };
const officer: Actor = { userId: 'u-officer', organisationId: 'police-station-1', role: 'police_officer' };
const countyHc: Actor = { userId: 'u-county', organisationId: 'hc-500103', role: 'health_commission' };
const cityHc: Actor = { userId: 'u-city', organisationId: 'hc-500100', role: 'health_commission' };
const provinceHc: Actor = { userId: 'u-prov', organisationId: 'hc-500000', role: 'health_commission' };
const nationalHc: Actor = { userId: 'u-nhc', organisationId: 'hc-national', role: 'health_commission' };
const zongzhi: Actor = { userId: 'u-zz', organisationId: 'pl-500103', role: 'political_legal' };

const given = deciderSpec(incidentDecider);

const counts = (deaths = 0, seriousInjuries = 0, minorInjuries = 0) => ({ deaths, seriousInjuries, minorInjuries });
const minor: IncidentClassification = {
  categories: ['threat_intimidation_insult'],
  casualties: { staff: counts(), patients: counts() },
  massIncident: false,
  weaponsInvolved: false,
};
const serious: IncidentClassification = {
  categories: ['assault_on_staff', 'carrying_weapons'],
  casualties: { staff: counts(0, 1, 0), patients: counts() },
  massIncident: false,
  weaponsInvolved: true,
};

// Events as they are stored (instants as ISO strings).
const reported = (overrides: { classification?: IncidentClassification; hasPoliceOffice?: boolean } = {}): IncidentEvent => {
  const classification = overrides.classification ?? minor;
  return {
    type: 'IncidentReported',
    data: {
      ...ref,
      channel: 'call_110',
      intake: {
        channel: 'call_110',
        callReceivedAt: s('10:01'),
        caller: { name: null, phone: '13800000000' },
        description: 'A relative is shouting at a nurse',
      },
      occurredAt: s('10:00'),
      reportedAt: s('10:02'),
      reportedByOrganisationId: dispatcher.organisationId,
      hasPoliceOffice: overrides.hasPoliceOffice ?? false,
      classification,
      major: isMajor(classification),
    },
  };
};
const alarmReported: IncidentEvent = {
  type: 'IncidentReported',
  data: {
    ...ref,
    channel: 'one_key_alarm',
    intake: { channel: 'one_key_alarm', location: 'Emergency department, triage desk', deviceId: 'ED-3' },
    occurredAt: s('10:00'),
    reportedAt: s('10:00'),
    reportedByOrganisationId: HOSPITAL,
    hasPoliceOffice: true,
    classification: UNCLASSIFIED,
    major: false,
  },
};
const clockStarted = (
  clock: 'police_arrival' | 'immediate_local_report' | 'national_report',
  rule: string,
  startedAt: string,
  trigger: 'reported_major' | 'reclassified_major' | 'police_dispatched',
  generation = 1,
): IncidentEvent => ({
  type: 'IncidentClockStarted',
  data: {
    ...ref,
    deadlineId: `${CASE}:${clock}:${generation}`,
    clock,
    rule,
    startedAt,
    responsibleOrganisationId: clock === 'police_arrival' ? officer.organisationId : HOSPITAL,
    trigger,
  },
});
const reportClocksStarted = (trigger: 'reported_major' | 'reclassified_major', generation = 1): IncidentEvent[] => [
  clockStarted('immediate_local_report', 'immediate-local-report', s('10:00'), trigger, generation),
  clockStarted('national_report', 'national-hc-report', s('10:00'), trigger, generation),
];
const majorReported: IncidentEvent[] = [reported({ classification: serious }), ...reportClocksStarted('reported_major')];

const dispatched: IncidentEvent = {
  type: 'PoliceDispatched',
  data: { ...ref, dispatchedAt: s('10:03'), unitOrganisationId: officer.organisationId },
};
const arrivalClock = clockStarted('police_arrival', 'police-arrival', s('10:03'), 'police_dispatched');
const arrived: IncidentEvent = { type: 'PoliceArrived', data: { ...ref, arrivedAt: s('10:09'), dispatchedAt: s('10:03') } };
const arrivalClockStopped: IncidentEvent = {
  type: 'IncidentClockStopped',
  data: { ...ref, deadlineId: `${CASE}:police_arrival:1`, clock: 'police_arrival', completedAt: s('10:09') },
};
const stopped: IncidentEvent = { type: 'DisturbanceStopped', data: { ...ref, stoppedAt: s('10:12') } };
const cleared: IncidentEvent = { type: 'SceneCleared', data: { ...ref, clearedAt: s('10:40') } };
const closed = (outcome: 'resolved_on_scene' | 'handed_to_police_case' = 'resolved_on_scene', major = false): IncidentEvent => ({
  type: 'IncidentClosed',
  data: { ...ref, outcome, closedAt: s('11:00'), note: null, major },
});

const submitted = (chain: 'health' | 'police' | 'political_legal', at: string, major = false): IncidentEvent => ({
  type: 'EscalationSubmitted',
  data: {
    ...ref,
    chain,
    level: chain === 'health' ? 'county' : chain === 'police' ? 'bureau' : 'local',
    submittedAt: at,
    submittedByOrganisationId: chain === 'police' ? officer.organisationId : HOSPITAL,
    major,
  },
});
const acknowledged = (
  chain: 'health' | 'police' | 'political_legal',
  level: string,
  by: Actor,
  at: string,
  major = false,
): IncidentEvent => ({
  type: 'EscalationAcknowledged',
  data: { ...ref, chain, level: level as never, acknowledgedAt: at, organisationId: by.organisationId, major },
});
const forwarded = (
  chain: 'health' | 'police',
  fromLevel: string,
  toLevel: string,
  by: Actor,
  at: string,
  major = false,
): IncidentEvent => ({
  type: 'EscalationForwarded',
  data: {
    ...ref,
    chain,
    fromLevel: fromLevel as never,
    toLevel: toLevel as never,
    forwardedAt: at,
    organisationId: by.organisationId,
    major,
  },
});

// Commands.
const report110 = (overrides: Partial<Extract<IncidentCommand, { type: 'ReportIncident' }>['data']> = {}): IncidentCommand => ({
  type: 'ReportIncident',
  data: {
    caseNumber: CASE,
    hospital: { hospitalId: HOSPITAL, regionCode: REGION, hasPoliceOffice: false },
    occurredAt: t('10:00'),
    intake: {
      channel: 'call_110',
      callReceivedAt: t('10:01'),
      caller: { phone: '13800000000' },
      description: 'A relative is shouting at a nurse',
    },
    classification: { categories: ['threat_intimidation_insult'] },
    ...overrides,
  },
  metadata: { actor: dispatcher, now: t('10:02') },
});
const reclassify = (classification: IncidentClassification, at = '12:00', reason?: string): IncidentCommand => ({
  type: 'ReclassifyIncident',
  data: { classification, reason },
  metadata: { actor: officer, now: t(at) },
});
const dispatch = (dispatchedAt = '10:03', at = '10:04'): IncidentCommand => ({
  type: 'DispatchPolice',
  data: { dispatchedAt: t(dispatchedAt), unitOrganisationId: officer.organisationId },
  metadata: { actor: dispatcher, now: t(at) },
});
const arrive = (arrivedAt = '10:09'): IncidentCommand => ({
  type: 'RecordPoliceArrival',
  data: { arrivedAt: t(arrivedAt) },
  metadata: { actor: officer, now: t('10:10') },
});
const stopDisturbance = (stoppedAt = '10:12'): IncidentCommand => ({
  type: 'RecordDisturbanceStopped',
  data: { stoppedAt: t(stoppedAt) },
  metadata: { actor: officer, now: t('10:15') },
});
const clearScene = (clearedAt = '10:40'): IncidentCommand => ({
  type: 'RecordSceneCleared',
  data: { clearedAt: t(clearedAt) },
  metadata: { actor: officer, now: t('10:41') },
});
const submit = (chain: 'health' | 'police' | 'political_legal', at = '10:30', actor: Actor = security): IncidentCommand => ({
  type: 'SubmitEscalation',
  data: { chain },
  metadata: { actor, now: t(at) },
});
const acknowledge = (chain: 'health' | 'police' | 'political_legal', level: string, actor: Actor, at: string): IncidentCommand => ({
  type: 'AcknowledgeEscalation',
  data: { chain, level: level as never },
  metadata: { actor, now: t(at) },
});
const forward = (chain: 'health' | 'police', fromLevel: string, actor: Actor, at: string): IncidentCommand => ({
  type: 'ForwardEscalation',
  data: { chain, fromLevel: fromLevel as never },
  metadata: { actor, now: t(at) },
});
const close = (outcome: string, at = '11:00', note?: string): IncidentCommand => ({
  type: 'CloseIncident',
  data: { outcome: outcome as never, note },
  metadata: { actor: officer, now: t(at) },
});
const reopen = (reason: string): IncidentCommand => ({
  type: 'ReopenIncident',
  data: { reason },
  metadata: { actor: officer, now: t('13:00') },
});

// ---------------------------------------------------------------------------------------------

describe('incident decider', () => {
  describe('ReportIncident', () => {
    it('a 110 call logged by a dispatcher', () => {
      given([]).when(report110()).then([reported()]);
    });

    it("a hospital's report carrying parties, behaviour and injuries [S3 二(二)]", () => {
      given([])
        .when({
          type: 'ReportIncident',
          data: {
            caseNumber: CASE,
            hospital: { hospitalId: HOSPITAL, regionCode: REGION, hasPoliceOffice: true },
            occurredAt: t('10:00'),
            intake: {
              channel: 'hospital_report',
              location: ' Ward 5 ',
              partiesCount: 3,
              behaviour: ' Blocking the doctor’s office ',
              anyoneInjured: false,
            },
            classification: { categories: ['unlawful_restraint'] },
          },
          metadata: { actor: security, now: t('10:05') },
        })
        .then([
          {
            type: 'IncidentReported',
            data: {
              ...ref,
              channel: 'hospital_report',
              intake: {
                channel: 'hospital_report',
                location: 'Ward 5',
                partiesCount: 3,
                behaviour: 'Blocking the doctor’s office',
                anyoneInjured: false,
                description: null,
              },
              occurredAt: s('10:00'),
              reportedAt: s('10:05'),
              reportedByOrganisationId: HOSPITAL,
              hasPoliceOffice: true,
              classification: { ...minor, categories: ['unlawful_restraint'] },
              major: false,
            },
          },
        ]);
    });

    it('rejects a hospital report missing parties, behaviour and injury, naming each field', () => {
      const command: IncidentCommand = {
        type: 'ReportIncident',
        data: {
          caseNumber: CASE,
          hospital: { hospitalId: HOSPITAL, regionCode: REGION, hasPoliceOffice: true },
          occurredAt: t('10:00'),
          intake: { channel: 'hospital_report', behaviour: '  ' },
        },
        metadata: { actor: security, now: t('10:05') },
      };
      given([]).when(command).thenThrows(IncidentValidationError, { code: 'INCIDENT.REPORT_INCOMPLETE', status: 422 });
      expect(() => incidentDecider.decide(command, incidentDecider.initialState())).toThrow(
        expect.objectContaining({
          errors: [
            expect.objectContaining({ field: 'intake.partiesCount' }),
            expect.objectContaining({ field: 'intake.behaviour' }),
            expect.objectContaining({ field: 'intake.anyoneInjured' }),
          ],
        }),
      );
    });

    it('rejects a hospital report filed in the name of another organisation', () => {
      given([])
        .when({
          type: 'ReportIncident',
          data: {
            caseNumber: CASE,
            hospital: { hospitalId: HOSPITAL, regionCode: REGION, hasPoliceOffice: true },
            occurredAt: t('10:00'),
            intake: { channel: 'hospital_report', partiesCount: 1, behaviour: 'Insults', anyoneInjured: false },
          },
          metadata: { actor: dispatcher, now: t('10:05') },
        })
        .thenThrows(IncidentForbiddenError, { code: 'INCIDENT.NOT_THE_HOSPITAL', status: 403 });
    });

    it('a one-key alarm: hospital, location and time only, unclassified', () => {
      given([])
        .when({
          type: 'ReportIncident',
          data: {
            caseNumber: CASE,
            hospital: { hospitalId: HOSPITAL, regionCode: REGION, hasPoliceOffice: true },
            occurredAt: t('10:00'),
            intake: { channel: 'one_key_alarm', location: 'Emergency department, triage desk', deviceId: 'ED-3' },
          },
          metadata: { actor: security, now: t('10:00') },
        })
        .then([alarmReported]);
    });

    it('rejects a one-key alarm without a location', () => {
      given([])
        .when(report110({ intake: { channel: 'one_key_alarm', location: '' }, classification: undefined }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.REPORT_INCOMPLETE' });
    });

    it('a patrol finding', () => {
      given([])
        .when({
          type: 'ReportIncident',
          data: {
            caseNumber: CASE,
            hospital: { hospitalId: HOSPITAL, regionCode: REGION, hasPoliceOffice: false },
            occurredAt: t('09:50'),
            intake: { channel: 'patrol', description: 'Wreaths laid at the main entrance' },
            classification: { categories: ['funeral_rite_disturbance'] },
          },
          metadata: { actor: officer, now: t('10:00') },
        })
        .then([
          {
            type: 'IncidentReported',
            data: {
              ...ref,
              channel: 'patrol',
              intake: { channel: 'patrol', location: null, description: 'Wreaths laid at the main entrance' },
              occurredAt: s('09:50'),
              reportedAt: s('10:00'),
              reportedByOrganisationId: officer.organisationId,
              hasPoliceOffice: false,
              classification: { ...minor, categories: ['funeral_rite_disturbance'] },
              major: false,
            },
          },
        ]);
    });

    it('rejects a 110 call or patrol finding without a description', () => {
      given([])
        .when(report110({ intake: { channel: 'call_110', callReceivedAt: t('10:01'), description: ' ' } }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.REPORT_INCOMPLETE' });
      given([])
        .when(report110({ intake: { channel: 'patrol', description: '' } }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.REPORT_INCOMPLETE' });
    });

    it('a major incident starts the immediate-local and 12-hour clocks from when it occurred [S3 五(二)]', () => {
      given([])
        .when(report110({ classification: serious }))
        .then(majorReported);
    });

    it('more than one category, in canonical order, without duplicates', () => {
      given([])
        .when(
          report110({
            classification: {
              categories: ['carrying_weapons', 'assault_on_staff', 'carrying_weapons'],
              casualties: { staff: { seriousInjuries: 1 } },
              weaponsInvolved: true,
            },
          }),
        )
        .then(majorReported);
    });

    it('rejects a second report on the same case number', () => {
      given([reported()]).when(report110()).thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_REPORTED', status: 409 });
    });

    it('rejects a malformed case number', () => {
      given([])
        .when(report110({ caseNumber: '500103-2026-7' }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_CASE_NUMBER' });
    });

    it("rejects a case number from another region than the hospital's", () => {
      given([])
        .when(report110({ caseNumber: '500101-20261122-0007' }))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.CASE_NUMBER_REGION_MISMATCH' });
    });

    it('rejects an incident that occurred in the future, or after the call', () => {
      given([])
        .when(report110({ occurredAt: t('10:30') }))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_IN_FUTURE' });
      given([])
        .when(report110({ occurredAt: t('10:01'), intake: { channel: 'call_110', callReceivedAt: t('10:00'), description: 'x' } }))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_OUT_OF_ORDER' });
    });

    it('rejects an invalid classification', () => {
      given([])
        .when(report110({ classification: { categories: [] } }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_CLASSIFICATION' });
      given([])
        .when(report110({ classification: { categories: ['arson' as never] } }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_CLASSIFICATION' });
      given([])
        .when(report110({ classification: { categories: ['other'], casualties: { patients: { minorInjuries: -1 } } } }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_CLASSIFICATION' });
    });

    it('rejects an unknown channel', () => {
      given([])
        .when(report110({ intake: { channel: 'email' } as never }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });
  });

  describe('CompleteAlarmDetails', () => {
    const details = (data: Record<string, unknown>): IncidentCommand => ({
      type: 'CompleteAlarmDetails',
      data,
      metadata: { actor: security, now: t('10:20') },
    });

    it("fills in a one-key alarm's particulars later", () => {
      given([alarmReported])
        .when(details({ partiesCount: 2, behaviour: 'Threatening a doctor with a knife', anyoneInjured: false, description: 'Bed 12' }))
        .then([
          {
            type: 'AlarmDetailsCompleted',
            data: {
              ...ref,
              particulars: { partiesCount: 2, behaviour: 'Threatening a doctor with a knife', anyoneInjured: false, description: 'Bed 12' },
              completedAt: s('10:20'),
            },
          },
        ]);
    });

    it('rejects incomplete particulars', () => {
      given([alarmReported])
        .when(details({ behaviour: 'Threats' }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.REPORT_INCOMPLETE' });
    });

    it('rejects details for an incident that is not an alarm', () => {
      given([reported()])
        .when(details({ partiesCount: 1, behaviour: 'x', anyoneInjured: false }))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.NOT_AN_ALARM' });
    });

    it('rejects filling them in twice', () => {
      given([
        alarmReported,
        {
          type: 'AlarmDetailsCompleted',
          data: {
            ...ref,
            particulars: { partiesCount: 1, behaviour: 'x', anyoneInjured: false, description: null },
            completedAt: s('10:10'),
          },
        },
      ])
        .when(details({ partiesCount: 1, behaviour: 'y', anyoneInjured: false }))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ALARM_DETAILS_ALREADY_COMPLETED' });
    });

    it('rejects amending a closed alarm without reopening it', () => {
      given([alarmReported, closed()])
        .when(details({ partiesCount: 1, behaviour: 'x', anyoneInjured: false }))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_CLOSED' });
    });
  });

  describe('ReclassifyIncident', () => {
    const more: IncidentClassification = { ...minor, categories: ['threat_intimidation_insult', 'crowd_disturbance'] };

    it('keeps the classification before and after (who: the event actor)', () => {
      given([reported()])
        .when(reclassify(more, '12:00', 'More relatives joined'))
        .then([
          {
            type: 'IncidentReclassified',
            data: {
              ...ref,
              before: minor,
              after: more,
              majorBefore: false,
              majorAfter: false,
              reason: 'More relatives joined',
              reclassifiedAt: s('12:00'),
            },
          },
        ]);
    });

    it('the same classification again changes nothing', () => {
      given([reported()]).when(reclassify(minor)).thenNothingHappens();
    });

    it('reclassified to major: the report clocks start then, from when it occurred (possibly overdue)', () => {
      given([reported()])
        .when(reclassify(serious, '23:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: serious, majorBefore: false, majorAfter: true, reason: null, reclassifiedAt: s('23:00') },
          },
          ...reportClocksStarted('reclassified_major'),
        ]);
    });

    it('a mass incident is major too', () => {
      const mass: IncidentClassification = { ...minor, categories: ['crowd_disturbance'], massIncident: true };
      given([reported()])
        .when(reclassify(mass))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: mass, majorBefore: false, majorAfter: true, reason: null, reclassifiedAt: s('12:00') },
          },
          ...reportClocksStarted('reclassified_major'),
        ]);
    });

    it('reclassified to major after the reports were already acknowledged: the clocks start and stop at once', () => {
      given([
        reported(),
        submitted('health', s('10:30')),
        acknowledged('health', 'county', countyHc, s('10:40')),
        submitted('political_legal', s('10:30')),
        acknowledged('political_legal', 'local', zongzhi, s('10:50')),
      ])
        .when(reclassify(serious, '12:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: serious, majorBefore: false, majorAfter: true, reason: null, reclassifiedAt: s('12:00') },
          },
          ...reportClocksStarted('reclassified_major'),
          {
            type: 'IncidentClockStopped',
            data: { ...ref, deadlineId: `${CASE}:immediate_local_report:1`, clock: 'immediate_local_report', completedAt: s('10:50') },
          },
        ]);
    });

    it('no longer major: the running report clocks are cancelled with a reason', () => {
      given(majorReported)
        .when(reclassify(minor, '11:00', 'The injury was minor after all'))
        .then([
          {
            type: 'IncidentReclassified',
            data: {
              ...ref,
              before: serious,
              after: minor,
              majorBefore: true,
              majorAfter: false,
              reason: 'The injury was minor after all',
              reclassifiedAt: s('11:00'),
            },
          },
          {
            type: 'IncidentClockCancelled',
            data: {
              ...ref,
              deadlineId: `${CASE}:immediate_local_report:1`,
              clock: 'immediate_local_report',
              cancelledAt: s('11:00'),
              reason: 'no_longer_major',
            },
          },
          {
            type: 'IncidentClockCancelled',
            data: {
              ...ref,
              deadlineId: `${CASE}:national_report:1`,
              clock: 'national_report',
              cancelledAt: s('11:00'),
              reason: 'no_longer_major',
            },
          },
        ]);
    });

    it('a clock already stopped is not cancelled', () => {
      given([
        ...majorReported,
        submitted('health', s('10:30'), true),
        acknowledged('health', 'county', countyHc, s('10:40'), true),
        submitted('political_legal', s('10:30'), true),
        acknowledged('political_legal', 'local', zongzhi, s('10:50'), true),
        {
          type: 'IncidentClockStopped',
          data: { ...ref, deadlineId: `${CASE}:immediate_local_report:1`, clock: 'immediate_local_report', completedAt: s('10:50') },
        },
      ])
        .when(reclassify(minor, '11:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: serious, after: minor, majorBefore: true, majorAfter: false, reason: null, reclassifiedAt: s('11:00') },
          },
          {
            type: 'IncidentClockCancelled',
            data: {
              ...ref,
              deadlineId: `${CASE}:national_report:1`,
              clock: 'national_report',
              cancelledAt: s('11:00'),
              reason: 'no_longer_major',
            },
          },
        ]);
    });

    it('major again: new clocks with new deadline ids', () => {
      given([
        ...majorReported,
        {
          type: 'IncidentReclassified',
          data: { ...ref, before: serious, after: minor, majorBefore: true, majorAfter: false, reason: null, reclassifiedAt: s('11:00') },
        },
        {
          type: 'IncidentClockCancelled',
          data: {
            ...ref,
            deadlineId: `${CASE}:immediate_local_report:1`,
            clock: 'immediate_local_report',
            cancelledAt: s('11:00'),
            reason: 'no_longer_major',
          },
        },
        {
          type: 'IncidentClockCancelled',
          data: {
            ...ref,
            deadlineId: `${CASE}:national_report:1`,
            clock: 'national_report',
            cancelledAt: s('11:00'),
            reason: 'no_longer_major',
          },
        },
      ])
        .when(reclassify(serious, '12:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: serious, majorBefore: false, majorAfter: true, reason: null, reclassifiedAt: s('12:00') },
          },
          ...reportClocksStarted('reclassified_major', 2),
        ]);
    });

    it('major to major (a death added) leaves the clocks alone', () => {
      const worse: IncidentClassification = { ...serious, casualties: { staff: counts(1, 1, 0), patients: counts() } };
      given(majorReported)
        .when(reclassify(worse))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: serious, after: worse, majorBefore: true, majorAfter: true, reason: null, reclassifiedAt: s('12:00') },
          },
        ]);
    });

    it('rejects amending a closed incident without reopening it', () => {
      given([reported(), closed()])
        .when(reclassify(more))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_CLOSED', status: 409 });
    });

    it('after reopening, the amendment is accepted', () => {
      given([
        reported(),
        closed(),
        {
          type: 'IncidentReopened',
          data: { ...ref, reason: 'New video evidence', previousOutcome: 'resolved_on_scene', reopenedAt: s('11:30') },
        },
      ])
        .when(reclassify(more))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: more, majorBefore: false, majorAfter: false, reason: null, reclassifiedAt: s('12:00') },
          },
        ]);
    });

    it('rejects an invalid classification', () => {
      given([reported()])
        .when(reclassify({ ...minor, categories: [] }))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_CLASSIFICATION' });
    });
  });

  describe('police response', () => {
    it('dispatch starts the 8-minute arrival clock where the hospital has no police office [S1 三(一)]', () => {
      given([reported()]).when(dispatch()).then([dispatched, arrivalClock]);
    });

    it('dispatch starts the 3-minute clock where it has one', () => {
      given([reported({ hasPoliceOffice: true })])
        .when(dispatch())
        .then([dispatched, clockStarted('police_arrival', 'police-arrival-with-office', s('10:03'), 'police_dispatched')]);
    });

    it("a region's own limits override the default (longest matching region prefix)", () => {
      const regional = deciderSpec(
        createIncidentDecider({
          policeArrivalOverrides: [
            {
              regionPrefix: '50',
              withPoliceOffice: { unit: 'minutes', amount: 3 },
              withoutPoliceOffice: { unit: 'minutes', amount: 8 },
              source: 'Chongqing',
            },
            {
              regionPrefix: '5001',
              withPoliceOffice: { unit: 'minutes', amount: 2 },
              withoutPoliceOffice: { unit: 'minutes', amount: 6 },
              source: 'city',
            },
          ],
        }),
      );
      regional([reported()])
        .when(dispatch())
        .then([dispatched, clockStarted('police_arrival', 'police-arrival@5001', s('10:03'), 'police_dispatched')]);
    });

    it('rejects a second dispatch', () => {
      given([reported(), dispatched, arrivalClock])
        .when(dispatch())
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.POLICE_STEP_ALREADY_RECORDED' });
    });

    it('rejects a dispatch before the incident, in the future, or without a unit', () => {
      given([reported()]).when(dispatch('09:59')).thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_OUT_OF_ORDER' });
      given([reported()]).when(dispatch('10:05', '10:04')).thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_IN_FUTURE' });
      given([reported()])
        .when({
          type: 'DispatchPolice',
          data: { dispatchedAt: t('10:03'), unitOrganisationId: '' },
          metadata: { actor: dispatcher, now: t('10:04') },
        })
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
      given([reported()])
        .when({
          type: 'DispatchPolice',
          data: { dispatchedAt: new Date('nonsense'), unitOrganisationId: 'x' },
          metadata: { actor: dispatcher, now: t('10:04') },
        })
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });

    it('arrival stops the arrival clock at the arrival time', () => {
      given([reported(), dispatched, arrivalClock]).when(arrive()).then([arrived, arrivalClockStopped]);
    });

    it('rejects an arrival before any dispatch', () => {
      given([reported()]).when(arrive()).thenThrows(IncidentRuleError, { code: 'INCIDENT.POLICE_NOT_DISPATCHED' });
    });

    it('rejects an arrival time before the dispatch time', () => {
      given([reported(), dispatched, arrivalClock])
        .when(arrive('10:02'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_OUT_OF_ORDER' });
    });

    it('rejects a second arrival', () => {
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped])
        .when(arrive())
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.POLICE_STEP_ALREADY_RECORDED' });
    });

    it('disturbance stopped (违法行为已制止), possibly before the police came', () => {
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped]).when(stopDisturbance()).then([stopped]);
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped])
        .when(stopDisturbance('10:05'))
        .then([{ type: 'DisturbanceStopped', data: { ...ref, stoppedAt: s('10:05') } }]);
    });

    it('rejects recording the disturbance stopped before the police arrived, or twice', () => {
      given([reported(), dispatched, arrivalClock])
        .when(stopDisturbance())
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.POLICE_NOT_ARRIVED' });
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped, stopped])
        .when(stopDisturbance())
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.POLICE_STEP_ALREADY_RECORDED' });
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped])
        .when(stopDisturbance('09:00'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_OUT_OF_ORDER' });
    });

    it('scene cleared', () => {
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped, stopped]).when(clearScene()).then([cleared]);
    });

    it('rejects clearing the scene before the disturbance was stopped, twice, or before it was stopped in time', () => {
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped])
        .when(clearScene())
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.DISTURBANCE_NOT_STOPPED' });
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped, stopped, cleared])
        .when(clearScene())
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.POLICE_STEP_ALREADY_RECORDED' });
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped, stopped])
        .when(clearScene('10:11'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.TIME_OUT_OF_ORDER' });
    });

    it('rejects police steps on a closed incident', () => {
      given([reported(), closed()]).when(dispatch('10:03', '11:30')).thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_CLOSED' });
    });
  });

  describe('escalation (信息报送)', () => {
    it('the hospital reports to its county health commission', () => {
      given([reported()])
        .when(submit('health'))
        .then([submitted('health', s('10:30'))]);
    });

    it('the police station reports to its bureau; the hospital to the local 综治', () => {
      given([reported()])
        .when(submit('police', '10:30', officer))
        .then([submitted('police', s('10:30'))]);
      given([reported()])
        .when(submit('political_legal'))
        .then([submitted('political_legal', s('10:30'))]);
    });

    it('rejects submitting twice, or on an unknown chain', () => {
      given([reported(), submitted('health', s('10:30'))])
        .when(submit('health'))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ESCALATION_ALREADY_SUBMITTED' });
      given([reported()])
        .when(submit('army' as never))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });

    it('a level acknowledges', () => {
      given([reported(), submitted('health', s('10:30'))])
        .when(acknowledge('health', 'county', countyHc, '10:40'))
        .then([acknowledged('health', 'county', countyHc, s('10:40'))]);
    });

    it('rejects acknowledging twice', () => {
      given([reported(), submitted('health', s('10:30')), acknowledged('health', 'county', countyHc, s('10:40'))])
        .when(acknowledge('health', 'county', countyHc, '10:45'))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ESCALATION_ALREADY_ACKNOWLEDGED', status: 409 });
    });

    it('rejects acknowledging at a level the report has not reached, or one not on the chain', () => {
      given([reported(), submitted('health', s('10:30'))])
        .when(acknowledge('health', 'city', cityHc, '10:45'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.ESCALATION_NOT_RECEIVED' });
      given([reported(), submitted('police', s('10:30'))])
        .when(acknowledge('police', 'national', nationalHc, '10:45'))
        .thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });

    it('a level forwards to the next once it has acknowledged', () => {
      given([reported(), submitted('health', s('10:30')), acknowledged('health', 'county', countyHc, s('10:40'))])
        .when(forward('health', 'county', countyHc, '10:50'))
        .then([forwarded('health', 'county', 'city', countyHc, s('10:50'))]);
    });

    it('rejects forwarding before acknowledging, twice, or from a level not reached', () => {
      given([reported(), submitted('health', s('10:30'))])
        .when(forward('health', 'county', countyHc, '10:50'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.ESCALATION_NOT_ACKNOWLEDGED' });
      given([
        reported(),
        submitted('health', s('10:30')),
        acknowledged('health', 'county', countyHc, s('10:40')),
        forwarded('health', 'county', 'city', countyHc, s('10:50')),
      ])
        .when(forward('health', 'county', countyHc, '10:55'))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ESCALATION_ALREADY_FORWARDED' });
      given([reported(), submitted('health', s('10:30'))])
        .when(forward('health', 'province', provinceHc, '10:50'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.ESCALATION_NOT_RECEIVED' });
    });

    it('rejects forwarding past the national level, and past the city bureau', () => {
      given([
        reported(),
        submitted('health', s('10:30')),
        acknowledged('health', 'county', countyHc, s('10:40')),
        forwarded('health', 'county', 'city', countyHc, s('10:50')),
        acknowledged('health', 'city', cityHc, s('11:00')),
        forwarded('health', 'city', 'province', cityHc, s('11:10')),
        acknowledged('health', 'province', provinceHc, s('11:20')),
        forwarded('health', 'province', 'national', provinceHc, s('11:30')),
        acknowledged('health', 'national', nationalHc, s('11:40')),
      ])
        .when(forward('health', 'national', nationalHc, '11:50'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.ESCALATION_AT_TOP_LEVEL' });
      given([
        reported(),
        submitted('police', s('10:30')),
        acknowledged('police', 'bureau', officer, s('10:40')),
        forwarded('police', 'bureau', 'city_bureau', officer, s('10:50')),
        acknowledged('police', 'city_bureau', officer, s('11:00')),
      ])
        .when(forward('police', 'city_bureau', officer, '11:10'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.ESCALATION_AT_TOP_LEVEL' });
    });

    it('major: the immediate-local clock stops only when the county HC AND the local 综治 have acknowledged (at the later)', () => {
      const afterCounty = [...majorReported, submitted('health', s('10:30'), true), submitted('political_legal', s('10:30'), true)];
      given(afterCounty)
        .when(acknowledge('health', 'county', countyHc, '10:40'))
        .then([acknowledged('health', 'county', countyHc, s('10:40'), true)]);
      given([...afterCounty, acknowledged('health', 'county', countyHc, s('10:40'), true)])
        .when(acknowledge('political_legal', 'local', zongzhi, '10:50'))
        .then([
          acknowledged('political_legal', 'local', zongzhi, s('10:50'), true),
          {
            type: 'IncidentClockStopped',
            data: { ...ref, deadlineId: `${CASE}:immediate_local_report:1`, clock: 'immediate_local_report', completedAt: s('10:50') },
          },
        ]);
    });

    it("major: the national commission's acknowledgement stops the 12-hour clock", () => {
      given([
        ...majorReported,
        submitted('health', s('10:30'), true),
        acknowledged('health', 'county', countyHc, s('10:40'), true),
        forwarded('health', 'county', 'city', countyHc, s('10:50'), true),
        acknowledged('health', 'city', cityHc, s('11:00'), true),
        forwarded('health', 'city', 'province', cityHc, s('11:10'), true),
        acknowledged('health', 'province', provinceHc, s('11:20'), true),
        forwarded('health', 'province', 'national', provinceHc, s('11:30'), true),
      ])
        .when(acknowledge('health', 'national', nationalHc, '16:00'))
        .then([
          acknowledged('health', 'national', nationalHc, s('16:00'), true),
          {
            type: 'IncidentClockStopped',
            data: { ...ref, deadlineId: `${CASE}:national_report:1`, clock: 'national_report', completedAt: s('16:00') },
          },
        ]);
    });

    it('not major: the ordinary chain, no clocks', () => {
      given([
        reported(),
        submitted('health', s('10:30')),
        acknowledged('health', 'county', countyHc, s('10:40')),
        forwarded('health', 'county', 'city', countyHc, s('10:50')),
        acknowledged('health', 'city', cityHc, s('11:00')),
        forwarded('health', 'city', 'province', cityHc, s('11:10')),
        acknowledged('health', 'province', provinceHc, s('11:20')),
        forwarded('health', 'province', 'national', provinceHc, s('11:30')),
      ])
        .when(acknowledge('health', 'national', nationalHc, '16:00'))
        .then([acknowledged('health', 'national', nationalHc, s('16:00'))]);
    });

    it('reporting goes on after the incident is closed', () => {
      given([reported(), closed()])
        .when(submit('health', '11:30'))
        .then([submitted('health', s('11:30'))]);
    });
  });

  describe('outcomes', () => {
    it('closes with an outcome', () => {
      given([reported()])
        .when(close('handed_to_police_case', '11:00', ' Suspect taken in '))
        .then([
          {
            type: 'IncidentClosed',
            data: { ...ref, outcome: 'handed_to_police_case', closedAt: s('11:00'), note: 'Suspect taken in', major: false },
          },
        ]);
    });

    it('closing before the police arrived cancels the arrival clock; report clocks keep running', () => {
      given([...majorReported, dispatched, arrivalClock])
        .when(close('handed_to_police_case', '10:05'))
        .then([
          { type: 'IncidentClosed', data: { ...ref, outcome: 'handed_to_police_case', closedAt: s('10:05'), note: null, major: true } },
          {
            type: 'IncidentClockCancelled',
            data: {
              ...ref,
              deadlineId: `${CASE}:police_arrival:1`,
              clock: 'police_arrival',
              cancelledAt: s('10:05'),
              reason: 'incident_closed',
            },
          },
        ]);
    });

    it('rejects closing twice', () => {
      given([reported(), closed()]).when(close('resolved_on_scene')).thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_CLOSED' });
    });

    it('rejects referral to dispute handling before the disturbance was stopped [S3 一(二)]', () => {
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped])
        .when(close('referred_to_dispute'))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.DISTURBANCE_NOT_STOPPED' });
    });

    it('refers to dispute handling once it was stopped, or when police never came', () => {
      given([reported(), dispatched, arrivalClock, arrived, arrivalClockStopped, stopped])
        .when(close('referred_to_dispute'))
        .then([
          { type: 'IncidentClosed', data: { ...ref, outcome: 'referred_to_dispute', closedAt: s('11:00'), note: null, major: false } },
        ]);
      given([reported()])
        .when(close('referred_to_dispute'))
        .then([
          { type: 'IncidentClosed', data: { ...ref, outcome: 'referred_to_dispute', closedAt: s('11:00'), note: null, major: false } },
        ]);
    });

    it('rejects calling a major incident unfounded without reclassifying it', () => {
      given(majorReported).when(close('unfounded')).thenThrows(IncidentRuleError, { code: 'INCIDENT.UNFOUNDED_BUT_MAJOR' });
    });

    it('rejects an unknown outcome', () => {
      given([reported()]).when(close('forgotten')).thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });

    it('reopens with a reason', () => {
      given([reported(), closed()])
        .when(reopen(' New video evidence '))
        .then([
          {
            type: 'IncidentReopened',
            data: { ...ref, reason: 'New video evidence', previousOutcome: 'resolved_on_scene', reopenedAt: s('13:00') },
          },
        ]);
    });

    it('rejects reopening an open incident, or without a reason', () => {
      given([reported()]).when(reopen('x')).thenThrows(IncidentConflictError, { code: 'INCIDENT.NOT_CLOSED' });
      given([reported(), closed()]).when(reopen('  ')).thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });

    it('links a police case (also after closing); the same link again changes nothing; another is rejected', () => {
      const link = (policeCaseNumber: string): IncidentCommand => ({
        type: 'LinkPoliceCase',
        data: { policeCaseNumber },
        metadata: { actor: officer, now: t('14:00') },
      });
      const linked: IncidentEvent = {
        type: 'IncidentLinkedToPoliceCase',
        data: { ...ref, policeCaseNumber: 'A5001032026110001', linkedAt: s('14:00') },
      };
      given([reported(), closed('handed_to_police_case')])
        .when(link('A5001032026110001'))
        .then([linked]);
      given([reported(), linked]).when(link('A5001032026110001')).thenNothingHappens();
      given([reported(), linked]).when(link('A5001032026110002')).thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_LINKED' });
      given([reported()]).when(link(' ')).thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });

    it('links a dispute; the same link again changes nothing; another is rejected', () => {
      const link = (disputeCaseNumber: string): IncidentCommand => ({
        type: 'LinkDispute',
        data: { disputeCaseNumber },
        metadata: { actor: security, now: t('14:00') },
      });
      const linked: IncidentEvent = { type: 'IncidentLinkedToDispute', data: { ...ref, disputeCaseNumber: CASE, linkedAt: s('14:00') } };
      given([reported()]).when(link(CASE)).then([linked]);
      given([reported(), linked]).when(link(CASE)).thenNothingHappens();
      given([reported(), linked]).when(link('500103-20261120-0001')).thenThrows(IncidentConflictError, { code: 'INCIDENT.ALREADY_LINKED' });
      given([reported()]).when(link('')).thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });
  });

  describe('an incident that was never reported', () => {
    const commands: IncidentCommand[] = [
      {
        type: 'CompleteAlarmDetails',
        data: { partiesCount: 1, behaviour: 'x', anyoneInjured: false },
        metadata: { actor: security, now: t('10:10') },
      },
      reclassify(minor),
      dispatch(),
      arrive(),
      stopDisturbance(),
      clearScene(),
      submit('health'),
      acknowledge('health', 'county', countyHc, '10:40'),
      forward('health', 'county', countyHc, '10:50'),
      close('resolved_on_scene'),
      reopen('x'),
      { type: 'LinkPoliceCase', data: { policeCaseNumber: 'A1' }, metadata: { actor: officer, now: t('14:00') } },
      { type: 'LinkDispute', data: { disputeCaseNumber: 'D1' }, metadata: { actor: officer, now: t('14:00') } },
    ];
    it.each(commands.map((command) => [command.type, command] as const))('%s is rejected as not found', (_type, command) => {
      given([]).when(command).thenThrows(IncidentNotFoundError, { code: 'INCIDENT.NOT_FOUND', status: 404 });
    });
  });

  it('events survive the trip through JSON: folding stored events gives the same state', () => {
    const events = [
      ...majorReported,
      dispatched,
      arrivalClock,
      arrived,
      arrivalClockStopped,
      submitted('health', s('10:30'), true),
      acknowledged('health', 'county', countyHc, s('10:40'), true),
      closed('handed_to_police_case', true),
    ];
    expect(fold(incidentDecider, JSON.parse(JSON.stringify(events)) as IncidentEvent[])).toEqual(fold(incidentDecider, events));
  });

  it('a whole major incident, decided step by step', () => {
    const steps: IncidentCommand[] = [
      report110({ classification: serious }),
      dispatch(),
      arrive(),
      stopDisturbance(),
      clearScene(),
      submit('health', '10:30'),
      submit('political_legal', '10:30'),
      submit('police', '10:35', officer),
      acknowledge('health', 'county', countyHc, '10:40'),
      acknowledge('political_legal', 'local', zongzhi, '10:45'),
      forward('health', 'county', countyHc, '10:50'),
      acknowledge('health', 'city', cityHc, '11:00'),
      forward('health', 'city', cityHc, '11:10'),
      acknowledge('health', 'province', provinceHc, '11:20'),
      forward('health', 'province', provinceHc, '11:30'),
      acknowledge('health', 'national', nationalHc, '15:00'),
      close('handed_to_police_case', '15:10'),
    ];
    const history: IncidentEvent[] = [];
    for (const command of steps) {
      history.push(...incidentDecider.decide(command, fold(incidentDecider, history)));
    }
    const clockEvents = history
      .filter((event) => event.type.startsWith('IncidentClock'))
      .map((event) => [event.type, (event.data as { clock: string }).clock]);
    expect(clockEvents).toEqual([
      ['IncidentClockStarted', 'immediate_local_report'],
      ['IncidentClockStarted', 'national_report'],
      ['IncidentClockStarted', 'police_arrival'],
      ['IncidentClockStopped', 'police_arrival'],
      ['IncidentClockStopped', 'immediate_local_report'],
      ['IncidentClockStopped', 'national_report'],
    ]);
    expect(fold(incidentDecider, history)).toMatchObject({ status: 'closed', outcome: 'handed_to_police_case', major: true });
  });
});
