import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, isRegionCode, regionContains, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { regionName } from '../../ledger/hospital-facts.js';
import { AssessmentError } from '../assessment.errors.js';
import { effectiveSheet, type EffectiveSheet } from '../sheets.js';

/** The sheet a region is scored by, and whose it is. */
export class GetAssessmentSheetQuery extends Query<EffectiveSheet & { regionName: string }> {
  constructor(
    readonly principal: Principal,
    readonly regionCode: string,
  ) {
    super();
  }
}

/**
 * Who reads a region's sheet: a system administrator; police and commissions of that region or
 * above; the hospitals the sheet scores (theirs is within the region). Not secret, but not everyone's.
 */
const canReadSheet = (p: Principal, regionCode: string): boolean =>
  p.roles.includes('system_administrator') ||
  ((p.organisationKind === 'police' || p.organisationKind === 'health_commission') && regionContains(p.organisationRegion, regionCode)) ||
  (p.organisationKind === 'hospital' && regionContains(regionCode, p.organisationRegion));

@QueryHandler(GetAssessmentSheetQuery)
export class GetAssessmentSheetHandler implements IQueryHandler<GetAssessmentSheetQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, regionCode }: GetAssessmentSheetQuery) {
    if (!isRegionCode(regionCode)) throw new AssessmentError('SECURITY_LEDGER.REGION_OUTSIDE_SCOPE', `${regionCode} is not a region code`);
    if (!canReadSheet(principal, regionCode)) throw new AccessDeniedError();
    return { ...(await effectiveSheet(this.runtime, regionCode)), regionName: regionName(regionCode) };
  }
}
