/**
 * The resident identity card number (公民身份号码, GB 11643-1999): 6 digits of the region of
 * household registration (GB/T 2260), 8 of the birth date (YYYYMMDD), 3 of a sequence (odd for
 * men, even for women) and a check character computed with ISO 7064 MOD 11-2 (0-9 or X).
 * Pure: the caller passes today's date so that a future birth date is caught without a clock here.
 */
import { isCalendarDate } from '@pingan/contracts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432'; // index = weighted sum mod 11

// Province-level codes of GB/T 2260 (incl. 71 Taiwan, 81 Hong Kong, 82 Macao, 83 the
// Hong Kong/Macao/Taiwan residence permits, which use the same format).
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'checksum';

/** Upper-case X, no spaces: the form that is hashed and compared. */
export const normaliseResidentId = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Why a number is not a valid resident ID number, or null when it is. */
export function residentIdProblem(value: string, today: Date): ResidentIdProblem | null {
  const id = normaliseResidentId(value);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000') return 'region';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isCalendarDate(year, month, day) || year < 1900 || Date.UTC(year, month - 1, day) > today.getTime()) return 'birth_date';
  if (residentIdCheckCharacter(id) !== id[17]) return 'checksum';
  return null;
}

export const isValidResidentId = (value: string, today: Date): boolean => residentIdProblem(value, today) === null;
