import { Injectable } from '@nestjs/common';
import { PdfFont, defineErrors } from '@pingan/platform';

export class ReportFormError extends defineErrors({
  // 503: the service is up but cannot draw Chinese until the font is installed (a deployment fault, not the caller's).
  FontMissing: { code: 'REPORT_FORM.FONT_MISSING', status: 503 },
}) {}

/** 503 REPORT_FORM.FONT_MISSING for a font the PDF cannot use. */
export const reportFormFontMissing = (message: string, cause?: unknown): Error =>
  new ReportFormError('REPORT_FORM.FONT_MISSING', message, { cause });

/** The CJK font the form's PDF embeds (Noto Sans CJK); `REPORT_FORM_FONT` / `REPORT_FORM_FONT_NAME` point to another. */
@Injectable()
export class ReportFormFont extends PdfFont {
  constructor() {
    super('REPORT_FORM_FONT', reportFormFontMissing, 'ReportForm');
  }
}
