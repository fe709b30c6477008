import type { Role } from '@pingan/access';

/** Who acts for each body in a police case. */
export const POLICE_ROLES = ['police_case_officer', 'station_chief'] as const satisfies readonly Role[];
export const PROCURATORATE_ROLES = ['prosecutor'] as const satisfies readonly Role[];
export const COURT_ROLES = ['judge'] as const satisfies readonly Role[];
/** 挂牌督办 by a superior body: police leadership, a health commission, a political-legal committee. */
export const SUPERVISOR_ROLES = [
  'station_chief',
  'health_commission_official',
  'political_legal_officer',
] as const satisfies readonly Role[];
/**
 * Who reads police cases at all (the policy then decides which): the bodies working or overseeing
 * them. System administrators run the directory and see no case data, even when their own
 * organisation is party to a case; hospitals are not party to the police file.
 */
export const CASE_READER_ROLES = [
  'police_dispatcher',
  'police_case_officer',
  'station_chief',
  'health_commission_official',
  'prosecutor',
  'judge',
  'political_legal_officer',
] as const satisfies readonly Role[];
