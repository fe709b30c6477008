import { spawnSync } from 'node:child_process';

/**
 * Reads an XLSX with Python's openpyxl, a reader independent of the ExcelJS that wrote it, so a
 * test checks what Excel would open, not what our writer thinks it wrote. Needs `python3` with
 * `openpyxl` (PyPI) on the machine.
 */
export interface OpenpyxlSheet {
  name: string;
  /** Every row up to the sheet's last, cells as openpyxl reads them (numbers as numbers, empty as null). */
  rows: (string | number | boolean | null)[][];
  /** Merged ranges, e.g. 'A1:E1'. */
  merged: string[];
  /** The top-left cell of the scrolling pane ('A6': rows 1–5 frozen), or null. */
  freeze: string | null;
  /** Column widths set on the sheet, by letter. */
  widths: Record<string, number>;
  /** The cells whose font is bold, e.g. 'A1'. */
  bold: string[];
}

const SCRIPT = `
import json, sys, io
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
book = load_workbook(io.BytesIO(sys.stdin.buffer.read()))
out = []
for ws in book.worksheets:
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    bold = [c.coordinate for row in ws.iter_rows() for c in row if c.font is not None and c.font.b]
    # A <col> element may span several columns of the same width (min..max): one entry per column.
    widths = {get_column_letter(i): d.width for d in ws.column_dimensions.values() if d.width
              for i in range(d.min or 1, (d.max or d.min or 1) + 1)}
    out.append({"name": ws.title, "rows": rows, "merged": [str(r) for r in ws.merged_cells.ranges],
                "freeze": ws.freeze_panes, "widths": widths, "bold": bold})
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
`;

export function readXlsxWithOpenpyxl(file: Buffer | Uint8Array): OpenpyxlSheet[] {
  const run = spawnSync('python3', ['-c', SCRIPT], { input: Buffer.from(file), maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`openpyxl could not read the workbook: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString('utf8')) as OpenpyxlSheet[];
}
