import { ChinaCalendar } from '@pingan/calendar';
import { clockStepsFor, dueFrom, extendDue, indexRules, resumeDue } from '@pingan/deadlines';
import { DISPUTE_DEADLINE_RULES, disputeDeadlineRule } from './deadline-rules.js';

describe('dispute clocks', () => {
  it('the rule catalogue is valid for a DeadlineStore', () => {
    const rules = indexRules(DISPUTE_DEADLINE_RULES);
    expect([...rules.keys()]).toEqual([
      'peoples-mediation',
      'administrative-mediation',
      'administrative-mediation-acceptance',
      'dispute-risk-review',
    ]);
    expect(disputeDeadlineRule('peoples-mediation').length).toEqual({
      unit: 'working_days',
      amount: 30,
    });
  });

  describe('periods on the China calendar, with a moved clock', () => {
    const calendar = new ChinaCalendar();
    const t = (iso: string): Date => new Date(iso);

    it('administrative mediation: the commission decides on acceptance within 5 working days, across National Day 2026 [law: 条例 第40条]', () => {
      // Applied Tue 29 Sep 2026 → Wed 30 (1), Oct 1–7 off, Thu 8 (2), Fri 9 (3), Sat 10 (调休上班, 4), Mon 12 (5) → 24:00 Mon 12 Oct.
      const rule = disputeDeadlineRule('administrative-mediation-acceptance');
      expect(rule.length).toEqual({ unit: 'working_days', amount: 5 });
      expect(dueFrom(t('2026-09-29T02:00:00Z'), rule.length, { calendar })).toEqual({ due: t('2026-10-12T16:00:00Z'), provisional: false });
    });

    it('people’s mediation: 30 working days, an appraisal over 劳动节 does not count, an extension runs on from the due day [law: 条例 第38条]', () => {
      const rule = disputeDeadlineRule('peoples-mediation');
      // Accepted Mon 2 Mar 2026 → 30 working days (清明 Mon 6 Apr off) → 24:00 Tue 14 Apr.
      const due = dueFrom(t('2026-03-02T02:00:00Z'), rule.length, { calendar }).due;
      expect(due).toEqual(t('2026-04-14T16:00:00Z'));
      // Appraisal out from Mon 9 Mar to Mon 30 Mar: the 15 working days in between are added back.
      const resumed = resumeDue(
        { startedAt: t('2026-03-02T02:00:00Z'), pausedAt: t('2026-03-09T02:00:00Z'), dueAt: due, unit: 'working_days' },
        t('2026-03-30T02:00:00Z'),
        { calendar },
      );
      expect(resumed.due).toEqual(t('2026-05-08T16:00:00Z')); // over 劳动节 1–5 May
      // +10 working days with both parties' consent: Sat 9 May is a make-up working day.
      expect(extendDue(resumed.due, { unit: 'working_days', amount: 10 }, { calendar }).due).toEqual(t('2026-05-21T16:00:00Z'));
    });

    it('a period reaching into 2027, whose State Council notice is not loaded, is provisional', () => {
      const rule = disputeDeadlineRule('peoples-mediation');
      expect(dueFrom(t('2026-12-14T02:00:00Z'), rule.length, { calendar }).provisional).toBe(true);
      expect(dueFrom(t('2026-10-12T02:00:00Z'), rule.length, { calendar }).provisional).toBe(false);
    });

    it('administrative mediation is never extended: the rule takes no extension step [law: 条例 第40条]', () => {
      expect(disputeDeadlineRule('administrative-mediation').source).toContain('no extension');
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
