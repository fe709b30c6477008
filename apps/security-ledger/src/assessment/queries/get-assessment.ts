import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, securityAssessmentStreamId, type SecurityLedgerEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { directoryHospitalsIn, regionName, regionPrefix } from '../../ledger/hospital-facts.js';
import { canReadLedger } from '../../security-ledger.access.js';
import { AssessmentError } from '../assessment.errors.js';
import { securityAssessmentDecider } from '../assessment.decider.js';

/** One recorded assessment, hospitals and regions by name. */
export class GetAssessmentQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly assessmentId: string,
  ) {
    super();
  }
}

@QueryHandler(GetAssessmentQuery)
export class GetAssessmentHandler implements IQueryHandler<GetAssessmentQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, assessmentId }: GetAssessmentQuery) {
    const overseer = principal.organisationKind === 'police' || principal.organisationKind === 'health_commission';
    const events = await this.runtime.store.readStream(securityAssessmentStreamId(assessmentId));
    const { recorded } = fold(securityAssessmentDecider, events as unknown as SecurityLedgerEvent[]);
    if (!recorded) {
      // Only those who oversee hospitals learn that an assessment does not exist.
      if (overseer) throw new AssessmentError('SECURITY_LEDGER.ASSESSMENT_NOT_FOUND', `No assessment ${assessmentId}`);
      throw new AccessDeniedError();
    }
    // Police and commissions of the assessed region or above, as for the ledger.
    if (!canReadLedger(principal, recorded.regionCode)) throw new AccessDeniedError();
    const names = new Map(
      (await directoryHospitalsIn(this.runtime.db.query, this.runtime.schema, regionPrefix(recorded.regionCode))).map((h) => [
        h.organisationId,
        h.name,
      ]),
    );
    const items = new Map(recorded.sheet.items.map((i) => [i.id, i]));
    return {
      ...recorded,
      regionName: regionName(recorded.regionCode),
      hospitals: recorded.hospitals.map((h) => ({
        ...h,
        name: names.get(h.hospitalId) ?? h.hospitalId,
        regionName: regionName(h.regionCode),
        scores: h.scores.map((s) => ({ ...s, title: items.get(s.itemId)?.title ?? s.itemId, points: items.get(s.itemId)?.points ?? 0 })),
      })),
      // The region's spread: how many hospitals reached each grade (the sheet's bands; none without).
      grades: Object.fromEntries(recorded.sheet.bands.map((b) => [b.grade, recorded.hospitals.filter((h) => h.grade === b.grade).length])),
    };
  }
}
