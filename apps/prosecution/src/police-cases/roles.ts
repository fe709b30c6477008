import type { Role } from '@pingan/access';

/** Who acts for each body in a police case. */
export const POLICE_ROLES = ['police_case_officer', 'station_chief'] as const satisfies readonly Role[];
export const PROCURATORATE_ROLES = ['prosecutor'] as const satisfies readonly Role[];
export const COURT_ROLES = ['judge'] as const satisfies readonly Role[];
/** 挂牌督办 by a superior body: police leadership, a health commission, a political-legal committee. */
export const SUPERVISOR_ROLES = ['station_chief', 'health_commission_official', 'political_legal_officer'] as const satisfies readonly Role[];
