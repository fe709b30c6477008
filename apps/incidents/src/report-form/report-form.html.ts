import { fieldLines, type FormField, type FormSection, type ReportForm } from './report-form.js';

/** Every value is the caller's or a hospital's text: escaped, so a behaviour of `<script>` prints as written. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
@page { size: A4; margin: 10mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 9pt; color: #000; margin: 0 auto; max-width: 186mm; padding: 8mm 0; line-height: 1.2; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; letter-spacing: 2pt; }
.meta { display: flex; justify-content: space-between; flex-wrap: wrap; font-size: 9pt; margin-bottom: 2mm; }
h2 { font-size: 10.5pt; margin: 2.5mm 0 0.8mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 0.5mm 1.2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f0f0f0; font-weight: bold; }
table.counts td { text-align: center; }
table.counts td:first-child { text-align: left; }
p.note { margin: 0.8mm 0 0; font-size: 9pt; }
.signature { display: grid; grid-template-columns: 1fr 1fr 1fr 1.4fr; gap: 6mm; margin-top: 6mm; page-break-inside: avoid; }
.signature div { border-bottom: 0.6pt solid #000; padding-bottom: 1mm; min-height: 8mm; }
@media print { body { padding: 0; max-width: none; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function section(s: FormSection): string {
  const e = escapeHtml;
  if (s.kind === 'fields') {
    const cell = (f: FormField, span: boolean) => `<th scope="row">${e(f.label)}</th><td${span ? ' colspan="3"' : ''}>${e(f.value)}</td>`;
    const rows = fieldLines(s.fields)
      .map((line) => `<tr>${line.length === 2 ? cell(line[0], false) + cell(line[1], false) : cell(line[0], true)}</tr>`)
      .join('');
    const cols = '<colgroup><col style="width:17%"><col style="width:33%"><col style="width:17%"><col style="width:33%"></colgroup>';
    return `<section><h2>${e(s.heading)}</h2><table class="fields">${cols}<tbody>${rows}</tbody></table></section>`;
  }
  const sum = s.weights?.reduce((a, b) => a + b, 0);
  const cols =
    s.weights && sum ? `<colgroup>${s.weights.map((w) => `<col style="width:${((100 * w) / sum).toFixed(1)}%">`).join('')}</colgroup>` : '';
  const head = `<tr>${s.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
  const body = s.rows.map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`).join('');
  const notes = s.notes.map((n) => `<p class="note">${e(n)}</p>`).join('');
  return `<section><h2>${e(s.heading)}</h2><table${s.numeric ? ' class="counts"' : ''}>${cols}<thead>${head}</thead><tbody>${body}</tbody></table>${notes}</section>`;
}

/** A standalone page (no script, no external resources) that prints on A4 as the paper form. */
export function reportFormHtml(form: ReportForm): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(form.title)} ${e(form.caseNumber)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(form.title)}</h1>
<div class="meta"><span>编号：${e(form.caseNumber)}</span><span>制表时间：${e(form.printedAt)}（${e(form.timeZone)}）</span></div>
${form.sections.map(section).join('\n')}
<div class="signature">${form.signature.map((s) => `<div>${e(s)}</div>`).join('')}</div>
</body>
</html>
`;
}
