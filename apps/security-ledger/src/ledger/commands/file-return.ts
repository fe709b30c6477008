import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, selfInspectionReturnStreamId } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { loadProfile } from '../hospital-facts.js';
import { ReturnCommandMessage } from './return-command.js';

export type FiledReturnAnswer = { returnId: string; hospitalId: string; profileRevision: number | null; filedAt: string; onTime: boolean };

/** The hospital's security office files a return: a snapshot of its profile as it stands, with evidence references. */
export class FileReturnCommand extends Command<FiledReturnAnswer> {
  constructor(
    readonly principal: Principal,
    readonly returnId: string,
    readonly evidence: string[],
  ) {
    super();
  }
}

@CommandHandler(FileReturnCommand)
export class FileReturnHandler implements ICommandHandler<FileReturnCommand> {
  constructor(
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, returnId, evidence }: FileReturnCommand): Promise<FiledReturnAnswer> {
    if (principal.organisationKind !== 'hospital')
      throw new SecurityLedgerError('SECURITY_LEDGER.NOT_AUTHORISED', "Only a hospital's security office files a return");
    const hospitalId = principal.organisationId;
    const profile = await loadProfile(this.runtime, hospitalId);
    const { state } = await this.commands.execute(
      new ReturnCommandMessage({
        streamId: selfInspectionReturnStreamId(returnId),
        command: {
          type: 'FileSelfInspectionReturn',
          data: {
            returnId,
            hospitalId,
            profileRevision: profile.filed ? profile.revision : null,
            profile: profile.profile,
            evidence,
          },
        },
        actor: actorOf(principal, 'hospital_security_officer'),
        correlationId: returnId,
      }),
    );
    const filing = state.filings[hospitalId]!;
    return { returnId, hospitalId, profileRevision: filing.profileRevision, filedAt: filing.filedAt, onTime: filing.onTime };
  }
}
