/**
 * Which workbench each role has and what its menu shows: a role sees only what it may use.
 * The first entry of the first matching workbench is where the user lands ("what needs me now").
 */
export interface MenuEntry {
  path: string;
  label: string;
}

export interface Workbench {
  key: string;
  label: string;
  roles: string[];
  entries: MenuEntry[];
}

export const WORKBENCHES: Workbench[] = [
  {
    key: 'hospital',
    label: '医院保卫处',
    roles: ['hospital_security_officer'],
    entries: [
      { path: '/hospital', label: '工作台' },
      { path: '/hospital/report', label: '上报警情' },
      { path: '/hospital/incidents', label: '本院警情' },
      { path: '/hospital/door-check', label: '门岗核查' },
      { path: '/hospital/security-profile', label: '安全台账' },
    ],
  },
  {
    key: 'police',
    label: '公安',
    roles: ['police_dispatcher', 'station_chief'],
    entries: [
      { path: '/police/board', label: '实时警情看板' },
      { path: '/police/incidents', label: '辖区警情' },
    ],
  },
  {
    key: 'police-cases',
    label: '公安办案',
    roles: ['police_case_officer'],
    entries: [
      { path: '/police/cases', label: '我的案件' },
      { path: '/police/incidents', label: '辖区警情' },
    ],
  },
  {
    key: 'overview',
    label: '工作台',
    roles: ['health_commission_official', 'political_legal_officer', 'mediator', 'prosecutor', 'judge', 'hospital_complaints_officer'],
    entries: [{ path: '/overview', label: '工作台' }],
  },
  {
    // After the overview: the complaints officer still lands on its 工作台, the menu adds these.
    key: 'complaints',
    label: '医院投诉办',
    roles: ['hospital_complaints_officer'],
    entries: [
      { path: '/complaints/intake', label: '投诉接待' },
      { path: '/hospital/door-check', label: '门岗核查' },
      { path: '/complaints/disputes', label: '本院纠纷' },
    ],
  },
  {
    // After the overview: the commission still lands on its 工作台, the menu adds the ledger.
    key: 'ledger',
    label: '安全台账',
    roles: ['health_commission_official'],
    entries: [
      { path: '/ledger', label: '安全台账' },
      { path: '/ledger/assessment', label: '年度考评' },
    ],
  },
];

/** A screen two of the user's workbenches share (门岗核查 for one with both hospital roles) is listed once, in the first. */
export function workbenchesOf(roles: string[]): Workbench[] {
  const listed = new Set<string>();
  return WORKBENCHES.filter((w) => w.roles.some((role) => roles.includes(role)))
    .map((w) => ({ ...w, entries: w.entries.filter((e) => !listed.has(e.path) && listed.add(e.path)) }))
    .filter((w) => w.entries.length > 0);
}

export const landingOf = (roles: string[]): string => workbenchesOf(roles)[0]?.entries[0]?.path ?? '/nothing';
