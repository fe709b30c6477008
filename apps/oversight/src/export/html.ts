const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

/** A self-contained, print-ready page (A4, table header repeated on every page, no scripts). */
export function printablePage(
  title: string,
  particulars: readonly string[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const lines = particulars.map((p) => `<li>${escapeHtml(p)}</li>`).join('\n');
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4 landscape; margin: 15mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #000; }
  h1 { font-size: 14pt; margin: 0 0 4pt; }
  ul.particulars { list-style: none; margin: 0 0 8pt; padding: 0; columns: 2; }
  table { border-collapse: collapse; width: 100%; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #666; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eee; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<ul class="particulars">
${lines}
</ul>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
