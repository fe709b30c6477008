import { Injectable } from '@nestjs/common';
import { PdfFont } from '@pingan/platform';
import { OversightError } from '../domain/oversight.errors.js';

/** 503 OVERSIGHT.FONT_MISSING for a font the PDF cannot use. */
export const oversightFontMissing = (message: string, cause?: unknown): Error =>
  new OversightError('OVERSIGHT.FONT_MISSING', message, { cause });

/** The CJK font oversight's PDFs embed (the report form's Noto Sans CJK); `PDF_FONT` / `PDF_FONT_NAME` point to another. */
@Injectable()
export class OversightFont extends PdfFont {
  constructor() {
    super('PDF_FONT', oversightFontMissing, 'OversightPdf');
  }
}
