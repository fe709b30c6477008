/**
 * China's administrative division codes (行政区划代码, GB/T 2260): 6 digits, 2 for the
 * province, 2 for the city (prefecture), 2 for the county. A province is written with
 * trailing zeros (500000), a city too (500100). '000000' stands for the whole country
 * (the national level has no code of its own in GB/T 2260).
 */
export const NATIONAL_REGION = '000000';

export type RegionLevel = 'national' | 'province' | 'city' | 'county';

const SIX_DIGITS = /^\d{6}$/;

/** A well-formed code: 6 digits, and no county digits under a missing city (e.g. 500001 is not). */
export function isRegionCode(code: unknown): code is string {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return false;
  const province = code.slice(0, 2);
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  if (province === '00') return code === NATIONAL_REGION;
  if (city === '00') return county === '00';
  return true;
}

export function assertRegionCode(code: string): string {
  if (!isRegionCode(code)) throw new RangeError(`not a region code: ${JSON.stringify(code)}`);
  return code;
}

export function regionLevel(code: string): RegionLevel {
  assertRegionCode(code);
  if (code === NATIONAL_REGION) return 'national';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The digits every code inside the region starts with: '' (national), '50', '5001', '500101'. */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'national':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}

/**
 * True when `inner` lies in `outer` (or is it): containment is a prefix test on 2/4/6 digits,
 * so a city contains its counties, a province its cities and counties, the nation everything.
 */
export function regionContains(outer: string, inner: string): boolean {
  if (!isRegionCode(outer) || !isRegionCode(inner)) return false; // unknown data never widens access
  return inner.startsWith(regionPrefix(outer));
}

/** The region one level up: 500101 → 500100 → 500000 → 000000; the nation has none. */
export function parentRegion(code: string): string | undefined {
  switch (regionLevel(code)) {
    case 'national':
      return undefined;
    case 'province':
      return NATIONAL_REGION;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
  }
}
