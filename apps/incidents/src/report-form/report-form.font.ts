import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PdfFont, defineErrors, pdfFontFromEnv } from '@pingan/platform';

export class ReportFormError extends defineErrors({
  // 503: the service is up but cannot draw Chinese until the font is installed (a deployment fault, not the caller's).
  FontMissing: { code: 'REPORT_FORM.FONT_MISSING', status: 503 },
}) {}

/** 503 REPORT_FORM.FONT_MISSING for a font the PDF cannot use. */
export const reportFormFontMissing = (message: string, cause?: unknown): Error =>
  new ReportFormError('REPORT_FORM.FONT_MISSING', message, { cause });

/**
 * The CJK font the form's PDF embeds (platform's `PdfFont`: Noto Sans CJK from fonts-noto-cjk);
 * `REPORT_FORM_FONT` / `REPORT_FORM_FONT_NAME` point to another. The HTML form, which the
 * browser draws with its own fonts, works without it.
 */
@Injectable()
export class ReportFormFont extends PdfFont implements OnModuleInit {
  constructor() {
    super(pdfFontFromEnv('REPORT_FORM_FONT'), 'REPORT_FORM_FONT', reportFormFontMissing);
  }

  onModuleInit(): void {
    this.warnIfMissing(new Logger('ReportForm'));
  }
}
