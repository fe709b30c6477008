import type { IncidentEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';
import { IncidentConflictError, IncidentNotFoundError, IncidentRuleError, IncidentValidationError } from './incident.errors.js';
import {
  CASE,
  ref,
  t,
  s,
  security,
  officer,
  countyHc,
  cityHc,
  provinceHc,
  nationalHc,
  zongzhi,
  given,
  minor,
  serious,
  reported,
  majorReported,
  dispatched,
  arrivalClock,
  arrived,
  arrivalClockStopped,
  stopped,
  closed,
  submitted,
  acknowledged,
  report110,
  reclassify,
  dispatch,
  arrive,
  stopDisturbance,
  clearScene,
  submit,
  acknowledge,
  forward,
  close,
  reopen,
  clockCancelled,
} from './incident.decider.fixtures.js';

describe('incident decider: outcomes', () => {
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
          clockCancelled('police_arrival', s('10:05'), 'incident_closed'),
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
      // The health and 综治 reports went up by themselves when it was reported as major.
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
      ['IncidentClockStarted', 'county_forward'],
      ['IncidentClockStopped', 'immediate_local_report'],
      ['IncidentClockStarted', 'police_arrival'],
      ['IncidentClockStopped', 'police_arrival'],
      ['IncidentClockStarted', 'city_forward'],
      ['IncidentClockStopped', 'county_forward'],
      ['IncidentClockStarted', 'province_forward'],
      ['IncidentClockStopped', 'city_forward'],
      ['IncidentClockStopped', 'national_report'],
      ['IncidentClockStopped', 'province_forward'],
    ]);
    expect(fold(incidentDecider, history)).toMatchObject({ status: 'closed', outcome: 'handed_to_police_case', major: true });
  });
});
