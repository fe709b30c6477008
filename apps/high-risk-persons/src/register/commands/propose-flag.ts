import { randomUUID } from 'node:crypto';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, type Principal, type Role } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT, highRiskPersonStreamId, type HighRiskCategory } from '@pingan/contracts';
import { InjectRuntime, statedOccurredAt, type ServiceRuntime } from '@pingan/platform';
import { PersonVault } from '../../crypto/person-vault.js';
import { normaliseResidentId } from '../../domain/resident-id.js';
import { PersonCommandMessage } from './person-command.js';

export interface Proposal {
  name: string;
  idNumber: string;
  phone: string | null;
  categories: { category: HighRiskCategory; behaviour: string; incidentIds: string[]; caseNumbers: string[] }[];
  /** When it was proposed, as stated (ISO 8601); none: now. */
  occurredAt?: string;
}

const PROPOSING_ROLES: Role[] = [
  'station_chief',
  'political_legal_officer',
  'police_case_officer',
  'police_dispatcher',
  'hospital_security_officer',
];

/** Propose a flag; a person not yet on the register is registered with a new key. */
export class ProposeFlagCommand extends Command<{ personId: string; flagNo: number }> {
  constructor(
    readonly principal: Principal,
    readonly proposal: Proposal,
  ) {
    super();
  }
}

/**
 * Finds the person by the keyed hash of the ID number (or makes a key for a new one), seals the
 * identity and grounds with the person's key, and decides — all in one transaction, so a refused
 * proposal leaves no key behind.
 */
@CommandHandler(ProposeFlagCommand)
export class ProposeFlagHandler implements ICommandHandler<ProposeFlagCommand> {
  constructor(
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly vault: PersonVault,
    private readonly commands: CommandBus,
  ) {}

  execute({ principal, proposal }: ProposeFlagCommand): Promise<{ personId: string; flagNo: number }> {
    const idNumber = normaliseResidentId(proposal.idNumber);
    const idHash = this.vault.idHash(idNumber);
    return this.runtime.db.transaction(async (query) => {
      let personId = await this.vault.personByIdHash(query, idHash);
      if (!personId) {
        personId = randomUUID();
        await this.vault.createKey(query, personId, idHash, this.runtime.clock()); // rolled back if the decider says no
      }
      const seal = await this.vault.sealerFor(query, personId);
      const name = proposal.name.trim();
      const { state } = await this.commands.execute(
        new PersonCommandMessage({
          streamId: highRiskPersonStreamId(personId),
          command: {
            type: 'ProposeFlag',
            data: {
              personId,
              identity: { name, idNumber, phone: proposal.phone, sealed: seal({ name, idNumber, phone: proposal.phone }) },
              categories: proposal.categories.map((c) => ({
                category: c.category,
                behaviour: {
                  text: c.behaviour,
                  sealed: seal({ behaviour: c.behaviour, incidentIds: c.incidentIds, caseNumbers: c.caseNumbers }),
                },
              })),
              organisationKind: principal.organisationKind,
              regionCode: principal.organisationRegion,
            },
          },
          actor: actorOf(principal, ...PROPOSING_ROLES),
          correlationId: personId,
          occurredAt: statedOccurredAt(proposal.occurredAt),
          query,
        }),
      );
      return { personId, flagNo: state.flagCount };
    });
  }
}
