import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { defineErrors } from '@pingan/platform';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font the PDF embeds: Noto Sans CJK from Debian's `fonts-noto-cjk` (the package the
 * console's browser tests install anyway). Chosen because it covers the 通用规范汉字表 and far beyond
 * (the names and places a form holds), is SIL OFL (embedding allowed), and ships as a
 * system package instead of a 20 MB npm download. It is a collection (.ttc): pdfkit picks the
 * Simplified Chinese face by its PostScript name and embeds only the glyphs used.
 */
export const DEFAULT_REPORT_FORM_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_REPORT_FORM_FONT_NAME = 'NotoSansCJKsc-Regular';

export class ReportFormError extends defineErrors({
  // 503: the service is up but cannot draw Chinese until the font is installed (a deployment fault, not the caller's).
  FontMissing: { code: 'REPORT_FORM.FONT_MISSING', status: 503 },
}) {}

export interface ReportFormFontSource {
  path: string;
  /** The face inside a collection (.ttc/.otc); none for a single font file. */
  name: string | undefined;
}

/** `REPORT_FORM_FONT` (a .ttc/.otc/.otf/.ttf path) overrides the default; `REPORT_FORM_FONT_NAME` the face in a collection. */
export function reportFormFontFromEnv(env: Record<string, string | undefined> = process.env): ReportFormFontSource {
  const path = env.REPORT_FORM_FONT?.trim() || DEFAULT_REPORT_FORM_FONT;
  const collection = /\.(ttc|otc)$/i.test(path);
  return { path, name: collection ? env.REPORT_FORM_FONT_NAME?.trim() || DEFAULT_REPORT_FORM_FONT_NAME : undefined };
}

const MISSING = (path: string) =>
  `The report form's CJK font ${path} is missing: install Debian's fonts-noto-cjk or set REPORT_FORM_FONT to a CJK font file`;

/**
 * The font, read once on first use. A missing file is said when the service starts (a log line
 * naming the fix) and answered per PDF request with 503 REPORT_FORM.FONT_MISSING; the HTML form,
 * which the browser draws with its own fonts, works either way.
 */
@Injectable()
export class ReportFormFont implements OnModuleInit {
  private readonly source = reportFormFontFromEnv();
  private data: Buffer | undefined;

  onModuleInit(): void {
    if (!existsSync(this.source.path))
      new Logger('ReportForm').error(`${MISSING(this.source.path)}; PDF report forms answer 503 until then`);
  }

  load(): { data: Buffer; name: string | undefined } {
    if (!this.data) {
      try {
        this.data = readFileSync(this.source.path);
      } catch {
        throw new ReportFormError('REPORT_FORM.FONT_MISSING', MISSING(this.source.path));
      }
    }
    return { data: this.data, name: this.source.name };
  }
}
