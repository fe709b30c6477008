import type { AssessmentSheet, SecurityProfile } from '@pingan/contracts';
import { emptyProfile } from '../domain/security-profile.js';
import { evaluateHospital } from '../domain/standards.js';
import { DEFAULT_ASSESSMENT_SHEET, normalisedSheet, sheetErrors } from './scoring-sheet.js';
import { scoreHospital, type ScoringInput } from './scoring.js';

const sheet: AssessmentSheet = {
  title: '测试评分表',
  total: 30,
  items: [
    { id: 'g', kind: 'guards', title: '保安', points: 12.5, source: null },
    { id: 'staff', kind: 'police_office_staffing', title: '警务室人员', points: 7.5, source: null },
    { id: 'ins', kind: 'liability_insurance', title: '医责险', points: 10, source: null },
  ],
  bands: [
    { grade: '合格', minScore: 20 },
    { grade: '优秀', minScore: 27.5 },
  ],
};
const input = (requirements: ScoringInput['requirements'], profile: Partial<SecurityProfile> = {}): ScoringInput => ({
  filed: true,
  requirements,
  profile: { ...emptyProfile(), ...profile },
});

describe('scoring a hospital against a sheet', () => {
  it('gives an item its points when every standard of its kind is met, none when one is not', () => {
    const met = scoreHospital(
      sheet,
      input(
        [
          { kind: 'guards', status: 'met', figure: '需配备保安47人，现有50人' },
          { kind: 'guards', status: 'met', figure: '床位20:1' },
        ],
        { liabilityInsurance: true },
      ),
    );
    expect(met.scores[0]).toEqual({ itemId: 'g', status: 'met', score: 12.5, figure: '需配备保安47人，现有50人；床位20:1' });
    const short = scoreHospital(
      sheet,
      input([
        { kind: 'guards', status: 'met', figure: 'a' },
        { kind: 'guards', status: 'not_met', figure: 'b' },
      ]),
    );
    expect(short.scores[0]).toMatchObject({ status: 'not_met', score: 0 });
  });

  it('reads unknown as no points and a kind with no standard here as not applicable (full points)', () => {
    const r = scoreHospital(sheet, input([{ kind: 'guards', status: 'unknown', figure: '未填报保安员人数' }]));
    expect(r.scores.map((s) => [s.itemId, s.status, s.score])).toEqual([
      ['g', 'unknown', 0],
      ['staff', 'not_applicable', 7.5],
      ['ins', 'unknown', 0],
    ]);
    expect(r.total).toBe(7.5);
    expect(r.grade).toBeNull();
  });

  it('adds tenths exactly and grades by the highest band reached (at the band exactly)', () => {
    const r = scoreHospital(sheet, input([{ kind: 'guards', status: 'met', figure: '' }], { liabilityInsurance: true }));
    expect(r.total).toBe(30);
    expect(r.grade).toBe('优秀');
    const edge = scoreHospital(
      { ...sheet, items: [{ ...sheet.items[0]!, points: 20 }, sheet.items[1]!, sheet.items[2]!], total: 37.5 },
      input([{ kind: 'guards', status: 'met', figure: '' }], { liabilityInsurance: false }),
    );
    expect(edge.total).toBe(27.5);
    expect(edge.grade).toBe('优秀');
  });

  it('scores nothing for a hospital that has not filed', () => {
    const r = scoreHospital(DEFAULT_ASSESSMENT_SHEET, { filed: false, requirements: [], profile: null });
    expect(r.total).toBe(0);
    expect(new Set(r.scores.map((s) => s.status))).toEqual(new Set(['unknown']));
  });

  it('scores the default sheet from the standards’ own evaluation (a 万州 grade-三 hospital)', () => {
    const profile: SecurityProfile = {
      ...emptyProfile(),
      openBeds: 1210,
      onDutyMedicalStaff: 1550,
      dailyOutpatients: 6500,
      guards: 39,
      certifiedGuards: 39,
      trainingSessions: 4,
      liabilityInsurance: true,
    };
    const evaluation = evaluateHospital({ regionCode: '500101', level: '三级', ownership: 'public' }, profile, '2026-07-01');
    const r = scoreHospital(DEFAULT_ASSESSMENT_SHEET, { filed: true, requirements: evaluation.requirements, profile });
    const by = Object.fromEntries(r.scores.map((s) => [s.itemId, [s.status, s.score]]));
    // 47 guards needed (3 % of 1550), 39 there; every guard certified; training and insurance filed.
    expect(by).toMatchObject({
      guards: ['not_met', 0],
      guards_certified: ['met', 5],
      screening: ['unknown', 0],
      // 乌审旗's 90-day rule is not Chongqing's: 合理缺项, full points.
      video_retention: ['not_applicable', 5],
      training: ['met', 5],
      liability_insurance: ['met', 5],
    });
    expect(r.total).toBe(20);
  });
});

describe('validating a sheet', () => {
  it('accepts the default sheet, whose items add up to its 100 points', () => {
    expect(sheetErrors(DEFAULT_ASSESSMENT_SHEET)).toEqual([]);
    expect(DEFAULT_ASSESSMENT_SHEET.items.reduce((n, i) => n + i.points, 0)).toBe(100);
  });

  it('names each field at fault: negative points, unknown kinds, duplicate ids, the total not stated truly', () => {
    const bad = {
      title: ' ',
      total: 25,
      items: [
        { id: 'a', kind: 'guards', title: '保安', points: -1, source: null },
        { id: 'a', kind: 'incidents_handled', title: '案件', points: 10, source: null },
        { id: 'c', kind: 'drills', title: '', points: 1.25, source: null },
      ],
      bands: [{ grade: '优秀', minScore: 30 }],
    } as unknown as AssessmentSheet;
    expect(sheetErrors(bad).map((e) => [e.field, e.code])).toEqual([
      ['title', 'BLANK'],
      ['items[0].points', 'NOT_POINTS'],
      ['items[1].id', 'DUPLICATE'],
      ['items[1].kind', 'UNKNOWN_KIND'],
      ['items[2].title', 'BLANK'],
      ['items[2].points', 'NOT_POINTS'],
      ['bands[0].minScore', 'ABOVE_TOTAL'],
    ]);
  });

  it('refuses a total the items do not add up to, and an empty sheet', () => {
    expect(sheetErrors({ ...sheet, total: 31 })).toEqual([
      { field: 'total', code: 'TOTAL_MISMATCH', message: 'the items add up to 30, not 31' },
    ]);
    expect(sheetErrors({ ...sheet, items: [], total: 0, bands: [] }).map((e) => e.code)).toEqual(['EMPTY']);
    expect(sheetErrors({ ...sheet, bands: [...sheet.bands, { grade: '良好', minScore: 20 }] }).map((e) => e.field)).toEqual([
      'bands[2].minScore',
    ]);
  });

  it('keeps bands highest first and trims titles', () => {
    expect(normalisedSheet({ ...sheet, title: ' 表 ' }).bands.map((b) => b.grade)).toEqual(['优秀', '合格']);
    expect(normalisedSheet({ ...sheet, title: ' 表 ' }).title).toBe('表');
  });
});
