import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PdfFont, pdfFontFromEnv } from '@pingan/platform';
import { OversightError } from '../domain/oversight.errors.js';

/** 503 OVERSIGHT.FONT_MISSING for a font the PDF cannot use. */
export const oversightFontMissing = (message: string, cause?: unknown): Error =>
  new OversightError('OVERSIGHT.FONT_MISSING', message, { cause });

/**
 * The CJK font oversight's PDFs embed (platform's `PdfFont`, the same Noto Sans CJK as the
 * incident report form); `PDF_FONT` / `PDF_FONT_NAME` point to another.
 */
@Injectable()
export class OversightFont extends PdfFont implements OnModuleInit {
  constructor() {
    super(pdfFontFromEnv('PDF_FONT'), 'PDF_FONT', oversightFontMissing);
  }

  onModuleInit(): void {
    this.warnIfMissing(new Logger('OversightPdf'));
  }
}
