import type { IncidentEvent, SealedField } from '@pingan/contracts';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';
import { IncidentConflictError, IncidentRuleError } from './incident.errors.js';
import { alarmReported, closed, given, ref, report110, reported, s, t } from './incident.decider.fixtures.js';

const SEALED: SealedField = { alg: 'A256GCM', keyId: 'pingan:incidents:caller:x', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };
const DAY = 86_400_000;
const reportWith = (command: IncidentCommand): IncidentEvent[] => incidentDecider.decide(command, incidentDecider.initialState());

const erase = (at: Date, retentionDays = 365): IncidentCommand => ({
  type: 'EraseCallerData',
  data: { retentionDays },
  metadata: { actor: { userId: 'system', organisationId: 'system', role: 'system' }, now: at },
});
const erased = (at: Date, retentionDays = 365): IncidentEvent => ({
  type: 'CallerDataErased',
  data: { ...ref, erasedAt: at.toISOString(), closedAt: s('11:00'), retentionDays },
});
const callerOf = (events: IncidentEvent[]) => {
  const data = events[0].data as Extract<IncidentEvent, { type: 'IncidentReported' }>['data'];
  return data.intake.channel === 'call_110' ? data.intake.caller : undefined;
};

describe('the 110 caller’s details', () => {
  describe('given no incident, when a 110 call is reported', () => {
    it('with details the service sealed, the event carries only the seal: no name, no phone', () => {
      const command = report110();
      const intake = (command as Extract<IncidentCommand, { type: 'ReportIncident' }>).data.intake;
      if (intake.channel !== 'call_110') throw new Error('fixture');
      const sealedCommand = {
        ...command,
        data: { ...(command.data as object), intake: { ...intake, caller: { sealed: SEALED } } },
      } as IncidentCommand;
      const events = reportWith(sealedCommand);
      expect(callerOf(events)).toEqual({ sealed: SEALED });
      expect(JSON.stringify(events)).not.toContain('13800000000');
    });

    it('with nothing from the caller, there is nothing to seal: name and phone are null', () => {
      const command = report110();
      const data = command.data as Extract<IncidentCommand, { type: 'ReportIncident' }>['data'];
      const withoutCaller = { ...command, data: { ...data, intake: { ...data.intake, caller: { name: '  ' } } } } as IncidentCommand;
      expect(callerOf(reportWith(withoutCaller))).toEqual({ name: null, phone: null });
    });
  });

  describe('given a closed 110 incident, when the sweep erases the caller', () => {
    const closedAt = t('11:00');

    it('after the retention period: CallerDataErased, with the closing and the period', () => {
      const at = new Date(closedAt.getTime() + 365 * DAY);
      given([reported(), closed()]).when(erase(at)).then([erased(at)]);
    });

    it('before the period has run out: refused', () => {
      given([reported(), closed()])
        .when(erase(new Date(closedAt.getTime() + 364 * DAY)))
        .thenThrows(IncidentRuleError, { code: 'INCIDENT.CALLER_RETENTION_RUNNING' });
    });

    it('once erased: nothing more is recorded', () => {
      const at = new Date(closedAt.getTime() + 400 * DAY);
      given([reported(), closed(), erased(at)]).when(erase(at)).then([]);
    });
  });

  it('given an open incident, the caller is kept: refused', () => {
    given([reported()])
      .when(erase(new Date(t('11:00').getTime() + 400 * DAY)))
      .thenThrows(IncidentConflictError, { code: 'INCIDENT.NOT_CLOSED' });
  });

  it('given an incident that was not a 110 call, there is no caller: nothing is recorded', () => {
    given([alarmReported, closed()])
      .when(erase(new Date(t('11:00').getTime() + 400 * DAY)))
      .then([]);
  });
});
