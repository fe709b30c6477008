import { parseCsv, toCsv } from './csv.js';
import { escapeHtml } from './html.js';
import { columnName, readXlsx, xlsx } from './xlsx.js';
import { crc32, unzip, zip } from './zip.js';

describe('exports', () => {
  it('writes CSV that reads back, quoting and defusing formulas', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['=SUM(A1)', -3],
        ['多行\n文本', null],
      ],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ["'=SUM(A1)", '-3'],
      ['多行\n文本', ''],
    ]);
  });

  it('zips with correct CRCs and unzips', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the standard check value
    const files = unzip(
      zip([
        { name: 'a.txt', content: 'hello' },
        { name: '目录/b.xml', content: '<x/>' },
      ]),
    );
    expect([...files.keys()]).toEqual(['a.txt', '目录/b.xml']);
    expect(files.get('a.txt')!.toString()).toBe('hello');
  });

  it('writes an XLSX workbook that reads back, cells escaped', () => {
    const rows = [
      ['name', 'n'],
      ['a & <b>', 1.5],
      ['统计', null],
    ];
    const book = xlsx([{ name: 'S/1', rows }]);
    const parts = unzip(book);
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(readXlsx(book)).toEqual([{ name: 'S_1', rows }]);
    expect(columnName(0)).toBe('A');
    expect(columnName(27)).toBe('AB');
  });

  it('escapes HTML', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});
