import { Command, CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, isRegionCode, regionContains, regionPrefix, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, securityAssessmentStreamId } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { randomUUID } from 'node:crypto';
import type { RegionLedger } from '../../ledger/export/ledger-return.js';
import { RegionLedgerQuery } from '../../ledger/queries/region-ledger.js';
import { profilesIn } from '../../read-models/profiles.projection.js';
import { AssessmentError } from '../assessment.errors.js';
import { effectiveSheet } from '../sheets.js';
import { SecurityAssessmentCommandMessage } from './assessment-commands.js';

export type RecordedAssessmentAnswer = { assessmentId: string; year: number; regionCode: string; hospitals: number };

/** A health commission records the year's 平安医院 assessment of its region (or one below it). */
export class RecordAssessmentCommand extends Command<RecordedAssessmentAnswer> {
  constructor(
    readonly principal: Principal,
    readonly year: number,
    readonly region: string | undefined,
  ) {
    super();
  }
}

@CommandHandler(RecordAssessmentCommand)
export class RecordAssessmentHandler implements ICommandHandler<RecordAssessmentCommand> {
  constructor(
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, year, region }: RecordAssessmentCommand): Promise<RecordedAssessmentAnswer> {
    // Police read the ledger too; only a commission assesses (the decider checks the role).
    if (principal.organisationKind !== 'health_commission')
      throw new AssessmentError('SECURITY_LEDGER.NOT_AUTHORISED', 'Only a health commission records an assessment');
    const regionCode = region && isRegionCode(region) ? region : principal.organisationRegion;
    if (!regionContains(principal.organisationRegion, regionCode))
      throw new AssessmentError('SECURITY_LEDGER.REGION_OUTSIDE_SCOPE', `Region ${regionCode} is not the commission's region or below it`);
    // The ledger as it stands (the standards evaluated now), and the profiles behind it.
    const ledger = (await this.queries.execute(new RegionLedgerQuery(principal, regionCode, undefined))) as RegionLedger;
    const profiles = new Map((await profilesIn(this.runtime.db.query, regionPrefix(regionCode))).map((p) => [p.hospitalId, p.profile]));
    const { origin, version, sheet } = await effectiveSheet(this.runtime, regionCode);
    const assessmentId = randomUUID();
    const { state } = await this.commands.execute(
      new SecurityAssessmentCommandMessage({
        streamId: securityAssessmentStreamId(assessmentId),
        command: {
          type: 'RecordSecurityAssessment',
          data: {
            assessmentId,
            year,
            regionCode,
            commissionId: principal.organisationId,
            commissionRegion: principal.organisationRegion,
            sheet: { ...sheet, origin, version },
            hospitals: ledger.items.map((item) => ({
              hospitalId: item.hospitalId,
              regionCode: item.regionCode,
              level: item.level,
              ownership: item.ownership,
              compliance: item.compliance,
              revision: item.revision,
              filed: item.compliance !== 'not_filed',
              requirements: item.requirements,
              profile: profiles.get(item.hospitalId) ?? null,
            })),
          },
        },
        actor: actorOf(principal, 'health_commission_official'),
        correlationId: assessmentId,
      }),
    );
    return { assessmentId, year, regionCode, hospitals: state.recorded!.hospitals.length };
  }
}
