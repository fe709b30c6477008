import { regionName } from './region-names.js';

describe('regionName: the 行政区划 name an official writes', () => {
  it.each([
    ['330302', '浙江省温州市鹿城区'],
    ['330300', '浙江省温州市'],
    ['330000', '浙江省'],
    ['500103', '重庆市渝中区'],
    ['110101', '北京市东城区'],
    ['000000', '全国'],
  ])('names %s as %s', (code, name) => {
    expect(regionName(code)).toBe(name);
  });

  it('shows a code the dataset does not know as the code itself', () => {
    expect(regionName('339999')).toBe('339999');
    expect(regionName('not a code')).toBe('not a code');
  });
});
