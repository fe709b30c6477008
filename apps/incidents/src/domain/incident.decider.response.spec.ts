import { deciderSpec } from '@pingan/testing';
import { createIncidentDecider } from './incident.decider.js';
import { IncidentConflictError, IncidentRuleError, IncidentValidationError } from './incident.errors.js';
import {
  ref,
  t,
  s,
  dispatcher,
  officer,
  countyHc,
  cityHc,
  provinceHc,
  nationalHc,
  given,
  reported,
  clockStarted,
  clockStopped,
  majorReported,
  dispatched,
  arrivalClock,
  arrived,
  arrivalClockStopped,
  stopped,
  cleared,
  closed,
  submitted,
  acknowledged,
  forwarded,
  dispatch,
  arrive,
  stopDisturbance,
  clearScene,
  submit,
  acknowledge,
  forward,
  healthChainToNational,
} from './incident.decider.fixtures.js';

describe('incident decider: police response and escalation', () => {
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
      given([reported(), ...healthChainToNational(), acknowledged('health', 'national', nationalHc, s('11:40'))])
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

    it('major: the report went up by itself, so acknowledging stops no clock and nobody reports it twice', () => {
      given(majorReported)
        .when(acknowledge('health', 'county', countyHc, '10:40'))
        .then([acknowledged('health', 'county', countyHc, s('10:40'), true)]);
      given(majorReported)
        .when(submit('political_legal', '10:30'))
        .thenThrows(IncidentConflictError, { code: 'INCIDENT.ESCALATION_ALREADY_SUBMITTED' });
    });

    it('major: each commission has its own clock from receiving the report to forwarding it, supervised by the one above', () => {
      const atCounty = [...majorReported, acknowledged('health', 'county', countyHc, s('10:40'), true)];
      given(atCounty)
        .when(forward('health', 'county', countyHc, '10:50'))
        .then([
          forwarded('health', 'county', 'city', countyHc, s('10:50'), true),
          clockStarted('city_forward', 'report-forwarding', s('10:50'), 'report_received'),
          clockStopped('county_forward', s('10:50')),
        ]);
    });

    it('major: the 12 hours are met when the report reaches the national commission, whenever it acknowledges', () => {
      const atProvince = [
        ...majorReported,
        acknowledged('health', 'county', countyHc, s('10:40'), true),
        forwarded('health', 'county', 'city', countyHc, s('10:50'), true),
        clockStarted('city_forward', 'report-forwarding', s('10:50'), 'report_received'),
        clockStopped('county_forward', s('10:50')),
        acknowledged('health', 'city', cityHc, s('11:00'), true),
        forwarded('health', 'city', 'province', cityHc, s('11:10'), true),
        clockStarted('province_forward', 'report-forwarding', s('11:10'), 'report_received'),
        clockStopped('city_forward', s('11:10')),
        acknowledged('health', 'province', provinceHc, s('11:20'), true),
      ];
      given(atProvince)
        .when(forward('health', 'province', provinceHc, '11:30'))
        .then([
          forwarded('health', 'province', 'national', provinceHc, s('11:30'), true),
          clockStopped('national_report', s('11:30')),
          clockStopped('province_forward', s('11:30')),
        ]);
      given([
        ...atProvince,
        forwarded('health', 'province', 'national', provinceHc, s('11:30'), true),
        clockStopped('national_report', s('11:30')),
        clockStopped('province_forward', s('11:30')),
      ])
        .when(acknowledge('health', 'national', nationalHc, '16:00'))
        .then([acknowledged('health', 'national', nationalHc, s('16:00'), true)]);
    });

    it('acknowledging before the report was forwarded to your level says so', () => {
      given(majorReported)
        .when(acknowledge('health', 'city', cityHc, '10:40'))
        .thenThrows(IncidentRuleError, {
          code: 'INCIDENT.ESCALATION_NOT_RECEIVED',
          message: 'The health report has not yet been forwarded to your level (city): nothing to acknowledge yet',
        });
    });

    it('not major: the ordinary chain, no clocks', () => {
      given([reported(), ...healthChainToNational()])
        .when(acknowledge('health', 'national', nationalHc, '16:00'))
        .then([acknowledged('health', 'national', nationalHc, s('16:00'))]);
    });

    it('reporting goes on after the incident is closed', () => {
      given([reported(), closed()])
        .when(submit('health', '11:30'))
        .then([submitted('health', s('11:30'))]);
    });
  });
});
