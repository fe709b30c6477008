import { ChinaCalendar } from '@pingan/calendar';
import type { Actor, ProsecutionClockInstruction, ProsecutionEvent } from '@pingan/contracts';
import { clockStepsFor, dueFrom, extendDue, indexRules, meetDeadline, startDeadline, type Deadline } from '@pingan/deadlines';
import { PROSECUTION_DEADLINES, RULE } from './deadline-rules.js';
import type { PoliceCaseCommand } from './police-case.commands.js';
import { policeCaseDecider, type PoliceCaseState } from './police-case.decider.js';

const calendar = new ChinaCalendar();
const rule = (name: string) => PROSECUTION_DEADLINES.find((r) => r.name === name)!;
const t = (iso: string): Date => new Date(iso);

describe('the prosecution rule catalogue', () => {
  it('is a valid DeadlineRule list (unique names, sane lengths and fractions)', () => {
    expect(() => indexRules(PROSECUTION_DEADLINES)).not.toThrow();
    expect(PROSECUTION_DEADLINES.map((r) => r.name).sort()).toEqual(Object.values(RULE).sort());
  });

  it('cites a source for every rule, and marks the [law] ones configurable', () => {
    for (const r of PROSECUTION_DEADLINES) {
      expect(r.source).toMatch(/^\[(S\d [^\]]+|law)\]/);
      expect(r.configurable).toBe(r.source.startsWith('[law]'));
      expect(r.warnAtFraction).toBe(0.75);
    }
  });

  it('never extends custody periods over a holiday', () => {
    for (const name of [
      RULE.arrestRequest,
      RULE.arrestDecision,
      RULE.prosecutionReviewInCustody,
      RULE.supplementaryInvestigationInCustody,
    ]) {
      expect(rule(name).extendOverHoliday).toBe(false);
    }
  });

  it('ministry entry: 3 working days on the China calendar (National Day 2025 and its make-up Saturday)', () => {
    // Measure decided Tue 30 Sep 2025 → Oct 1–8 off → Thu 9, Fri 10, Sat 11 (调休) → end of Sat 11 Oct.
    const r = rule(RULE.ministrySystemEntry);
    expect(dueFrom(t('2025-09-30T02:00:00Z'), r.length, { calendar }).due).toEqual(t('2025-10-11T16:00:00Z'));
  });

  it('arrest request: 3 calendar days, ending on a holiday all the same', () => {
    const r = rule(RULE.arrestRequest);
    expect(
      dueFrom(t('2025-09-28T02:00:00Z'), r.length, {
        calendar,
        extendOverHoliday: r.extendOverHoliday,
      }).due,
    ).toEqual(t('2025-10-01T16:00:00Z'));
  });

  it('prosecution review: 1 month, moved past a holiday only when nobody is held', () => {
    // 2 Sep + 1 month = 2 Oct (National Day): free suspect → first working day after (Thu 9 Oct).
    const start = t('2025-09-02T02:00:00Z');
    const free = rule(RULE.prosecutionReview);
    const held = rule(RULE.prosecutionReviewInCustody);
    expect(
      dueFrom(start, free.length, {
        calendar,
        extendOverHoliday: free.extendOverHoliday,
      }).due,
    ).toEqual(t('2025-10-09T16:00:00Z'));
    expect(
      dueFrom(start, held.length, {
        calendar,
        extendOverHoliday: held.extendOverHoliday,
      }).due,
    ).toEqual(t('2025-10-02T16:00:00Z'));
  });
});

describe('the prosecution review in calendar months (CPL arts. 105, 172)', () => {
  const free = rule(RULE.prosecutionReview);
  const held = rule(RULE.prosecutionReviewInCustody);
  const due = (r: typeof free, transferredAt: string) =>
    dueFrom(t(transferredAt), r.length, { calendar, extendOverHoliday: r.extendOverHoliday }).due.toISOString();

  it('a transfer on 31 January runs to the last day of February (28th; 29th in a leap year), not 30 days', () => {
    expect(due(held, '2025-01-31T02:00:00Z')).toBe('2025-02-28T16:00:00.000Z');
    expect(due(held, '2024-01-31T02:00:00Z')).toBe('2024-02-29T16:00:00.000Z');
    // Free suspect: Sat 28 Feb 2026 is a make-up working day (调休), so the period ends on it;
    // Sun 28 Feb 2021 was an ordinary Sunday, so the end of Mon 1 Mar.
    expect(due(free, '2026-01-31T02:00:00Z')).toBe('2026-02-28T16:00:00.000Z');
    expect(due(free, '2021-01-31T02:00:00Z')).toBe('2021-03-01T16:00:00.000Z');
  });

  it('transfers on 29, 30 and 31 January: the missing dates are the last day of February, leap year or not', () => {
    expect(['2025-01-29', '2025-01-30', '2025-01-31'].map((d) => due(held, `${d}T02:00:00Z`))).toEqual([
      '2025-02-28T16:00:00.000Z',
      '2025-02-28T16:00:00.000Z',
      '2025-02-28T16:00:00.000Z',
    ]);
    expect(['2024-01-29', '2024-01-30', '2024-01-31'].map((d) => due(held, `${d}T02:00:00Z`))).toEqual([
      '2024-02-29T16:00:00.000Z',
      '2024-02-29T16:00:00.000Z',
      '2024-02-29T16:00:00.000Z',
    ]);
  });

  it('a transfer on 30 September, the last day of its month, runs to 31 October', () => {
    expect(due(held, '2025-09-30T02:00:00Z')).toBe('2025-10-31T16:00:00.000Z');
    // 15 September runs to 15 October; a day earlier in UTC but the 15th in Beijing counts as the 15th.
    expect(due(held, '2025-09-14T17:00:00Z')).toBe('2025-10-15T16:00:00.000Z');
  });

  it('the extension of 15 days runs on from the last day of the month', () => {
    const start = t('2025-03-10T02:00:00Z'); // due 10 Apr 2025 (Thursday)
    const month = dueFrom(start, held.length, { calendar, extendOverHoliday: false }).due;
    expect(month.toISOString()).toBe('2025-04-10T16:00:00.000Z');
    expect(extendDue(month, { unit: 'calendar_days', amount: 15 }, { calendar, extendOverHoliday: false }).due.toISOString()).toBe(
      '2025-04-25T16:00:00.000Z',
    );
    // Free suspect: 10 Apr + 15 = Fri 25 Apr; from 19 Apr, + 15 = Sun 4 May (Labour Day, 1–5 May off) → Tue 6 May.
    expect(extendDue(t('2025-04-19T15:00:00Z'), { unit: 'calendar_days', amount: 15 }, { calendar }).due.toISOString()).toBe(
      '2025-05-06T16:00:00.000Z',
    );
  });
});

describe('clock instructions over a whole case', () => {
  const police: Actor = {
    userId: 'u1',
    organisationId: 'station',
    role: 'police_officer',
  };
  const procuratorate: Actor = {
    userId: 'u2',
    organisationId: 'procuratorate',
    role: 'prosecutor',
  };
  const court: Actor = { userId: 'u3', organisationId: 'court', role: 'judge' };
  const at = t('2025-03-03T02:00:00Z');
  const caseNumber = 'C-1';
  const commands: PoliceCaseCommand[] = [
    {
      type: 'OpenCaseFromIncident',
      data: {
        caseNumber,
        incidentId: 'i-1',
        hospitalId: 'h',
        regionCode: '500103',
        kind: 'criminal',
        handlingUnitId: 'station',
        summary: 's',
      },
      metadata: { actor: police, now: at },
    },
    { type: 'FileCriminalCase', data: { caseNumber, filingUnitId: 'station' }, metadata: { actor: police, now: at } },
    { type: 'AddSuspect', data: { caseNumber, suspectId: 's1', name: '张某' }, metadata: { actor: police, now: at } },
    {
      type: 'ImposeCompulsoryMeasure',
      data: { caseNumber, measureId: 'det', suspectId: 's1', measure: 'criminal_detention', decidedAt: at, decidingUnitId: 'station' },
      metadata: { actor: police, now: at },
    },
    {
      type: 'RecordMinistrySystemEntry',
      data: { caseNumber, decisionId: 'det', referenceNumber: 'MPS-1' },
      metadata: { actor: police, now: at },
    },
    {
      type: 'ExtendArrestRequestPeriod',
      data: { caseNumber, suspectId: 's1', ground: 'special_circumstances', explanation: 'e', days: 4 },
      metadata: { actor: police, now: at },
    },
    {
      type: 'RequestArrestApproval',
      data: { caseNumber, requestId: 'req', suspectId: 's1', procuratorateId: 'procuratorate' },
      metadata: { actor: police, now: at },
    },
    { type: 'RecordArrestRequestReceipt', data: { caseNumber, suspectId: 's1' }, metadata: { actor: procuratorate, now: at } },
    {
      type: 'DecideArrestApproval',
      data: { caseNumber, suspectId: 's1', outcome: 'approved', reason: 'r' },
      metadata: { actor: procuratorate, now: at },
    },
    {
      type: 'ImposeCompulsoryMeasure',
      data: { caseNumber, measureId: 'arr', suspectId: 's1', measure: 'arrest', decidedAt: at, decidingUnitId: 'station' },
      metadata: { actor: police, now: at },
    },
    {
      type: 'RecordMinistrySystemEntry',
      data: { caseNumber, decisionId: 'arr', referenceNumber: 'MPS-2' },
      metadata: { actor: police, now: at },
    },
    {
      type: 'TransferForProsecution',
      data: { caseNumber, suspectIds: ['s1'], procuratorateId: 'procuratorate' },
      metadata: { actor: police, now: at },
    },
    {
      type: 'ExtendProsecutionReview',
      data: { caseNumber, ground: 'major', explanation: 'e' },
      metadata: { actor: procuratorate, now: at },
    },
    { type: 'Indict', data: { caseNumber, suspectIds: ['s1'], courtId: 'court' }, metadata: { actor: procuratorate, now: at } },
    { type: 'StartFirstInstanceTrial', data: { caseNumber }, metadata: { actor: court, now: at } },
    {
      type: 'DeliverFirstInstanceVerdict',
      data: { caseNumber, suspectId: 's1', verdict: 'guilty', sentence: { principal: 'fixed_term_imprisonment', termMonths: 36 } },
      metadata: { actor: court, now: at },
    },
    {
      type: 'RecordFinalJudgement',
      data: { caseNumber, suspectId: 's1', verdict: 'guilty', sentence: { principal: 'fixed_term_imprisonment', termMonths: 36 } },
      metadata: { actor: court, now: at },
    },
  ];

  const run = () => {
    let state: PoliceCaseState = policeCaseDecider.initialState();
    const events: ProsecutionEvent[] = [];
    for (const command of commands) {
      const produced = policeCaseDecider.decide(command, state);
      state = produced.reduce(policeCaseDecider.evolve, state);
      events.push(...produced);
    }
    return events;
  };

  const instructions = (events: ProsecutionEvent[]) =>
    events.flatMap((e) =>
      'clocks' in e.data
        ? (e.data.clocks as ProsecutionClockInstruction[]).map((clock) => ({
            event: e.type,
            clock,
          }))
        : [],
    );

  it('starts every clock it stops, stops every clock it starts, names only catalogued rules', () => {
    const all = instructions(run());
    const started = new Set(all.filter((i) => i.clock.action === 'start').map((i) => i.clock.deadlineId));
    const stopped = new Set(all.filter((i) => i.clock.action === 'stop').map((i) => i.clock.deadlineId));
    expect([...started].sort()).toEqual([...stopped].sort());
    expect(started.size).toBe(6); // two ministry entries, arrest request, arrest decision, review, appeal window
    for (const { clock } of all) {
      if (clock.action !== 'start') expect(started).toContain(clock.deadlineId);
    }
  });

  it('uses each rule exactly with the events the catalogue says start, stop and extend it', () => {
    for (const { event, clock } of instructions(run())) {
      const r = rule(clock.rule);
      const declared = clock.action === 'start' ? r.starts : clock.action === 'stop' ? r.stops : r.extendedBy;
      expect(declared).toContain(event);
    }
  });
});

describe('return for supplementary investigation on a moved clock (CPL arts. 105, 175)', () => {
  const police: Actor = { userId: 'u1', organisationId: 'station', role: 'police_officer' };
  const procuratorate: Actor = { userId: 'u2', organisationId: 'procuratorate', role: 'prosecutor' };
  const caseNumber = 'C-2';
  const rules = indexRules(PROSECUTION_DEADLINES);
  const at = (actor: Actor, iso: string) => ({ metadata: { actor, now: t(iso) } });
  const commands: PoliceCaseCommand[] = [
    {
      type: 'OpenCase',
      data: { caseNumber, hospitalId: 'h', regionCode: '500103', kind: 'criminal', handlingUnitId: 'station', summary: 's' },
      ...at(police, '2025-01-02T02:00:00Z'),
    },
    { type: 'FileCriminalCase', data: { caseNumber, filingUnitId: 'station' }, ...at(police, '2025-01-02T02:00:00Z') },
    { type: 'AddSuspect', data: { caseNumber, suspectId: 's1', name: '张某' }, ...at(police, '2025-01-02T02:00:00Z') },
    {
      type: 'ImposeCompulsoryMeasure',
      data: {
        caseNumber,
        measureId: 'bail',
        suspectId: 's1',
        measure: 'bail',
        decidedAt: t('2025-01-02T02:00:00Z'),
        decidingUnitId: 'station',
      },
      ...at(police, '2025-01-02T02:00:00Z'),
    },
    {
      type: 'TransferForProsecution',
      data: { caseNumber, suspectIds: ['s1'], procuratorateId: 'procuratorate' },
      ...at(police, '2025-01-06T02:00:00Z'),
    },
    // Returned on 31 January: the police's month ends with the last day of February, not 30 days later (2 March).
    { type: 'ReturnForSupplementaryInvestigation', data: { caseNumber, reason: 'r' }, ...at(procuratorate, '2025-01-31T02:00:00Z') },
    { type: 'ResubmitForProsecution', data: { caseNumber }, ...at(police, '2025-02-28T08:00:00Z') },
    { type: 'Indict', data: { caseNumber, suspectIds: ['s1'], courtId: 'court' }, ...at(procuratorate, '2025-03-20T02:00:00Z') },
  ];

  /** The clocks as the store would keep them after the first `count` commands, and what the sweeper sees at `now`. */
  function clocksAfter(count: number) {
    let state: PoliceCaseState = policeCaseDecider.initialState();
    const clocks = new Map<string, Deadline>();
    for (const command of commands.slice(0, count)) {
      const produced = policeCaseDecider.decide(command, state);
      state = produced.reduce(policeCaseDecider.evolve, state);
      for (const event of produced) {
        for (const step of clockStepsFor({ data: event.data as Record<string, unknown>, correlationId: caseNumber })) {
          if (step.op === 'start') clocks.set(step.id, startDeadline(step, rules.get(step.rule)!, calendar));
          if (step.op === 'met') clocks.set(step.id, meetDeadline(clocks.get(step.id)!, step.at));
        }
      }
    }
    const seenAt = (id: string, now: string) => {
      const d = clocks.get(id)!;
      const open = d.state === 'running' || d.state === 'warned';
      return open && t(now) > d.dueAt ? 'breached' : d.state;
    };
    return { clocks, seenAt };
  }

  it('the police’s month from 31 January ends at 24:00 of 28 February (Beijing), and is met by a resubmission that day', () => {
    const returned = clocksAfter(6);
    const month = returned.clocks.get(`${caseNumber}:supplementary-investigation:1`)!;
    expect(month.rule.name).toBe(RULE.supplementaryInvestigation);
    expect(month.dueAt).toEqual(t('2025-02-28T16:00:00Z'));
    expect(returned.seenAt(month.id, '2025-02-28T15:59:00Z')).toBe('running');
    expect(returned.seenAt(month.id, '2025-03-01T00:00:00Z')).toBe('breached'); // had nobody resubmitted
    expect(clocksAfter(7).seenAt(month.id, '2025-03-01T00:00:00Z')).toBe('met');
  });

  it('the first review period is met by the return and never shows as breached; the new one counts from the resubmission', () => {
    const { clocks, seenAt } = clocksAfter(7);
    const first = clocks.get(`${caseNumber}:prosecution-review`)!;
    expect(first.dueAt).toEqual(t('2025-02-06T16:00:00Z')); // 6 January + 1 month
    expect(seenAt(first.id, '2025-03-15T00:00:00Z')).toBe('met'); // long past its due date: met, not breached
    const second = clocks.get(`${caseNumber}:prosecution-review:resubmission-1`)!;
    expect(second.startedAt).toEqual(t('2025-02-28T08:00:00Z'));
    // 重新计算 from 28 February, the last day of its month: to the last day of March (the library's month rule).
    expect(second.dueAt).toEqual(t('2025-03-31T16:00:00Z'));
    expect(seenAt(second.id, '2025-03-15T00:00:00Z')).toBe('running');
    expect(clocksAfter(8).seenAt(second.id, '2025-04-30T00:00:00Z')).toBe('met');
  });

  it('every clock of the case ends met, and each rule moves only with the events its catalogue entry names', () => {
    const { clocks } = clocksAfter(8);
    expect([...clocks.values()].map((d) => [d.rule.name, d.state])).toEqual([
      [RULE.ministrySystemEntry, 'running'], // the bail's ministry entry is another duty, not part of this flow
      [RULE.prosecutionReview, 'met'],
      [RULE.supplementaryInvestigation, 'met'],
      [RULE.prosecutionReview, 'met'],
    ]);
  });
});

describe('the 治安案件 case period on a moved clock (治安管理处罚法, revised: 30 days, +30 once)', () => {
  const police: Actor = { userId: 'u1', organisationId: 'station', role: 'police_officer' };
  const caseNumber = 'PS-1';
  const rules = indexRules(PROSECUTION_DEADLINES);
  const at = (iso: string) => ({ metadata: { actor: police, now: t(iso) } });
  const open = (iso: string): PoliceCaseCommand => ({
    type: 'OpenCase',
    data: { caseNumber, hospitalId: 'h', regionCode: '500103', kind: 'administrative', handlingUnitId: 'station', summary: 's' },
    ...at(iso),
  });
  const extension: PoliceCaseCommand = {
    type: 'ExtendPublicSecurityCasePeriod',
    data: { caseNumber, approvingUnitId: 'bureau', approverName: '王局长', reason: '案情复杂' },
    ...at('2026-03-25T02:00:00Z'),
  };
  const agreement: PoliceCaseCommand = {
    type: 'RecordPublicSecurityMediation',
    data: { caseNumber, mediationId: 'm1', outcome: 'agreement_reached', note: null },
    ...at('2026-04-20T02:00:00Z'),
  };

  /** The case period as the store keeps it after `commands`, and what the sweeper would see at `now`. */
  function periodAfter(commands: PoliceCaseCommand[]) {
    let state: PoliceCaseState = policeCaseDecider.initialState();
    let clock: Deadline | undefined;
    for (const command of commands) {
      const produced = policeCaseDecider.decide(command, state);
      state = produced.reduce(policeCaseDecider.evolve, state);
      for (const event of produced) {
        for (const step of clockStepsFor({ data: event.data as Record<string, unknown>, correlationId: caseNumber })) {
          if (step.op === 'start') clock = startDeadline(step, rules.get(step.rule)!, calendar);
          if (step.op === 'met') clock = meetDeadline(clock!, step.at);
          if (step.op === 'extend') {
            const { due } = extendDue(clock!.dueAt, step.by, { calendar, extendOverHoliday: clock!.rule.extendOverHoliday });
            clock = { ...clock!, dueAt: due };
          }
        }
      }
    }
    const seenAt = (now: string) => {
      const open = clock!.state === 'running' || clock!.state === 'warned';
      return open && t(now) > clock!.dueAt ? 'breached' : clock!.state;
    };
    return { clock: clock!, seenAt };
  }

  it('30 days from the day after acceptance, to 24:00 (Beijing) of the 30th', () => {
    const { clock, seenAt } = periodAfter([open('2026-03-02T02:00:00Z')]);
    expect(clock.id).toBe(`${caseNumber}:public-security-case`);
    // Day 1 is 3 March; day 30 is 1 April.
    expect(clock.dueAt).toEqual(t('2026-04-01T16:00:00Z'));
    expect(seenAt('2026-04-01T15:59:00Z')).toBe('running');
    expect(seenAt('2026-04-02T00:00:00Z')).toBe('breached'); // undecided and not extended
  });

  it('a last day on a holiday moves to the next working day (nobody is held by the period)', () => {
    // Accepted 1 Sep 2025: the 30th day is 1 October (National Day, off to 8 October) → Thursday 9 October.
    expect(periodAfter([open('2025-09-01T02:00:00Z')]).clock.dueAt).toEqual(t('2025-10-09T16:00:00Z'));
  });

  it('the approved extension adds 30 days, and a 治安调解 agreement meets it', () => {
    const extended = periodAfter([open('2026-03-02T02:00:00Z'), extension]);
    // 1 April + 30 days = 1 May (Labour Day, off to 5 May 2026) → Wednesday 6 May.
    expect(extended.clock.dueAt).toEqual(t('2026-05-06T16:00:00Z'));
    expect(extended.seenAt('2026-04-10T00:00:00Z')).toBe('running'); // past the 30 days: no false breach
    const decided = periodAfter([open('2026-03-02T02:00:00Z'), extension, agreement]);
    expect(decided.clock.state).toBe('met');
    expect(decided.seenAt('2026-06-01T00:00:00Z')).toBe('met');
  });
});

describe('the appeal window on a moved clock (CPL art. 230: 10 days for a judgement, 5 for a ruling; art. 105)', () => {
  const police: Actor = { userId: 'u1', organisationId: 'station', role: 'police_officer' };
  const procuratorate: Actor = { userId: 'u2', organisationId: 'procuratorate', role: 'prosecutor' };
  const judge: Actor = { userId: 'u3', organisationId: 'court', role: 'judge' };
  const caseNumber = 'C-3';
  const rules = indexRules(PROSECUTION_DEADLINES);
  const at = (actor: Actor, iso: string) => ({ metadata: { actor, now: t(iso) } });
  const toVerdict = (decisionKind: 'judgement' | 'ruling', deliveredAt: string): PoliceCaseCommand[] => [
    {
      type: 'OpenCase',
      data: { caseNumber, hospitalId: 'h', regionCode: '500103', kind: 'criminal', handlingUnitId: 'station', summary: 's' },
      ...at(police, '2026-06-01T02:00:00Z'),
    },
    { type: 'FileCriminalCase', data: { caseNumber, filingUnitId: 'station' }, ...at(police, '2026-06-01T02:00:00Z') },
    { type: 'AddSuspect', data: { caseNumber, suspectId: 's1', name: '张某' }, ...at(police, '2026-06-01T02:00:00Z') },
    {
      type: 'ImposeCompulsoryMeasure',
      data: {
        caseNumber,
        measureId: 'bail',
        suspectId: 's1',
        measure: 'bail',
        decidedAt: t('2026-06-01T02:00:00Z'),
        decidingUnitId: 'station',
      },
      ...at(police, '2026-06-01T02:00:00Z'),
    },
    {
      type: 'TransferForProsecution',
      data: { caseNumber, suspectIds: ['s1'], procuratorateId: 'procuratorate' },
      ...at(police, '2026-06-05T02:00:00Z'),
    },
    { type: 'Indict', data: { caseNumber, suspectIds: ['s1'], courtId: 'court' }, ...at(procuratorate, '2026-06-20T02:00:00Z') },
    { type: 'StartFirstInstanceTrial', data: { caseNumber }, ...at(judge, '2026-09-01T02:00:00Z') },
    {
      type: 'DeliverFirstInstanceVerdict',
      data: { caseNumber, suspectId: 's1', verdict: 'not_guilty', sentence: null, decisionKind },
      ...at(judge, deliveredAt),
    },
  ];
  const appeal = (iso: string): PoliceCaseCommand => ({
    type: 'FileAppeal',
    data: { caseNumber, suspectId: 's1', appellant: 'procuratorate' },
    ...at(judge, iso),
  });

  /** The window as the store keeps it after `commands`, and what the sweeper would make of it at `now`. */
  function windowAfter(commands: PoliceCaseCommand[]) {
    let state: PoliceCaseState = policeCaseDecider.initialState();
    const clocks = new Map<string, Deadline>();
    for (const command of commands) {
      const produced = policeCaseDecider.decide(command, state);
      state = produced.reduce(policeCaseDecider.evolve, state);
      for (const event of produced) {
        for (const step of clockStepsFor({ data: event.data as Record<string, unknown>, correlationId: caseNumber })) {
          if (step.op === 'start') clocks.set(step.id, startDeadline(step, rules.get(step.rule)!, calendar));
          if (step.op === 'met') clocks.set(step.id, meetDeadline(clocks.get(step.id)!, step.at));
        }
      }
    }
    const clock = clocks.get(`${caseNumber}:appeal-window:s1`)!;
    const seenAt = (now: string) => {
      const open = clock.state === 'running' || clock.state === 'warned';
      // A lapse rule ends as lapsed, never breached: the verdict stands, nobody is at fault.
      return open && t(now) > clock.dueAt ? (clock.rule.onExpiry === 'lapse' ? 'lapsed' : 'breached') : clock.state;
    };
    return { clock, seenAt };
  }

  it('10 days for a judgement received 25 Sep 2026: day 10 is 5 Oct (National Day), so the last day is 8 Oct', () => {
    const { clock, seenAt } = windowAfter(toVerdict('judgement', '2026-09-25T02:00:00Z'));
    expect(clock.rule.name).toBe(RULE.appealWindow);
    expect(clock.dueAt).toEqual(t('2026-10-08T16:00:00Z'));
    expect(seenAt('2026-10-05T16:30:00Z')).toBe('running'); // the bare 10 days are over: not yet lapsed
    expect(seenAt('2026-10-08T16:00:01Z')).toBe('lapsed');
  });

  it('5 days for a ruling (裁定): received 25 Sep 2026, the last day is Wed 30 Sep', () => {
    const { clock, seenAt } = windowAfter(toVerdict('ruling', '2026-09-25T02:00:00Z'));
    expect(clock.rule.name).toBe(RULE.appealWindowRuling);
    expect(clock.dueAt).toEqual(t('2026-09-30T16:00:00Z'));
    expect(seenAt('2026-10-01T00:00:00Z')).toBe('lapsed');
  });

  it('a protest (抗诉) lodged within the window meets it', () => {
    const { clock, seenAt } = windowAfter([...toVerdict('judgement', '2026-09-25T02:00:00Z'), appeal('2026-10-07T02:00:00Z')]);
    expect(clock.state).toBe('met');
    expect(seenAt('2026-10-20T00:00:00Z')).toBe('met');
  });
});
