import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DirectoryError, actorOf, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, securityProfileStreamId, type SecurityProfile } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import type { HospitalFacts } from '../../domain/standards.js';
import { directoryFacts } from '../hospital-facts.js';
import { SecurityProfileCommandMessage } from './profile-command.js';

export interface Filing {
  profile: SecurityProfile;
  /** What the body says of the hospital: used only where the directory does not know it, refused where it contradicts it. */
  level?: HospitalFacts['level'];
  ownership?: HospitalFacts['ownership'];
}

export type FiledAnswer = { hospitalId: string; revision: number; changed: boolean };

/** The hospital's security office files its profile (PUT: the whole of it). */
export class FileProfileCommand extends Command<FiledAnswer> {
  constructor(
    readonly principal: Principal,
    readonly hospitalId: string,
    readonly filing: Filing,
  ) {
    super();
  }
}

@CommandHandler(FileProfileCommand)
export class FileProfileHandler implements ICommandHandler<FileProfileCommand> {
  constructor(
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, hospitalId, filing }: FileProfileCommand): Promise<FiledAnswer> {
    // Only its own office: said before anything about the id is looked up (no probing other hospitals).
    if (principal.organisationId !== hospitalId)
      throw new SecurityLedgerError('SECURITY_LEDGER.NOT_OWN_HOSPITAL', "Only the hospital's own security office files its profile");
    const org = await this.runtime.directory?.find(hospitalId);
    if (org && org.kind !== 'hospital') throw new SecurityLedgerError('SECURITY_LEDGER.NOT_A_HOSPITAL', `${org.name} is not a hospital`);
    const known = directoryFacts(org);
    const contradicts = (field: 'level' | 'ownership') => {
      const given = filing[field];
      if (given != null && known[field] !== null && given !== known[field]) {
        const message = `${field}: the directory has ${known[field]}`;
        throw new DirectoryError('DIRECTORY.CONTRADICTS_DIRECTORY', message, [{ field, code: 'contradicts_directory', message }]);
      }
    };
    contradicts('level');
    contradicts('ownership');
    const { events, state } = await this.commands.execute(
      new SecurityProfileCommandMessage({
        streamId: securityProfileStreamId(hospitalId),
        command: {
          type: 'FileSecurityProfile',
          data: {
            hospitalId,
            regionCode: org?.regionCode ?? principal.organisationRegion,
            level: known.level ?? filing.level ?? null,
            ownership: known.ownership ?? filing.ownership ?? null,
            profile: filing.profile,
          },
        },
        actor: actorOf(principal, 'hospital_security_officer'),
        correlationId: hospitalId,
      }),
    );
    return { hospitalId, revision: state.revision, changed: events.length > 0 };
  }
}
