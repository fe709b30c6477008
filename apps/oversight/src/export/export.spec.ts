import { readXlsxWithOpenpyxl } from '@pingan/testing';
import { parse } from 'csv-parse/sync';
import { escapeHtml, printablePage } from './html.js';
import { returnCsv, returnXlsx, toCsv, type OfficialReturn } from '@pingan/platform';

// Read back with readers independent of the writers: csv-parse for csv-stringify, openpyxl for ExcelJS.
const report: OfficialReturn = {
  sheetName: '统计/2026-11',
  title: '测试统计表',
  particulars: ['填报单位：万州区卫生健康委员会', '统计期间：2026年11月1日至2026年11月30日'],
  columns: [
    { header: '项目', width: 20 },
    { header: '数量', width: 8 },
    { header: '比率', width: 10, numFmt: '0.0%' },
  ],
  rows: [
    ['a & <b>', 1, 0.5],
    ['=SUM(A1)', 2, null],
  ],
  totals: ['合计', 3, null],
  notes: ['说明：测试'],
};

describe('exports', () => {
  it('writes CSV with a BOM, CRLF, quoting, and formulas defused', () => {
    const text = toCsv([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['=SUM(A1)', -3],
      ['多行\n文本', null],
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(parse(text, { bom: true })).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ["'=SUM(A1)", '-3'],
      ['多行\n文本', ''],
    ]);
  });

  it('writes a return as CSV: title and particulars above the Chinese header, totals below', () => {
    const rows = parse(returnCsv(report), { bom: true, relax_column_count: true }) as string[][];
    expect(rows.slice(0, 4)).toEqual([
      ['测试统计表'],
      ['填报单位：万州区卫生健康委员会'],
      ['统计期间：2026年11月1日至2026年11月30日'],
      [''],
    ]);
    expect(rows[4]).toEqual(['项目', '数量', '比率']);
    expect(rows.slice(5)).toEqual([['a & <b>', '1', '0.5'], ["'=SUM(A1)", '2', ''], ['合计', '3', ''], ['说明：测试']]);
  });

  it('writes a return as XLSX that openpyxl reads: merged title, particulars, frozen header, widths, totals', async () => {
    const [sheet] = readXlsxWithOpenpyxl(await returnXlsx(report));
    expect(sheet.name).toBe('统计_2026-11');
    expect(sheet.rows).toEqual([
      ['测试统计表', null, null],
      ['填报单位：万州区卫生健康委员会', null, null],
      ['统计期间：2026年11月1日至2026年11月30日', null, null],
      ['项目', '数量', '比率'],
      ['a & <b>', 1, 0.5],
      ['=SUM(A1)', 2, null], // a string, not a formula: ExcelJS writes it as text
      ['合计', 3, null],
      ['说明：测试', null, null],
    ]);
    expect(sheet.merged).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2', 'A3:C3', 'A8:C8']));
    expect(sheet.freeze).toBe('A5');
    expect(sheet.widths).toEqual({ A: 20, B: 8, C: 10 });
    expect(sheet.bold).toEqual(expect.arrayContaining(['A1', 'A4', 'B4', 'C4', 'A7', 'B7']));
  });

  it('prints a page with particulars, escaped', () => {
    const page = printablePage('标题', ['医疗机构：<x>'], ['事件'], [['a & b']]);
    expect(page).toContain('<li>医疗机构：&lt;x&gt;</li>');
    expect(page).toContain('<td>a &amp; b</td>');
  });

  it('escapes HTML', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});
