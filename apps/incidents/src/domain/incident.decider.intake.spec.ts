import type { IncidentClassification } from '@pingan/contracts';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';
import { IncidentConflictError, IncidentForbiddenError, IncidentRuleError, IncidentValidationError } from './incident.errors.js';
import {
  CASE,
  HOSPITAL,
  REGION,
  ref,
  t,
  s,
  dispatcher,
  security,
  officer,
  countyHc,
  given,
  counts,
  minor,
  serious,
  reported,
  alarmReported,
  reportClocksStarted,
  majorReported,
  wentUp,
  clockStarted,
  clockStopped,
  forwarded,
  closed,
  submitted,
  acknowledged,
  report110,
  reclassify,
  clockCancelled,
} from './incident.decider.fixtures.js';

describe('incident decider: intake and classification', () => {
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
        .when(report110({ classification: { categories: ['other'], casualties: { patients: { lightInjuries: -1 } } } }))
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
          // … and the report goes up by itself in the same command.
          ...wentUp(s('23:00')),
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
          ...wentUp(s('12:00')),
        ]);
    });

    it('reclassified to major after the reports were already made: the hospital’s clock starts and is met at once, when they reached both', () => {
      given([
        reported(),
        submitted('health', s('10:30')),
        acknowledged('health', 'county', countyHc, s('10:40')),
        submitted('political_legal', s('10:50')),
        forwarded('health', 'county', 'city', countyHc, s('11:00')),
      ])
        .when(reclassify(serious, '12:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: serious, majorBefore: false, majorAfter: true, reason: null, reclassifiedAt: s('12:00') },
          },
          ...reportClocksStarted('reclassified_major'),
          // The city holds the report now: its own clock runs from when it got it.
          clockStarted('city_forward', 'report-forwarding', s('11:00'), 'report_received'),
          clockStopped('immediate_local_report', s('10:50')),
        ]);
    });

    const cancelled = (clock: 'national_report' | 'county_forward' | 'city_forward', at: string, generation = 1) => ({
      type: 'IncidentClockCancelled' as const,
      data: { ...ref, deadlineId: `${CASE}:${clock}:${generation}`, clock, cancelledAt: s(at), reason: 'no_longer_major' as const },
    });

    it('no longer major: the running report clocks are cancelled with a reason (the hospital’s was already met)', () => {
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
          cancelled('national_report', '11:00'),
          cancelled('county_forward', '11:00'),
        ]);
    });

    it('a clock already stopped is not cancelled', () => {
      given([
        ...majorReported,
        acknowledged('health', 'county', countyHc, s('10:40'), true),
        forwarded('health', 'county', 'city', countyHc, s('10:50'), true),
        clockStopped('county_forward', s('10:50')),
        clockStarted('city_forward', 'report-forwarding', s('10:50'), 'report_received'),
      ])
        .when(reclassify(minor, '11:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: serious, after: minor, majorBefore: true, majorAfter: false, reason: null, reclassifiedAt: s('11:00') },
          },
          cancelled('national_report', '11:00'),
          cancelled('city_forward', '11:00'),
        ]);
    });

    it('major again: new clocks with new deadline ids; the report already made is not made twice', () => {
      given([
        ...majorReported,
        {
          type: 'IncidentReclassified',
          data: { ...ref, before: serious, after: minor, majorBefore: true, majorAfter: false, reason: null, reclassifiedAt: s('11:00') },
        },
        cancelled('national_report', '11:00'),
        cancelled('county_forward', '11:00'),
      ])
        .when(reclassify(serious, '12:00'))
        .then([
          {
            type: 'IncidentReclassified',
            data: { ...ref, before: minor, after: serious, majorBefore: false, majorAfter: true, reason: null, reclassifiedAt: s('12:00') },
          },
          ...reportClocksStarted('reclassified_major', 2),
          clockStarted('county_forward', 'report-forwarding', s('10:02'), 'report_received', 2),
          clockStopped('immediate_local_report', s('10:02'), 2),
        ]);
    });

    it('major to major (a death added) leaves the clocks alone', () => {
      const worse: IncidentClassification = { ...serious, casualties: { ...serious.casualties, staff: counts(1, 1, 0) } };
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
});
