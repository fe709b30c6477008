import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessDeniedError, POLICE_ROLES, actorOf, hasRole, regionContains, type Principal, type Role } from '@pingan/access';
import { incidentStreamId, type IncidentEvent, type IncidentReportedData } from '@pingan/contracts';
import {
  InjectRuntime,
  RequestValidationError,
  checkOccurredAt,
  occurredAtBounds,
  type Decided,
  type OccurredAtBounds,
  type ServiceRuntime,
} from '@pingan/platform';
import type { Query } from '@pingan/event-store';
import { CaseNumbers } from '../../case-numbers.js';
import { CallerKeys } from '../../caller-data/caller-keys.js';
import { callerDetailsOf, type IncidentState, type IntakeInput } from '../../domain/index.js';
import { INCIDENTS_CONTEXT_NAME } from '../../incidents.context.js';
import { IncidentDirectory } from '../incident-directory.js';
import type { ReportIncidentDto } from '../incidents.dto.js';
import { IncidentCommandMessage } from './incident-command.js';

/** Who may report through which channel: the 110 desk takes calls, hospitals report and alarm, patrols find. */
const REPORTERS: Record<IncidentReportedData['channel'], { kind: Principal['organisationKind']; roles: readonly Role[] }> = {
  call_110: { kind: 'police', roles: ['police_dispatcher'] },
  hospital_report: { kind: 'hospital', roles: ['hospital_security_officer'] },
  one_key_alarm: { kind: 'hospital', roles: ['hospital_security_officer'] },
  patrol: { kind: 'police', roles: POLICE_ROLES },
};

/** A new incident, reported through one of the four channels. */
export class ReportIncidentCommand extends Command<{ caseNumber: string } & Decided<IncidentEvent, IncidentState>> {
  constructor(
    readonly principal: Principal,
    readonly report: ReportIncidentDto,
  ) {
    super();
  }
}

/**
 * Allocates the case number and reports the incident in ONE transaction (the number is the
 * stream's id): if the decider says no, the number is given back.
 */
@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  private readonly caseNumbers: CaseNumbers;
  private readonly bounds: OccurredAtBounds = occurredAtBounds();

  constructor(
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
    private readonly directory: IncidentDirectory,
    private readonly callerKeys: CallerKeys,
  ) {
    this.caseNumbers = new CaseNumbers(runtime.schema);
  }

  async execute({ principal, report }: ReportIncidentCommand) {
    const allowed = REPORTERS[report.intake.channel];
    if (principal.organisationKind !== allowed.kind || !hasRole(principal, ...allowed.roles)) throw new AccessDeniedError();
    // A hospital reports for itself (no role may report for another hospital); police name the hospital.
    const hospitalId = report.hospital?.hospitalId ?? (allowed.kind === 'hospital' ? principal.organisationId : undefined);
    if (hospitalId === undefined) {
      throw new RequestValidationError([
        { field: 'hospital.hospitalId', code: 'IS_DEFINED', message: 'name the hospital where it happened' },
      ]);
    }
    if (allowed.kind === 'hospital' && hospitalId !== principal.organisationId) throw new AccessDeniedError();
    // Its county, police office and the bodies over it are the directory's, not the caller's, to say.
    const hospital = await this.directory.hospital(hospitalId);
    if (allowed.kind === 'police' && !regionContains(principal.organisationRegion, hospital.regionCode)) {
      throw new AccessDeniedError(); // police take incidents in their jurisdiction
    }
    // The instants a reporter enters, bounded as every stated instant is (422 naming the field): the
    // report's events themselves are recorded when reported.
    const now = this.runtime.clock();
    const occurredAt = checkOccurredAt({ field: 'occurredAt', at: new Date(report.occurredAt) }, now, null, this.bounds);
    const intake = intakeOf(report);
    if (intake.channel === 'call_110') {
      intake.callReceivedAt = checkOccurredAt({ field: 'intake.callReceivedAt', at: intake.callReceivedAt }, now, null, this.bounds);
    }
    return this.runtime.db.transaction(async (query) => {
      const caseNumber = await this.caseNumbers.allocate(query, hospital.regionCode, now);
      const recorded = await this.sealCaller(query, caseNumber, intake);
      const decided = await this.commands.execute(
        new IncidentCommandMessage({
          streamId: incidentStreamId(caseNumber),
          command: {
            type: 'ReportIncident',
            data: {
              caseNumber,
              hospital,
              occurredAt,
              intake: recorded,
              classification: report.classification && {
                categories: report.classification.categories,
                casualties: report.classification.casualties && { ...report.classification.casualties },
                massIncident: report.classification.massIncident,
                weaponsInvolved: report.classification.weaponsInvolved,
                seriousInjuryPendingAppraisal: report.classification.seriousInjuryPendingAppraisal,
              },
            },
          },
          actor: actorOf(principal, ...allowed.roles),
          correlationId: caseNumber,
          query,
        }),
      );
      return { caseNumber, ...decided };
    });
  }

  /**
   * The caller's details go into the event sealed under a key of this case only, which stays in
   * this database (rolled back with a refused report): the store and Kafka carry ciphertext.
   * A new intake each time, so a retried transaction seals afresh.
   */
  private async sealCaller(query: Query, caseNumber: string, intake: IntakeInput): Promise<IntakeInput> {
    if (intake.channel !== 'call_110') return intake;
    const details = callerDetailsOf(intake.caller);
    if (details.name === null && details.phone === null) return intake;
    await this.callerKeys.createKey(query, caseNumber, this.runtime.clock());
    return { ...intake, caller: { sealed: await this.callerKeys.seal(query, caseNumber, details) } };
  }
}

function intakeOf(dto: ReportIncidentDto): IntakeInput {
  const intake = dto.intake;
  switch (intake.channel) {
    case 'call_110':
      return {
        channel: 'call_110',
        callReceivedAt: new Date(intake.callReceivedAt),
        caller: intake.caller && { ...intake.caller },
        description: intake.description,
      };
    case 'hospital_report':
      return { ...intake, channel: 'hospital_report' };
    case 'one_key_alarm':
      return { ...intake, channel: 'one_key_alarm' };
    case 'patrol':
      return { ...intake, channel: 'patrol' };
  }
}
