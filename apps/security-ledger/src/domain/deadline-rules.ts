import type { SecurityLedgerDeadlineRuleName } from '@pingan/contracts';
import type { DeadlineRule } from '@pingan/deadlines';

/**
 * The security ledger's clocks, as data.
 *
 * | rule | starts | stops (met) |
 * |---|---|---|
 * | self-inspection-return | SelfInspectionReturnSet (one clock per hospital of the region) | SelfInspectionReturnFiled |
 * | rectification-item | RectificationItemIssued (one clock per item) | RectificationSignedOff (not the hospital's report: 销号 is the inspector's) |
 *
 * The seeds ask commissions to keep the ledger and supervise it [S0 三(三), S2 四(四)] but set no
 * period: the commission sets each return's due date, so every clock carries its own due instant
 * (24:00 Shanghai time of the due day) and the length here is only the library's required default.
 * Likewise each rectification item's due day is the inspector's; a breach is escalated to the
 * inspecting unit.
 */
export const securityLedgerDeadlineRules = () =>
  [
    {
      name: 'self-inspection-return',
      source: '[S0 三(三)] 建立医院安全秩序管理工作台账；[S2 四(四)] 加强督导（填报期限由卫生健康委逐次设定）',
      length: { unit: 'calendar_days', amount: 30 },
      warnAtFraction: 0.75,
    },
    {
      name: 'rectification-item',
      source: '[S0 三(三)] 完成一家，销号一家；[S0 三(四)] 督办、通报、约谈（整改期限由检查单位逐项设定）',
      length: { unit: 'calendar_days', amount: 30 },
      warnAtFraction: 0.75,
    },
  ] as const satisfies readonly (DeadlineRule & { name: SecurityLedgerDeadlineRuleName })[];
