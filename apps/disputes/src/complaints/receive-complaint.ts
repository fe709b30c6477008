import { randomUUID } from 'node:crypto';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, type Principal } from '@pingan/access';
import { DISPUTES_CONTEXT, shanghaiDateOf, type DisputeClaim } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { InjectRuntime, runningClocks, type ServiceRuntime } from '@pingan/platform';
import { executeDisputeCommand, DisputeCommandMessage } from '../commands/dispute-command.js';
import type { CommandResultDto } from '../common.dto.js';
import { disputeIdForComplaint } from '../dispute-ref.js';
import { recordParties, type PartyDetails } from '../disputes.storage.js';
import { SCHEMA } from '../read-models/dispute-state.js';

export interface ComplaintInput {
  summary: string;
  parties: Omit<PartyDetails, 'partyId'>[];
  claims: DisputeClaim[];
  supervisingOrganisationId: string | null;
}

/** A complaint received at the caller's hospital (首诉负责制: the receiving officer owns it). */
export class ReceiveComplaintCommand extends Command<CommandResultDto> {
  constructor(
    readonly principal: Principal,
    readonly complaint: ComplaintInput,
  ) {
    super();
  }
}

/**
 * Allocates the case number, opens the dispute and registers the parties in ONE transaction: the
 * parties' names and contacts go to the party register, the event carries only ids and relations.
 */
@CommandHandler(ReceiveComplaintCommand)
export class ReceiveComplaintHandler implements ICommandHandler<ReceiveComplaintCommand> {
  constructor(
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, complaint }: ReceiveComplaintCommand): Promise<CommandResultDto> {
    const parties: PartyDetails[] = complaint.parties.map((p) => ({ ...p, partyId: randomUUID() }));
    const at = this.runtime.clock();
    const result = await this.runtime.db.transaction(async (query) => {
      const caseNumber = await allocateCaseNumber(query, principal.organisationRegion, at);
      const disputeId = disputeIdForComplaint(caseNumber); // the case number names it: /disputes/<case number>
      return executeDisputeCommand(
        this.commands,
        new DisputeCommandMessage({
          streamId: disputeId,
          command: {
            type: 'ReceiveComplaint',
            data: {
              disputeId,
              caseNumber,
              hospitalId: principal.organisationId,
              regionCode: principal.organisationRegion,
              summary: complaint.summary,
              parties: parties.map((p) => ({ partyId: p.partyId, relation: p.relation })),
              claims: complaint.claims,
              supervisingOrganisationId: complaint.supervisingOrganisationId,
            },
          },
          actor: actorOf(principal, 'hospital_complaints_officer'),
          correlationId: caseNumber,
          query,
          inTransaction: (q) => recordParties(q, disputeId, parties, at),
        }),
      );
    });
    // The clocks committed with the events: read them once the transaction is over.
    return { ...result, clocks: await runningClocks(this.runtime, result.caseNumber) };
  }
}

/**
 * Case numbers of disputes that start as complaints: region, Shanghai date and a 'D' sequence
 * (`500101-20261122-D0001`), so they never collide with an incident's number of the same day.
 * A dispute opened from an incident keeps the incident's number.
 */
async function allocateCaseNumber(query: Query, regionCode: string, at: Date): Promise<string> {
  const day = shanghaiDateOf(at).replace(/-/g, '');
  const [row] = await query<{ last: number }>(
    `INSERT INTO ${SCHEMA}.case_number_sequences (region_code, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (region_code, day) DO UPDATE SET last = ${SCHEMA}.case_number_sequences.last + 1 RETURNING last`,
    [regionCode, day],
  );
  return `${regionCode}-${day}-D${String(row.last).padStart(4, '0')}`;
}
