import { CommandHandler } from '@nestjs/cqrs';
import {
  ASSESSMENT_SHEET_STREAM_TYPE,
  SECURITY_ASSESSMENT_STREAM_TYPE,
  SECURITY_LEDGER_CONTEXT,
  type SecurityLedgerEvent,
} from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { RecordSecurityAssessment, SetAssessmentSheet } from '../assessment.commands.js';
import { assessmentSheetDecider, type AssessmentSheetState } from '../assessment-sheet.decider.js';
import { securityAssessmentDecider, type SecurityAssessmentState } from '../assessment.decider.js';

/** A region's scoring sheet, on the CommandBus (stream `security-assessment-sheet-<regionCode>`). */
export class AssessmentSheetCommandMessage extends DecideCommand<SetAssessmentSheet, SecurityLedgerEvent, AssessmentSheetState> {}

@CommandHandler(AssessmentSheetCommandMessage)
export class AssessmentSheetCommandHandler extends DeciderCommandHandler<SetAssessmentSheet, SecurityLedgerEvent, AssessmentSheetState> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: ASSESSMENT_SHEET_STREAM_TYPE, decider: assessmentSheetDecider });
  }
}

/** One assessment, on the CommandBus (stream `security-assessment-<assessmentId>`). */
export class SecurityAssessmentCommandMessage extends DecideCommand<
  RecordSecurityAssessment,
  SecurityLedgerEvent,
  SecurityAssessmentState
> {}

@CommandHandler(SecurityAssessmentCommandMessage)
export class SecurityAssessmentCommandHandler extends DeciderCommandHandler<
  RecordSecurityAssessment,
  SecurityLedgerEvent,
  SecurityAssessmentState
> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: SECURITY_ASSESSMENT_STREAM_TYPE, decider: securityAssessmentDecider });
  }
}
