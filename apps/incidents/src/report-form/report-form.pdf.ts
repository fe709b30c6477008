import PDFDocument from 'pdfkit';
import { ReportFormError } from './report-form.font.js';
import { fieldLines, type FormSection, type ReportForm } from './report-form.js';

const MARGIN = 42;
const CELL_PAD = 3;
const FONT = 'cjk';

/** The form as an A4 PDF with the CJK font embedded (subset), drawn from the same sections as the HTML. */
export function reportFormPdf(form: ReportForm, font: { data: Buffer; name: string | undefined }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: `${form.title} ${form.caseNumber}`, Author: form.reportingUnit, Subject: form.title },
    lang: 'zh-CN',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(FONT, font.data, font.name as string);
    doc.font(FONT);
    // Noto CJK's line height (1.45 em) is generous: a tighter line keeps the form on one A4 page.
    doc.lineGap(-2);
  } catch (error) {
    // A REPORT_FORM_FONT that is no font, or a collection without the named face.
    doc.end();
    throw new ReportFormError('REPORT_FORM.FONT_MISSING', `The report form's font cannot be used (${font.name ?? 'single font'})`, {
      cause: error,
    });
  }
  new FormDrawer(doc).draw(form);
  doc.end();
  return done;
}

class FormDrawer {
  private readonly width: number;
  private readonly left: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  draw(form: ReportForm): void {
    const doc = this.doc;
    doc.fontSize(17).text(form.title, this.left, doc.y, { width: this.width, align: 'center', characterSpacing: 2 });
    doc.moveDown(0.6);
    doc.fontSize(9);
    this.pair(`编号：${form.caseNumber}`, `制表时间：${form.printedAt}（${form.timeZone}）`);
    for (const section of form.sections) this.section(section);
    this.signature(form.signature);
  }

  /** Two texts on one line, the second right-aligned. */
  private pair(leftText: string, rightText: string): void {
    const doc = this.doc;
    const y = doc.y;
    const first = this.width * 0.4;
    doc.text(leftText, this.left, y, { width: first });
    const leftEnd = doc.y;
    doc.text(rightText, this.left + first, y, { width: this.width - first, align: 'right' });
    doc.y = Math.max(leftEnd, doc.y) + 2;
  }

  private section(section: FormSection): void {
    const doc = this.doc;
    doc.fontSize(11);
    this.ensure(60); // never a heading alone at the foot of a page
    doc.text(section.heading, this.left, doc.y + 5, { width: this.width });
    doc.y += 2;
    doc.fontSize(9);
    if (section.kind === 'fields') {
      const label = 72;
      const half = this.width / 2;
      for (const line of fieldLines(section.fields)) {
        if (line.length === 2)
          this.row([line[0].label, line[0].value, line[1].label, line[1].value], [label, half - label, label, half - label], {
            shaded: [0, 2],
          });
        else this.row([line[0].label, line[0].value], [label, this.width - label], { shaded: [0] });
      }
      return;
    }
    const widths = columnWidths(section.columns.length, this.width, section.weights);
    const align = section.numeric ? 'center' : 'left';
    this.row(section.columns, widths, { shadeAll: true, align });
    for (const row of section.rows) this.row(row, widths, { align, firstLeft: true });
    for (const note of section.notes) {
      doc.moveDown(0.2);
      this.ensure(doc.heightOfString(note, { width: this.width }));
      doc.text(note, this.left, doc.y, { width: this.width });
    }
  }

  private row(
    cells: string[],
    widths: number[],
    options: { shaded?: number[]; shadeAll?: boolean; align?: 'left' | 'center'; firstLeft?: boolean },
  ): void {
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

  /** One line for pen and seal: 填报人, 审核人, 单位盖章, 日期, each over a rule. */
  private signature(lines: string[]): void {
    const doc = this.doc;
    doc.fontSize(10);
    this.ensure(40);
    doc.y += 14;
    const y = doc.y;
    let x = this.left;
    for (const [i, width] of columnWidths(lines.length, this.width, [1, 1, 1, 1.4]).entries()) {
      doc.text(lines[i], x, y, { width: width - 12 });
      doc
        .moveTo(x, y + 20)
        .lineTo(x + width - 12, y + 20)
        .lineWidth(0.6)
        .stroke('#000000');
      x += width;
    }
    doc.x = this.left;
    doc.y = y + 26;
  }
}

/** By the section's weights, else the first column (a name, a time) a little wider and the rest shared. */
function columnWidths(count: number, width: number, weights?: number[]): number[] {
  if (weights?.length === count) {
    const sum = weights.reduce((a, b) => a + b, 0);
    return weights.map((weight) => (width * weight) / sum);
  }
  if (count === 2) return [100, width - 100];
  const first = width / count + 20;
  const rest = (width - first) / (count - 1);
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}
