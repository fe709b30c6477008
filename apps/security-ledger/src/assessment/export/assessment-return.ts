import { LABELS, shanghaiDateTimeOf } from '@pingan/contracts';
import type { OfficialReturn, ReturnColumn } from '@pingan/platform';
import type { GetAssessmentHandler } from '../queries/get-assessment.js';

export type AssessmentView = Awaited<ReturnType<GetAssessmentHandler['execute']>>;

const OWNERSHIP = { public: '公立', private: '民营' } as const;

/** A recorded assessment as the commission files it: one row per hospital, each item's score, the total and grade. */
export function assessmentReturn(a: AssessmentView, now: Date): OfficialReturn {
  const graded = a.sheet.bands.length > 0;
  const columns: ReturnColumn[] = [
    { header: '序号', width: 6 },
    { header: '医院名称', width: 30 },
    { header: '所属区域', width: 22 },
    { header: '医院等级', width: 9 },
    { header: '所有制', width: 8 },
    ...a.sheet.items.map((i) => ({ header: `${i.title}\n（${i.points}分）`, width: 14, numFmt: '0.0' })),
    { header: `总分\n（满分${a.sheet.total}分）`, width: 12, numFmt: '0.0' },
    ...(graded ? [{ header: '等次', width: 10 }] : []),
    { header: '总体达标情况', width: 12 },
  ];
  const rows = a.hospitals.map((h, n) => [
    n + 1,
    h.name,
    h.regionName,
    h.level ?? '未定级',
    h.ownership ? OWNERSHIP[h.ownership] : '未注明',
    ...a.sheet.items.map((item) => h.scores.find((s) => s.itemId === item.id)?.score ?? 0),
    h.total,
    ...(graded ? [h.grade ?? '—'] : []),
    LABELS.securityCompliance[h.compliance],
  ]);
  const average = a.hospitals.length ? Math.round((a.hospitals.reduce((n, h) => n + h.total, 0) / a.hospitals.length) * 10) / 10 : 0;
  const sheetOrigin = a.sheet.origin === 'default' ? '系统默认评分表' : `${a.sheet.origin}评分表第${a.sheet.version}版`;
  return {
    sheetName: `考评 ${a.year}`,
    title: `《${a.year}年度平安医院考评结果》（${a.regionName}）`,
    particulars: [
      `考评区域：${a.regionName}（${a.regionCode}）`,
      `评分表：${a.sheet.title}（${sheetOrigin}，满分${a.sheet.total}分）`,
      `考评基准日：${a.asOf}`,
      `制表时间：${shanghaiDateTimeOf(now).slice(0, 16)}（北京时间）`,
    ],
    columns,
    rows,
    totals: [
      '合计',
      `医院${a.hospitals.length}家`,
      null,
      null,
      null,
      ...a.sheet.items.map(() => null),
      `平均${average}分`,
      ...(graded
        ? [
            Object.entries(a.grades)
              .map(([g, n]) => `${g}${n}家`)
              .join('，'),
          ]
        : []),
      null,
    ],
    notes: ['说明：各项达标或不适用（合理缺项）得该项满分，未达标或待核实（未填报）不得分；按考评时各医院最近一次填报的安全档案计分。'],
  };
}
