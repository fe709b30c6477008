import { NATIONAL_REGION, isRegionCode, parentRegion, regionContains, regionLevel, regionPrefix } from './regions.js';

// Chongqing: province 500000, its city-level part 500100, 万州区 500101, 渝中区 500103.
// Sichuan 510000, Chengdu 510100, 锦江区 510104.
describe('region codes', () => {
  it.each([
    ['000000', 'national', ''],
    ['500000', 'province', '50'],
    ['500100', 'city', '5001'],
    ['500101', 'county', '500101'],
  ])('%s is %s with prefix "%s"', (code, level, prefix) => {
    expect(regionLevel(code)).toBe(level);
    expect(regionPrefix(code)).toBe(prefix);
  });

  it.each(['50010', '5001011', 'abcdef', '', '000101', '001000', '500001', 500101])('rejects %p', (code) => {
    expect(isRegionCode(code)).toBe(false);
  });

  it('walks up county → city → province → nation', () => {
    expect(parentRegion('500101')).toBe('500100');
    expect(parentRegion('500100')).toBe('500000');
    expect(parentRegion('500000')).toBe(NATIONAL_REGION);
    expect(parentRegion(NATIONAL_REGION)).toBeUndefined();
  });

  describe('containment by 2/4/6-digit prefix', () => {
    it.each([
      // outer, inner, contained
      ['500101', '500101', true], // a county contains itself
      ['500101', '500103', false], // not its neighbour
      ['500101', '500100', false], // nor its city
      ['500100', '500101', true], // a city its counties
      ['500100', '500103', true],
      ['500100', '500200', false], // not the next city (重庆 县 500200)
      ['500100', '510104', false], // nor another province's county
      ['500000', '500101', true], // a province its counties
      ['500000', '500100', true], // and cities
      ['500000', '510100', false],
      ['000000', '510104', true], // the nation everything
      ['000000', '500000', true],
      ['500101', '000000', false],
      ['500100', '50010X', false], // bad data never widens access
      ['5001', '500101', false], // a malformed outer code contains nothing
    ])('%s contains %s: %s', (outer, inner, contained) => {
      expect(regionContains(outer, inner)).toBe(contained);
    });
  });
});
