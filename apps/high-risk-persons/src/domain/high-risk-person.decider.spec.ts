import type { Actor, HighRiskPersonEvent, SealedField } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import type { HighRiskPersonCommand, PersonalText } from './high-risk-person.commands.js';
import { adviceFor, highRiskPersonDecider } from './high-risk-person.decider.js';
import { HighRiskError } from './high-risk-person.errors.js';
import { clockStepsFor } from '@pingan/deadlines';
import { highRiskDeadlineRules, ruleSettingsFromEnv } from './deadline-rules.js';

const given = deciderSpec(highRiskPersonDecider);

// Stand-in ciphertext: the decider only carries what the service sealed.
const sealed = (text: string): SealedField => ({ alg: 'A256GCM', keyId: 'key-p1', iv: 'iv', data: `enc(${text})`, tag: 'tag' });
const text = (t: string): PersonalText => ({ text: t, sealed: sealed(t) });

const hospital: Actor = { userId: 'u-sec', organisationId: 'hosp-1', role: 'hospital_security_officer' };
const chief: Actor = { userId: 'u-chief', organisationId: 'station-1', role: 'station_chief' };
const dispatcher: Actor = { userId: 'u-disp', organisationId: 'station-1', role: 'police_dispatcher' };
const zfw: Actor = { userId: 'u-zfw', organisationId: 'zfw-1', role: 'political_legal_officer' };
const mediator: Actor = { userId: 'u-med', organisationId: 'med-1', role: 'mediator' };
const system: Actor = { userId: 'system', organisationId: 'system', role: 'system' };

const t0 = new Date('2026-03-02T02:00:00Z');
const t = (days: number): Date => new Date(t0.getTime() + days * 86_400_000);
const s = (days: number): string => t(days).toISOString();
const ref = { personId: 'p1', regionCode: '500101' };
const behaviour = '2026-02-27 在急诊科扬言要持刀报复接诊医生';

type ProposeData = Extract<HighRiskPersonCommand, { type: 'ProposeFlag' }>['data'];
const propose = ({
  at = t(0),
  actor = hospital,
  ...overrides
}: Partial<ProposeData> & { at?: Date; actor?: Actor } = {}): HighRiskPersonCommand => ({
  type: 'ProposeFlag',
  data: {
    personId: 'p1',
    identity: { name: '张某某', idNumber: '500101199003071236', phone: '13800000000', sealed: sealed('identity') },
    categories: [{ category: 'threatened_violence', behaviour: text(behaviour) }],
    organisationKind: 'hospital',
    regionCode: '500101',
    ...overrides,
  },
  metadata: { actor, now: at },
});

const registered: HighRiskPersonEvent = {
  type: 'PersonRegistered',
  data: { ...ref, identity: sealed('identity'), registeredAt: s(0), registeringOrganisationId: 'hosp-1' },
};
const proposed = (flagNo = 1, by = 'hosp-1', days = 0): HighRiskPersonEvent => ({
  type: 'FlagProposed',
  data: {
    ...ref,
    flagNo,
    categories: [{ category: 'threatened_violence', grounds: sealed(behaviour) }],
    proposingOrganisationId: by,
    proposingOrganisationKind: 'hospital',
    proposedAt: s(days),
  },
});
const reviewStart = (flagNo: number, reviewNo: number, days: number, by = 'station-1') => ({
  action: 'start' as const,
  deadlineId: `p1/flag-${flagNo}/review-${reviewNo}`,
  subject: 'p1',
  rule: 'high-risk-flag-review' as const,
  startedAt: s(days),
  responsibleOrganisationId: by,
  supervisingOrganisationId: null,
});
const approved = (flagNo = 1, days = 1): HighRiskPersonEvent => ({
  type: 'FlagApproved',
  data: {
    ...ref,
    flagNo,
    categories: ['threatened_violence'],
    approvingOrganisationId: 'station-1',
    activatedAt: s(days),
    clocks: [reviewStart(flagNo, 1, days)],
  },
});
const active = [registered, proposed(), approved()];
const taskAssigned: HighRiskPersonEvent = {
  type: 'StabilisationTaskAssigned',
  data: {
    ...ref,
    flagNo: 1,
    taskId: 'task-1',
    kind: 'stabilisation',
    assigneeOrganisationId: 'zfw-1',
    assigneeKind: 'community',
    note: sealed('社区网格员每周上门走访一次'),
    actingOrganisationId: 'station-1',
    assignedAt: s(2),
    clocks: [
      {
        action: 'start',
        deadlineId: 'p1/task-task-1',
        subject: 'p1',
        rule: 'stabilisation-task',
        startedAt: s(2),
        responsibleOrganisationId: 'zfw-1',
        supervisingOrganisationId: 'station-1',
      },
    ],
  },
};
const removed: HighRiskPersonEvent = {
  type: 'FlagRemoved',
  data: {
    ...ref,
    flagNo: 1,
    reason: sealed('已治疗稳定，半年无异常'),
    removingOrganisationId: 'station-1',
    removedAt: s(10),
    clocks: [{ action: 'stop', deadlineId: 'p1/flag-1/review-1', at: s(10) }],
  },
};
const erased: HighRiskPersonEvent = {
  type: 'PersonErased',
  data: { ...ref, legalBasis: '个人信息保护法第四十七条 删除请求', erasingOrganisationId: 'station-1', erasedAt: s(20) },
};
const expectCode = (events: HighRiskPersonEvent[], command: HighRiskPersonCommand, code: string) =>
  given(events)
    .when(command)
    .thenThrows(HighRiskError, { code } as Partial<HighRiskError>);

describe('propose a flag', () => {
  it('registers a new person with a sealed identity and proposes the flag', () => {
    given([]).when(propose()).then([registered, proposed()]);
  });

  it('proposes a second flag on a known person without registering them again', () => {
    given([...active, removed])
      .when(propose({ at: t(30), actor: zfw, organisationKind: 'political_legal' }))
      .then([
        {
          ...proposed(2, 'zfw-1', 30),
          data: { ...(proposed(2, 'zfw-1', 30).data as object), proposingOrganisationKind: 'political_legal' },
        } as HighRiskPersonEvent,
      ]);
  });

  it('rejects an ID number with a wrong check digit', () => {
    const identity = { name: '张某某', idNumber: '500101199003071235', phone: null, sealed: sealed('x') };
    expectCode([], propose({ identity }), 'HIGH_RISK.INVALID_ID_NUMBER');
  });

  it('rejects an ID number with an impossible birth date', () => {
    const identity = { name: '张某某', idNumber: '510108200102294560', phone: null, sealed: sealed('x') };
    expectCode([], propose({ identity }), 'HIGH_RISK.INVALID_ID_NUMBER');
  });

  it('rejects a missing name and a malformed phone', () => {
    expectCode(
      [],
      propose({ identity: { name: ' ', idNumber: '500101199003071236', phone: null, sealed: sealed('x') } }),
      'HIGH_RISK.INVALID_IDENTITY',
    );
    expectCode(
      [],
      propose({ identity: { name: '张某某', idNumber: '500101199003071236', phone: 'call me', sealed: sealed('x') } }),
      'HIGH_RISK.INVALID_IDENTITY',
    );
  });

  it('needs at least one category, each with concrete written behaviour, none twice', () => {
    expectCode([], propose({ categories: [] }), 'HIGH_RISK.GROUNDS_REQUIRED');
    expectCode([], propose({ categories: [{ category: 'threatened_violence', behaviour: text('危险') }] }), 'HIGH_RISK.GROUNDS_REQUIRED');
    expectCode(
      [],
      propose({
        categories: [
          { category: 'threatened_violence', behaviour: text(behaviour) },
          { category: 'threatened_violence', behaviour: text(behaviour) },
        ],
      }),
      'HIGH_RISK.GROUNDS_REQUIRED',
    );
  });

  it('only proposer roles may propose', () => {
    expectCode([], propose({ actor: mediator }), 'HIGH_RISK.NOT_AUTHORISED');
  });

  it('refuses a second open flag', () => {
    expectCode([registered, proposed()], propose(), 'HIGH_RISK.FLAG_ALREADY_OPEN');
    expectCode(active, propose(), 'HIGH_RISK.FLAG_ALREADY_OPEN');
  });

  it('refuses an erased person', () => {
    expectCode([...active, removed, erased], propose(), 'HIGH_RISK.PERSON_ERASED');
  });
});

describe('approve or reject', () => {
  const approve = (actor: Actor, days = 1): HighRiskPersonCommand => ({
    type: 'ApproveFlag',
    data: { personId: 'p1' },
    metadata: { actor, now: t(days) },
  });

  it('activates the flag when another organisation approves it, and starts the review clock', () => {
    given([registered, proposed()]).when(approve(chief)).then([approved()]);
  });

  it('refuses approval by the proposing organisation', () => {
    const ownChief: Actor = { userId: 'u-own', organisationId: 'hosp-1', role: 'station_chief' };
    expectCode([registered, proposed()], approve(ownChief), 'HIGH_RISK.APPROVAL_BY_OWN_ORGANISATION');
    // a station's own chief cannot approve what its dispatcher proposed
    expectCode([registered, proposed(1, 'station-1')], approve(chief), 'HIGH_RISK.APPROVAL_BY_OWN_ORGANISATION');
  });

  it('refuses roles that may not approve', () => {
    expectCode([registered, proposed()], approve(dispatcher), 'HIGH_RISK.NOT_AUTHORISED');
    expectCode([registered, proposed()], approve(hospital), 'HIGH_RISK.NOT_AUTHORISED');
  });

  it('needs a proposed flag', () => {
    expectCode(active, approve(chief), 'HIGH_RISK.FLAG_NOT_PROPOSED');
    expectCode([], approve(chief), 'HIGH_RISK.NOT_FOUND');
  });

  it('rejects with a reason, and not without one', () => {
    given([registered, proposed()])
      .when({ type: 'RejectFlag', data: { personId: 'p1', reason: text('所述行为无事实依据') }, metadata: { actor: zfw, now: t(1) } })
      .then([
        {
          type: 'FlagRejected',
          data: { ...ref, flagNo: 1, reason: sealed('所述行为无事实依据'), rejectingOrganisationId: 'zfw-1', rejectedAt: s(1) },
        },
      ]);
    expectCode(
      [registered, proposed()],
      { type: 'RejectFlag', data: { personId: 'p1', reason: text(' ') }, metadata: { actor: zfw, now: t(1) } },
      'HIGH_RISK.REASON_REQUIRED',
    );
  });

  it('refuses rejection by the proposing organisation', () => {
    expectCode(
      [registered, proposed(1, 'zfw-1')],
      { type: 'RejectFlag', data: { personId: 'p1', reason: text('重复提交的申请') }, metadata: { actor: zfw, now: t(1) } },
      'HIGH_RISK.APPROVAL_BY_OWN_ORGANISATION',
    );
  });
});

describe('measures', () => {
  const warn = (actor: Actor, note = '在派出所进行训诫并签订保证书'): HighRiskPersonCommand => ({
    type: 'GiveWarning',
    data: { personId: 'p1', measureId: 'm-1', kind: 'reprimand', note: text(note), organisationKind: 'police' },
    metadata: { actor, now: t(2) },
  });

  it('records a police warning (训诫) with the acting unit', () => {
    given(active)
      .when(warn(dispatcher))
      .then([
        {
          type: 'WarningGiven',
          data: {
            ...ref,
            flagNo: 1,
            measureId: 'm-1',
            kind: 'reprimand',
            note: sealed('在派出所进行训诫并签订保证书'),
            actingOrganisationId: 'station-1',
            givenAt: s(2),
          },
        },
      ]);
  });

  it('warnings are for police only, on an active flag only (activation needs approval)', () => {
    expectCode(active, warn(zfw), 'HIGH_RISK.NOT_AUTHORISED');
    expectCode([registered, proposed()], warn(dispatcher), 'HIGH_RISK.FLAG_NOT_ACTIVE');
    expectCode(active, warn(dispatcher, '训诫'), 'HIGH_RISK.REASON_REQUIRED');
  });

  it('assigns a stabilisation task to the community with a due clock', () => {
    given(active)
      .when({
        type: 'AssignStabilisationTask',
        data: {
          personId: 'p1',
          taskId: 'task-1',
          kind: 'stabilisation',
          assigneeOrganisationId: 'zfw-1',
          assigneeKind: 'community',
          note: text('社区网格员每周上门走访一次'),
        },
        metadata: { actor: chief, now: t(2) },
      })
      .then([taskAssigned]);
  });

  it('refuses a task id twice, and tasks by a hospital', () => {
    const assign = (actor: Actor): HighRiskPersonCommand => ({
      type: 'AssignStabilisationTask',
      data: {
        personId: 'p1',
        taskId: 'task-1',
        kind: 'help',
        assigneeOrganisationId: 'zfw-1',
        assigneeKind: 'community',
        note: text('帮助解决就医费用困难'),
      },
      metadata: { actor, now: t(3) },
    });
    expectCode([...active, taskAssigned], assign(chief), 'HIGH_RISK.TASK_EXISTS');
    expectCode(active, assign(hospital), 'HIGH_RISK.NOT_AUTHORISED');
  });

  it('completes a task: its clock is met; not twice, not an unknown one', () => {
    const complete = (taskId = 'task-1'): HighRiskPersonCommand => ({
      type: 'CompleteStabilisationTask',
      data: { personId: 'p1', taskId, outcome: text('已走访三次，情绪稳定') },
      metadata: { actor: zfw, now: t(9) },
    });
    const completed: HighRiskPersonEvent = {
      type: 'StabilisationTaskCompleted',
      data: {
        ...ref,
        flagNo: 1,
        taskId: 'task-1',
        outcome: sealed('已走访三次，情绪稳定'),
        actingOrganisationId: 'zfw-1',
        completedAt: s(9),
        clocks: [{ action: 'stop', deadlineId: 'p1/task-task-1', at: s(9) }],
      },
    };
    given([...active, taskAssigned])
      .when(complete())
      .then([completed]);
    expectCode([...active, taskAssigned, completed], complete(), 'HIGH_RISK.TASK_ALREADY_COMPLETED');
    expectCode(active, complete('nope'), 'HIGH_RISK.TASK_NOT_FOUND');
  });

  it('arranges treatment only for a severe mental disorder flag', () => {
    const arrange: HighRiskPersonCommand = {
      type: 'ArrangeTreatment',
      data: {
        personId: 'p1',
        measureId: 'm-2',
        arrangement: 'outpatient_follow_up',
        note: text('精神卫生中心每月随访服药'),
      },
      metadata: { actor: zfw, now: t(3) },
    };
    expectCode(active, arrange, 'HIGH_RISK.TREATMENT_NOT_APPLICABLE');
    const mental = [
      registered,
      {
        ...proposed(),
        data: {
          ...(proposed().data as object),
          categories: [{ category: 'severe_mental_disorder_with_risk', grounds: sealed(behaviour) }],
        },
      } as HighRiskPersonEvent,
      { ...approved(), data: { ...(approved().data as object), categories: ['severe_mental_disorder_with_risk'] } } as HighRiskPersonEvent,
    ];
    given(mental)
      .when(arrange)
      .then([
        {
          type: 'TreatmentArranged',
          data: {
            ...ref,
            flagNo: 1,
            measureId: 'm-2',
            arrangement: 'outpatient_follow_up',
            note: sealed('精神卫生中心每月随访服药'),
            actingOrganisationId: 'zfw-1',
            arrangedAt: s(3),
          },
        },
      ]);
  });
});

describe('review, removal, expiry', () => {
  it('renews with a reason: the old review clock is met and a new one starts', () => {
    given(active)
      .when({ type: 'RenewFlag', data: { personId: 'p1', reason: text('近三月仍多次到院缠闹') }, metadata: { actor: zfw, now: t(300) } })
      .then([
        {
          type: 'FlagRenewed',
          data: {
            ...ref,
            flagNo: 1,
            reviewNo: 1,
            reason: sealed('近三月仍多次到院缠闹'),
            reviewingOrganisationId: 'zfw-1',
            renewedAt: s(300),
            clocks: [{ action: 'stop', deadlineId: 'p1/flag-1/review-1', at: s(300) }, reviewStart(1, 2, 300, 'zfw-1')],
          },
        },
      ]);
  });

  it('renewal needs a reason, an approver role and an active flag', () => {
    const renew = (actor: Actor, reason = '近三月仍多次到院缠闹'): HighRiskPersonCommand => ({
      type: 'RenewFlag',
      data: { personId: 'p1', reason: text(reason) },
      metadata: { actor, now: t(300) },
    });
    expectCode(active, renew(zfw, ''), 'HIGH_RISK.REASON_REQUIRED');
    expectCode(active, renew(dispatcher), 'HIGH_RISK.NOT_AUTHORISED');
    expectCode([registered, proposed()], renew(zfw), 'HIGH_RISK.FLAG_NOT_ACTIVE');
  });

  it('removes with a reason, cancelling open task clocks', () => {
    given([...active, taskAssigned])
      .when({
        type: 'RemoveFlag',
        data: { personId: 'p1', reason: text('已治疗稳定，半年无异常') },
        metadata: { actor: chief, now: t(10) },
      })
      .then([
        {
          ...removed,
          data: {
            ...(removed.data as object),
            clocks: [
              { action: 'stop', deadlineId: 'p1/flag-1/review-1', at: s(10) },
              { action: 'cancel', deadlineId: 'p1/task-task-1', at: s(10), reason: 'flag removed' },
            ],
          },
        } as HighRiskPersonEvent,
      ]);
  });

  it('removal needs a reason', () => {
    expectCode(
      active,
      { type: 'RemoveFlag', data: { personId: 'p1', reason: text('') }, metadata: { actor: chief, now: t(10) } },
      'HIGH_RISK.REMOVAL_REASON_REQUIRED',
    );
    expectCode(
      active,
      { type: 'RemoveFlag', data: { personId: 'p1', reason: text('不需要') }, metadata: { actor: chief, now: t(10) } },
      'HIGH_RISK.REMOVAL_REASON_REQUIRED',
    );
  });

  const expire = (deadlineId = 'p1/flag-1/review-1'): HighRiskPersonCommand => ({
    type: 'ExpireFlag',
    data: { personId: 'p1', deadlineId },
    metadata: { actor: system, now: t(366) },
  });
  const expired: HighRiskPersonEvent = {
    type: 'FlagExpired',
    data: { ...ref, flagNo: 1, deadlineId: 'p1/flag-1/review-1', expiredAt: s(366), clocks: [] },
  };

  it('an unreviewed flag expires when its review clock breaches', () => {
    given(active).when(expire()).then([expired]);
  });

  it('expiry is idempotent and ignores stale clocks', () => {
    given([...active, expired])
      .when(expire())
      .thenNothingHappens();
    given([...active, removed])
      .when(expire())
      .thenNothingHappens();
    given(active).when(expire('p1/flag-1/review-2')).thenNothingHappens(); // not the current review clock
    given([]).when(expire()).thenNothingHappens();
  });

  it('an expired flag no longer warns and takes no measures', () => {
    given([...active, expired])
      .when({
        type: 'CheckAtHospital',
        data: { personId: 'p1', alertId: 'a-1', hospitalRegionCode: '500101' },
        metadata: { actor: hospital, now: t(400) },
      })
      .thenNothingHappens();
    expectCode(
      [...active, expired],
      { type: 'RenewFlag', data: { personId: 'p1', reason: text('仍需关注的理由如下') }, metadata: { actor: zfw, now: t(400) } },
      'HIGH_RISK.FLAG_NOT_ACTIVE',
    );
  });
});

describe('hospital checks', () => {
  const check = (days = 5): HighRiskPersonCommand => ({
    type: 'CheckAtHospital',
    data: { personId: 'p1', alertId: 'a-1', hospitalRegionCode: '500101' },
    metadata: { actor: { ...hospital, organisationId: 'hosp-2' }, now: t(days) },
  });

  it('raises an alert with the categories and advice for an active flag', () => {
    given(active)
      .when(check())
      .then([
        {
          type: 'ArrivalAlertRaised',
          data: {
            ...ref,
            alertId: 'a-1',
            flagNo: 1,
            hospitalId: 'hosp-2',
            hospitalRegionCode: '500101',
            categories: ['threatened_violence'],
            advice: ['remind_staff', 'security_escort', 'notify_police'],
            checkedAt: s(5),
          },
        },
      ]);
  });

  it('says nothing while the flag is only proposed (activation needs approval), nor after removal or erasure', () => {
    given([registered, proposed()]).when(check()).thenNothingHappens();
    given([...active, removed])
      .when(check())
      .thenNothingHappens();
    given([...active, removed, erased])
      .when(check())
      .thenNothingHappens();
  });

  it('advises police only where violence is in view', () => {
    expect(adviceFor(['repeated_unreasonable_disturbance'])).toEqual(['remind_staff', 'security_escort']);
    expect(adviceFor(['repeated_petitions_or_extreme_behaviour', 'drunk_or_on_drugs'])).toContain('notify_police');
  });
});

describe('erasure', () => {
  const erase = (actor: Actor = chief, legalBasis = '个人信息保护法第四十七条 删除请求'): HighRiskPersonCommand => ({
    type: 'ErasePerson',
    data: { personId: 'p1', legalBasis },
    metadata: { actor, now: t(20) },
  });

  it('erases a person whose flag has ended', () => {
    given([...active, removed])
      .when(erase())
      .then([erased]);
  });

  it('is idempotent', () => {
    given([...active, removed, erased])
      .when(erase())
      .thenNothingHappens();
  });

  it('needs the flag ended first, a station chief, a legal basis, a known person', () => {
    expectCode(active, erase(), 'HIGH_RISK.FLAG_STILL_OPEN');
    expectCode([...active, removed], erase(zfw), 'HIGH_RISK.NOT_AUTHORISED');
    expectCode([...active, removed], erase(chief, ' '), 'HIGH_RISK.REASON_REQUIRED');
    expectCode([], erase(), 'HIGH_RISK.NOT_FOUND');
  });

  it('refuses every measure on an erased person', () => {
    expectCode(
      [...active, removed, erased],
      { type: 'ApproveFlag', data: { personId: 'p1' }, metadata: { actor: chief, now: t(21) } },
      'HIGH_RISK.PERSON_ERASED',
    );
  });
});

describe('clocks', () => {
  it('maps the events’ clock instructions to runtime clock ops', () => {
    expect(clockStepsFor(approved())).toEqual([
      {
        op: 'start',
        id: 'p1/flag-1/review-1',
        subject: 'p1',
        rule: 'high-risk-flag-review',
        startedAt: t(1),
        responsibleOrganisationId: 'station-1',
        supervisingOrganisationId: null,
      },
    ]);
    expect(clockStepsFor(removed)).toEqual([{ op: 'met', id: 'p1/flag-1/review-1', at: t(10) }]);
    expect(clockStepsFor({ type: 'X', data: { clocks: [{ action: 'cancel', deadlineId: 'd', at: s(1), reason: 'r' }] } })).toEqual([
      { op: 'cancel', id: 'd', reason: 'r', at: t(1) },
    ]);
    expect(clockStepsFor(registered)).toEqual([]);
  });

  it('has a configurable review period, 12 months (365 days) by default', () => {
    expect(highRiskDeadlineRules()[0].length).toEqual({ unit: 'calendar_days', amount: 365 });
    expect(highRiskDeadlineRules(ruleSettingsFromEnv({ HIGH_RISK_REVIEW_PERIOD_DAYS: '180' }))[0].length.amount).toBe(180);
    expect(() => ruleSettingsFromEnv({ HIGH_RISK_REVIEW_PERIOD_DAYS: '1.5' })).toThrow();
  });
});
