import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OversightFont } from '../export/pdf-font.js';
import { timelinePdf } from './timeline.pdf.js';
import { TIMELINE_HEADER } from './timeline.query.js';

/** A long timeline read back by poppler (pdfinfo, pdftotext per page): the header on every page, pages numbered. */
describe('timeline PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'timeline-pdf-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('breaks a long timeline over pages, repeating the header and numbering each page', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      String(i + 1),
      '2026-11-10 16:02:00',
      '2026-11-10 16:02:00',
      '涉医警情',
      `第${i + 1}次处置记录`,
      '重庆市万州区人民医院',
      '王建国（医院安保人员）',
    ]);
    const pdf = await timelinePdf(
      {
        title: '涉医案事件办理时间线（500101-20261110-0001）',
        particulars: ['案件编号：500101-20261110-0001'],
        header: TIMELINE_HEADER,
        rows,
      },
      new OversightFont().load(),
    );
    const file = join(dir, 'long.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    const page = (n: number) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    const last = page(pages);
    expect(last).toContain('操作单位'); // the header again
    expect(last).toMatch(new RegExp(`第\\s*${pages}\\s*页\\s*共\\s*${pages}\\s*页`));
    expect(last).toContain('第60次处置记录');
    expect(page(1)).not.toContain('第60次处置记录');
  });

  it('says so when the reader may see no entry', async () => {
    const pdf = await timelinePdf({ title: 't', particulars: [], header: TIMELINE_HEADER, rows: [] }, new OversightFont().load());
    const file = join(dir, 'empty.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain('无可显示的记录');
  });
});
