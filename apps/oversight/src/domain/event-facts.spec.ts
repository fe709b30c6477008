import type { EventEnvelope } from '@pingan/contracts';
import { FED_CONTEXTS, addresseeRegion, beijingTime, factsOf, labelOf, outcomeOf, shanghaiMonthOf, summaryOf } from './event-facts.js';

const envelope = (context: string, type: string, data: Record<string, unknown>) => ({ context, type, data }) as unknown as EventEnvelope;
const ref = { caseNumber: '500101-20261110-0001', hospitalId: 'h1', regionCode: '500101' };

describe('event facts', () => {
  it('reads region, hospital and the organisations an event makes parties', () => {
    expect(
      factsOf(envelope('prosecution', 'CaseTransferredForProsecution', { ...ref, procuratorateId: 'p1', transferringUnitId: 'u1' })),
    ).toEqual({
      regionCode: '500101',
      hospitalId: 'h1',
      partyIds: ['p1', 'u1'],
    });
    // The reporter is the actor, not a holder of the case; nested references count one level down.
    expect(
      factsOf(envelope('incidents', 'IncidentReported', { ...ref, reportedByOrganisationId: 'r', x: { mediatorOrganisationId: 'm' } }))
        .partyIds,
    ).toEqual(['m']);
    expect(
      factsOf(
        envelope('incidents', 'DeadlineStarted', { deadlineId: 'd', responsibleOrganisationId: 'st', supervisingOrganisationId: 'bu' }),
      ),
    ).toEqual({
      regionCode: null,
      hospitalId: null,
      partyIds: ['st', 'bu'],
    });
  });

  it('summarises without personal data or free text', () => {
    const line = summaryOf(
      envelope('incidents', 'IncidentReported', {
        ...ref,
        channel: 'call_110',
        major: true,
        caller: { name: '张三' },
        description: '打人',
        classification: { categories: ['assault_on_staff'] },
      }),
    );
    expect(line).toBe('报告涉医警情（类别：暴力伤医；重大事件；渠道：110报警）');
    expect(summaryOf(envelope('disputes', 'MediationFailed', { reason: 'expired', attempt: 1 }))).toBe(
      '调解不成（原因：调解期满未达成协议；第1次）',
    );
    expect(summaryOf(envelope('prosecution', 'CaseConvertedToCriminal', { reason: '张三 有前科' }))).toBe('转为刑事案件');
    expect(summaryOf(envelope('high-risk-persons', 'FlagProposed', { name: '张三', reason: 'other' }))).toBe('提请列为重点人员');
    expect(
      summaryOf(envelope('incidents', 'DeadlineWarned', { clock: 'national_report', state: 'warned', dueAt: '2026-12-03T08:05:00Z' })),
    ).toBe('时限即将到期（时限：12小时内报告国家卫健委；期限：2026-12-03 16:05（北京时间）；状态：即将到期）');
    expect(summaryOf(envelope('disputes', 'DeadlineMet', { rule: 'peoples-mediation', state: 'met' }))).toBe(
      '按时完成（规则：人民调解期限（peoples-mediation）；状态：按时完成）',
    );
    // The security ledger's return clocks are fed and named like any other.
    expect(FED_CONTEXTS).toContain('security-ledger');
    expect(
      summaryOf(
        envelope('security-ledger', 'DeadlineBreached', {
          rule: 'self-inspection-return',
          state: 'breached',
          dueAt: '2026-12-03T16:00:00Z',
        }),
      ),
    ).toBe('超过时限（规则：安全自查填报期限（self-inspection-return）；期限：2026-12-04 00:00（北京时间）；状态：已超时）');
    expect(summaryOf(envelope('security-ledger', 'SelfInspectionReturnFiled', { returnId: 'r1', hospitalId: 'h1' }))).toBe(
      '提交安全自查填报',
    );
    // Inspections and rectification: the kind in words, an item's clock by its family (整改期限).
    expect(summaryOf(envelope('security-ledger', 'InspectionRecorded', { kind: 'supervision', hospitalId: 'h1' }))).toBe(
      '记录安全检查/督导（类型：督导）',
    );
    expect(
      summaryOf(
        envelope('security-ledger', 'DeadlineBreached', { rule: 'rectification-item', state: 'breached', dueAt: '2026-12-03T16:00:00Z' }),
      ),
    ).toBe('超过时限（规则：整改期限（rectification-item）；期限：2026-12-04 00:00（北京时间）；状态：已超时）');
    expect(summaryOf(envelope('security-ledger', 'RectificationSentBack', { reason: '人员未到岗', itemId: '1' }))).toBe('整改退回');
    // An event not yet named in Chinese still shows, under its code.
    expect(summaryOf(envelope('incidents', 'SomethingNew', {}))).toBe('SomethingNew');
    expect(labelOf(['penaltyKind'], 'fine')).toBe('罚款');
    expect(beijingTime('2026-12-03T08:05:00.000Z')).toBe('2026-12-03 16:05（北京时间）');
  });

  it('classifies outcomes for statistics', () => {
    expect(outcomeOf(envelope('disputes', 'MediationFailed', { reason: 'expired' }))).toEqual({
      area: 'mediation',
      outcome: 'failed:expired',
    });
    expect(outcomeOf(envelope('prosecution', 'AdministrativePenaltyDecided', { penalty: { kind: 'fine' } }))).toEqual({
      area: 'penalty',
      outcome: 'fine',
    });
    expect(outcomeOf(envelope('prosecution', 'ArrestApprovalDecided', { outcome: 'approved' }))).toEqual({
      area: 'prosecution',
      outcome: 'arrest_approved',
    });
    expect(outcomeOf(envelope('incidents', 'PoliceArrived', {}))).toBeNull();
  });

  it('counts months in Asia/Shanghai', () => {
    expect(shanghaiMonthOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(shanghaiMonthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });

  it('addresses each level of a chain to its region', () => {
    expect(addresseeRegion('health', 'county', '500101')).toBe('500101');
    expect(addresseeRegion('health', 'city', '500101')).toBe('500100');
    expect(addresseeRegion('health', 'province', '500101')).toBe('500000');
    expect(addresseeRegion('health', 'national', '500101')).toBe('000000');
    expect(addresseeRegion('political_legal', 'local', '500101')).toBe('500101');
  });
});
