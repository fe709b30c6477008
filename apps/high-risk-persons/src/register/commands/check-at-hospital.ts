import { randomUUID } from 'node:crypto';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReadAudit, actorOf, type Principal } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT, highRiskPersonStreamId, type HighRiskCategory, type HighRiskPersonEvent } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { PersonVault } from '../../crypto/person-vault.js';
import { HighRiskError } from '../../domain/high-risk-person.errors.js';
import { residentIdProblem } from '../../domain/resident-id.js';
import { HIGH_RISK_RECORD_TYPE, checksStreamId } from '../person-record.js';
import { PersonCommandMessage } from './person-command.js';

export type CheckAnswer = { match: boolean; warning?: { categories: HighRiskCategory[]; advice: string[] } };

/** Early warning at the hospital door: does this ID number have an ACTIVE flag? */
export class CheckAtHospitalCommand extends Command<CheckAnswer> {
  constructor(
    readonly principal: Principal,
    readonly idNumber: string,
    readonly purpose: string | undefined,
  ) {
    super();
  }
}

/**
 * Matched by keyed hash, answered only for an ACTIVE flag, recorded whatever the outcome (without
 * any identifier when nothing matched), alert raised for police — one transaction.
 */
@CommandHandler(CheckAtHospitalCommand)
export class CheckAtHospitalHandler implements ICommandHandler<CheckAtHospitalCommand> {
  constructor(
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly vault: PersonVault,
    private readonly commands: CommandBus,
  ) {}

  execute({ principal, idNumber, purpose }: CheckAtHospitalCommand): Promise<CheckAnswer> {
    const at = this.runtime.clock();
    const problem = residentIdProblem(idNumber, at);
    if (problem) throw new HighRiskError('HIGH_RISK.INVALID_ID_NUMBER', `Not a valid resident ID number (${problem})`);
    const actor = actorOf(principal, 'hospital_security_officer', 'hospital_complaints_officer');
    return this.runtime.db.transaction(async (query) => {
      const store = this.runtime.store.using(query);
      const personId = await this.vault.personByIdHash(query, this.vault.idHash(idNumber));
      const alertId = randomUUID();
      let alert: Extract<HighRiskPersonEvent, { type: 'ArrivalAlertRaised' }> | undefined;
      let owners: string[] = [];
      if (personId) {
        const { events, state } = await this.commands.execute(
          new PersonCommandMessage({
            streamId: highRiskPersonStreamId(personId),
            command: { type: 'CheckAtHospital', data: { personId, alertId, hospitalRegionCode: principal.organisationRegion } },
            actor,
            correlationId: personId,
            query,
          }),
        );
        alert = events.find((e) => e.type === 'ArrivalAlertRaised') as typeof alert;
        owners = state.owners;
      }
      if (alert) {
        // The hospital read the warning of a record: audited like any read.
        await new ReadAudit(store, this.runtime.clock).record({
          principal,
          recordType: HIGH_RISK_RECORD_TYPE,
          recordId: personId!,
          ownerOrganisationIds: owners,
          purpose: purpose ?? 'hospital check',
          correlationId: personId!,
        });
      }
      await store.append(
        checksStreamId(principal.organisationId),
        [
          {
            type: 'HighRiskCheckRecorded',
            data: {
              checkId: randomUUID(),
              hospitalId: principal.organisationId,
              hospitalRegionCode: principal.organisationRegion,
              matched: !!alert,
              alertId: alert ? alertId : null,
              checkedAt: at.toISOString(),
              purpose: purpose ?? null,
            },
            occurredAt: at,
          },
        ],
        {
          streamType: 'high-risk-check',
          expectedVersion: 'any',
          actor,
          correlationId: alert ? personId! : `check-${principal.organisationId}`,
        },
      );
      return alert ? { match: true, warning: { categories: alert.data.categories, advice: alert.data.advice } } : { match: false };
    });
  }
}
