import { Logger, type OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * Printed outputs as PDF (the incident report form, the case timeline): pdfkit with a CJK font
 * embedded (subset). The font is Noto Sans CJK from Debian's `fonts-noto-cjk` (the package the
 * console's browser tests install anyway): it covers the 通用规范汉字表 and far beyond (the names
 * and places a form holds), is SIL OFL (embedding allowed), and ships as a system package
 * instead of a 20 MB npm download. It is a collection (.ttc): pdfkit picks the Simplified Chinese
 * face by its PostScript name and embeds only the glyphs used.
 */
export const DEFAULT_PDF_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_PDF_FONT_NAME = 'NotoSansCJKsc-Regular';

export interface PdfFontSource {
  path: string;
  /** The face inside a collection (.ttc/.otc); none for a single font file. */
  name: string | undefined;
}

/** `<variable>` (a .ttc/.otc/.otf/.ttf path) overrides the default; `<variable>_NAME` the face in a collection. */
export function pdfFontFromEnv(variable: string, env: Record<string, string | undefined> = process.env): PdfFontSource {
  const path = env[variable]?.trim() || DEFAULT_PDF_FONT;
  const collection = /\.(ttc|otc)$/i.test(path);
  return { path, name: collection ? env[`${variable}_NAME`]?.trim() || DEFAULT_PDF_FONT_NAME : undefined };
}

export interface PdfFontData {
  data: Buffer;
  name: string | undefined;
}

/** The service's answer to a font it cannot use: its own 503 problem (e.g. REPORT_FORM.FONT_MISSING). */
export type FontMissing = (message: string, cause?: unknown) => Error;

/**
 * The font, read once on first use, from `<variable>` or the default. A missing file is said when
 * the service starts (a log line naming the fix) and answered per PDF request with the service's
 * 503; HTML exports, which the browser draws with its own fonts, work either way. A service
 * provides a subclass that names its variable, its 503 and its log context.
 */
export class PdfFont implements OnModuleInit {
  private data: Buffer | undefined;
  private readonly source: PdfFontSource;

  constructor(
    private readonly variable: string,
    readonly missing: FontMissing,
    private readonly logContext: string,
  ) {
    this.source = pdfFontFromEnv(variable);
  }

  private message(): string {
    return `The CJK font ${this.source.path} for PDFs is missing: install Debian's fonts-noto-cjk or set ${this.variable} to a CJK font file`;
  }

  onModuleInit(): void {
    if (!existsSync(this.source.path)) new Logger(this.logContext).error(`${this.message()}; PDFs answer 503 until then`);
  }

  load(): PdfFontData {
    if (!this.data) {
      try {
        this.data = readFileSync(this.source.path);
      } catch (error) {
        throw this.missing(this.message(), error);
      }
    }
    return { data: this.data, name: this.source.name };
  }
}

export const PDF_FONT = 'cjk';

/**
 * A document on A4 with the CJK font registered, and its bytes once `doc.end()` is called.
 * A font file that is no font, or a collection without the named face, is the service's 503.
 */
export function cjkDocument(
  options: PDFKit.PDFDocumentOptions,
  font: PdfFontData,
  missing: FontMissing,
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', lang: 'zh-CN', ...options } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(PDF_FONT, font.data, font.name as string);
    doc.font(PDF_FONT);
    // Noto CJK's line height (1.45 em) is generous: a tighter line keeps forms and tables compact.
    doc.lineGap(-2);
  } catch (error) {
    doc.end();
    throw missing(`The PDF font cannot be used (${font.name ?? 'single font'})`, error);
  }
  return { doc, done };
}

const CELL_PAD = 3;

export interface RowOptions {
  /** Columns drawn on grey (labels of a form). */
  shaded?: number[];
  /** Every column on grey (a table's header). */
  shadeAll?: boolean;
  align?: 'left' | 'center';
  /** The first column left-aligned whatever `align` says (a name before counts). */
  firstLeft?: boolean;
}

/** Bordered rows across the page's width, breaking to a new page before a row that does not fit. */
export class PdfTable {
  readonly width: number;
  readonly left: number;
  /** Called after a page break, before the row that caused it (a table repeats its header). */
  onNewPage: (() => void) | undefined;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `height` more fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.onNewPage?.();
    }
  }

  row(cells: readonly string[], widths: readonly number[], options: RowOptions = {}): void {
    const doc = this.doc;
    const heights = cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PAD }));
    const height = Math.max(...heights) + 2 * CELL_PAD;
    this.ensure(height);
    const top = doc.y;
    let x = this.left;
    cells.forEach((cell, i) => {
      if (options.shadeAll || options.shaded?.includes(i)) doc.rect(x, top, widths[i], height).fill('#eeeeee').fillColor('#000000');
      doc.lineWidth(0.6).rect(x, top, widths[i], height).stroke('#000000');
      const align = options.firstLeft && i === 0 ? 'left' : (options.align ?? 'left');
      doc.text(cell, x + CELL_PAD, top + CELL_PAD, { width: widths[i] - 2 * CELL_PAD, align });
      x += widths[i];
    });
    doc.x = this.left;
    doc.y = top + height;
  }
}

/** By `weights`, else the first column (a name, a time) a little wider and the rest shared. */
export function columnWidths(count: number, width: number, weights?: readonly number[]): number[] {
  if (weights?.length === count) {
    const sum = weights.reduce((a, b) => a + b, 0);
    return weights.map((weight) => (width * weight) / sum);
  }
  if (count === 2) return [100, width - 100];
  const first = width / count + 20;
  const rest = (width - first) / (count - 1);
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}

/**
 * 第 n 页 共 m 页 at the foot of every page. Needs `bufferPages: true`; call once, after the
 * last page is drawn and before `doc.end()`.
 */
export function numberPages(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    // Writing inside the bottom margin: without lifting it pdfkit would start yet another page.
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(`第 ${i - start + 1} 页 共 ${count} 页`, margins.left, height - bottom / 2 - 4, {
      width: width - margins.left - margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
