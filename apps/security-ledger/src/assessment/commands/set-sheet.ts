import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, type Principal } from '@pingan/access';
import { assessmentSheetStreamId, type AssessmentSheet } from '@pingan/contracts';
import { AssessmentError } from '../assessment.errors.js';
import { AssessmentSheetCommandMessage } from './assessment-commands.js';

export type SetSheetAnswer = { regionCode: string; version: number; changed: boolean };

/** A region's scoring sheet is set (PUT: the whole sheet). */
export class SetAssessmentSheetCommand extends Command<SetSheetAnswer> {
  constructor(
    readonly principal: Principal,
    readonly regionCode: string,
    readonly sheet: AssessmentSheet,
  ) {
    super();
  }
}

@CommandHandler(SetAssessmentSheetCommand)
export class SetAssessmentSheetHandler implements ICommandHandler<SetAssessmentSheetCommand> {
  constructor(private readonly commands: CommandBus) {}

  async execute({ principal, regionCode, sheet }: SetAssessmentSheetCommand): Promise<SetSheetAnswer> {
    const admin = principal.roles.includes('system_administrator');
    // A commission official acts for its commission's region; other organisations' officials hold no such role.
    if (!admin && principal.organisationKind !== 'health_commission')
      throw new AssessmentError(
        'SECURITY_LEDGER.NOT_AUTHORISED',
        'Only a health commission or a system administrator sets a scoring sheet',
      );
    const { events, state } = await this.commands.execute(
      new AssessmentSheetCommandMessage({
        streamId: assessmentSheetStreamId(regionCode),
        command: {
          type: 'SetAssessmentSheet',
          data: {
            regionCode,
            setterOrganisationId: principal.organisationId,
            setterRegion: admin ? null : principal.organisationRegion,
            sheet,
          },
        },
        actor: actorOf(principal, admin ? 'system_administrator' : 'health_commission_official'),
        correlationId: regionCode,
      }),
    );
    return { regionCode, version: state.version, changed: events.length > 0 };
  }
}
