import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * Official outputs (统计报表) as officials file them: an XLSX through ExcelJS and a CSV through
 * csv-stringify, both from the same description, so the two never disagree. No hand-written
 * file formats: the libraries own quoting, escaping and the zip container. Shared by every service
 * that files a return (oversight's statistics, the security ledger's 台账 and 考评).
 */
export type Cell = string | number | null;

/** The media type of an XLSX download. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReturnColumn {
  header: string;
  /** Width in characters (a Chinese character counts about two). */
  width: number;
  /** Excel number format of the column's cells, e.g. '0.0%'. */
  numFmt?: string;
}

export interface OfficialReturn {
  /** The sheet's tab (at most 31 characters, none of : \ / ? * [ ]). */
  sheetName: string;
  /** 表名, e.g. 《涉医案事件月度统计表》. */
  title: string;
  /** Lines under the title: 填报单位, 统计区域, 统计期间, 制表时间…, each "label：value". */
  particulars: readonly string[];
  columns: readonly ReturnColumn[];
  rows: readonly (readonly Cell[])[];
  /** 合计 row, when the columns add up. */
  totals?: readonly Cell[];
  /** 填表说明 under the table. */
  notes?: readonly string[];
}

const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The return as a workbook: merged title row, particulars, bold bordered header frozen in place, widths, totals. */
export async function returnXlsx(report: OfficialReturn): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'pingan';
  const sheet = book.addWorksheet(sheetName(report.sheetName), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1 } });
  const width = report.columns.length;
  const fullRow = (text: string, style: Partial<ExcelJS.Style>) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    Object.assign(row.getCell(1), style);
    return row;
  };
  fullRow(report.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }).height = 28;
  for (const line of report.particulars) fullRow(line, { alignment: { horizontal: 'left' } });
  const header = sheet.addRow(report.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  const body = (values: readonly Cell[], bold = false) => {
    const row = sheet.addRow(values.map((v) => v ?? null));
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
      const format = report.columns[c - 1]?.numFmt;
      if (format && typeof cell.value === 'number') cell.numFmt = format;
    }
  };
  for (const values of report.rows) body(values);
  if (report.totals) body(report.totals, true);
  for (const note of report.notes ?? []) fullRow(note, { font: { size: 9 }, alignment: { horizontal: 'left', wrapText: true } });
  report.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  // The header stays in view while scrolling: everything above the first figure is frozen.
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, topLeftCell: `A${header.number + 1}` }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The same return as CSV: UTF-8 with a byte-order mark (Excel reads the Chinese), CRLF, title and
 * particulars as one-cell lines above the table, cells that would start a formula defused.
 */
export function returnCsv(report: OfficialReturn): string {
  return toCsv([
    [report.title],
    ...report.particulars.map((line) => [line]),
    [],
    report.columns.map((c) => c.header),
    ...report.rows,
    ...(report.totals ? [report.totals] : []),
    ...(report.notes ?? []).map((note) => [note]),
  ]);
}

/** Rows as CSV (RFC 4180) with a BOM, CRLF lines and formula injection defused (csv-stringify). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((r) => [...r]),
    { bom: true, record_delimiter: 'windows', escape_formulas: true },
  );
}
