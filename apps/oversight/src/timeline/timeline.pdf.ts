import { PdfTable, cjkDocument, columnWidths, numberPages, type PdfFontData } from '@pingan/platform';
import { oversightFontMissing } from '../export/pdf-font.js';
import type { timelineReport } from './timeline.query.js';

type TimelineReport = ReturnType<typeof timelineReport>;

const MARGIN = 36;
/** 序号, 发生时间, 记录时间, 来源, 事件, 操作单位, 操作人: the event's line gets the room. */
const WEIGHTS = [0.45, 1.95, 1.95, 1, 4.2, 2.1, 1.9];

/**
 * The timeline as an A4 landscape PDF, from the same report as the CSV and the page: the title,
 * the particulars as a grid of label and value, then the entries with the header repeated on
 * every page, and 第 n 页 共 m 页 at the foot.
 */
export function timelinePdf(report: TimelineReport, font: PdfFontData): Promise<Buffer> {
  const { doc, done } = cjkDocument(
    {
      layout: 'landscape',
      bufferPages: true,
      margins: { top: MARGIN, bottom: MARGIN + 8, left: MARGIN, right: MARGIN },
      info: { Title: report.title, Subject: report.title },
    },
    font,
    oversightFontMissing,
  );
  const table = new PdfTable(doc);
  doc.fontSize(16).text(report.title, table.left, doc.y, { width: table.width, align: 'center', characterSpacing: 1 });
  doc.moveDown(0.5);
  doc.fontSize(9);
  // "label：value" lines, two to a row; an odd last one across the row.
  const fields = report.particulars.map((line) => {
    const at = line.indexOf('：');
    return at < 0 ? ['', line] : [line.slice(0, at), line.slice(at + 1)];
  });
  const label = 62;
  const half = table.width / 2;
  for (let i = 0; i < fields.length; i += 2) {
    const next = fields[i + 1];
    if (next) table.row([...fields[i], ...next], [label, half - label, label, half - label], { shaded: [0, 2] });
    else table.row(fields[i], [label, table.width - label], { shaded: [0] });
  }
  doc.y += 10;
  const widths = columnWidths(report.header.length, table.width, WEIGHTS);
  const header = () => table.row(report.header, widths, { shadeAll: true, align: 'center' });
  header();
  table.onNewPage = header;
  for (const row of report.rows) table.row(row, widths);
  if (report.rows.length === 0) table.row(['无可显示的记录'], [table.width]);
  table.onNewPage = undefined;
  numberPages(doc);
  doc.end();
  return done;
}
