import { clockStepsFor, indexRules } from '@pingan/deadlines';
import { DISPUTE_DEADLINE_RULES, disputeDeadlineRule } from './deadline-rules.js';

describe('dispute clocks', () => {
  it('the rule catalogue is valid for a DeadlineStore', () => {
    const rules = indexRules(DISPUTE_DEADLINE_RULES);
    expect([...rules.keys()]).toEqual(['peoples-mediation', 'administrative-mediation', 'administrative-mediation-acceptance', 'dispute-risk-review']);
    expect(disputeDeadlineRule('peoples-mediation').length).toEqual({
      unit: 'working_days',
      amount: 30,
    });
  });

  it('turns the clock steps an event carries into the runtime’s clock ops, in order', () => {
    const at = '2025-03-10T02:00:00.000Z';
    const id = 'dsp-1/peoples-mediation/1';
    const event = {
      type: 'X',
      data: {
        clocks: [
          {
            action: 'start',
            deadlineId: id,
            subject: 'dsp-1',
            rule: 'peoples-mediation',
            startedAt: at,
            responsibleOrganisationId: 'med-1',
            supervisingOrganisationId: null,
          },
          { action: 'pause', deadlineId: id, at, reason: 'appraisal' },
          { action: 'resume', deadlineId: id, at },
          {
            action: 'extend',
            deadlineId: id,
            at,
            by: { unit: 'working_days', amount: 10 },
            reason: 'agreed',
          },
          { action: 'stop', deadlineId: id, at, reason: 'agreement' },
        ],
      },
    };
    expect(clockStepsFor(event)).toEqual([
      {
        op: 'start',
        id,
        subject: 'dsp-1',
        rule: 'peoples-mediation',
        startedAt: new Date(at),
        responsibleOrganisationId: 'med-1',
        supervisingOrganisationId: null,
      },
      { op: 'pause', id, at: new Date(at) },
      { op: 'resume', id, at: new Date(at) },
      {
        op: 'extend',
        id,
        by: { unit: 'working_days', amount: 10 },
        reason: 'agreed',
        at: new Date(at),
      },
      { op: 'met', id, at: new Date(at) },
    ]);
  });

  it('an event without clock steps moves no clock', () => {
    expect(
      clockStepsFor({
        type: 'MediationSessionHeld',
        data: { disputeId: 'dsp-1' },
      }),
    ).toEqual([]);
  });
});
