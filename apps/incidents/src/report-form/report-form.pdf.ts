import { PdfTable, cjkDocument, columnWidths, type PdfFontData } from '@pingan/platform';
import { reportFormFontMissing } from './report-form.font.js';
import { fieldLines, type FormSection, type ReportForm } from './report-form.js';

const MARGIN = 42;

/** The form as an A4 PDF with the CJK font embedded (subset), drawn from the same sections as the HTML. */
export function reportFormPdf(form: ReportForm, font: PdfFontData): Promise<Buffer> {
  const { doc, done } = cjkDocument(
    {
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: { Title: `${form.title} ${form.caseNumber}`, Author: form.reportingUnit, Subject: form.title },
    },
    font,
    reportFormFontMissing,
  );
  new FormDrawer(doc).draw(form);
  doc.end();
  return done;
}

class FormDrawer extends PdfTable {
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
