import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, shanghaiDateOf } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { evaluateHospital } from '../../domain/standards.js';
import { canReadHospital } from '../../security-ledger.access.js';
import { directoryFacts, loadProfile, regionName } from '../hospital-facts.js';

/** One hospital: its profile as last filed and the evaluation against its region's standards today. */
export class GetHospitalQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly hospitalId: string,
  ) {
    super();
  }
}

@QueryHandler(GetHospitalQuery)
export class GetHospitalHandler implements IQueryHandler<GetHospitalQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, hospitalId }: GetHospitalQuery) {
    const [org, state] = await Promise.all([this.runtime.directory?.find(hospitalId), loadProfile(this.runtime, hospitalId)]);
    const regionCode = org?.regionCode ?? state.regionCode;
    if ((org && org.kind !== 'hospital') || !regionCode) {
      // Only those who oversee hospitals learn that this one is not known.
      if (principal.organisationKind === 'police' || principal.organisationKind === 'health_commission')
        throw new SecurityLedgerError('SECURITY_LEDGER.NOT_FOUND', 'No such hospital');
      throw new AccessDeniedError();
    }
    if (!canReadHospital(principal, { hospitalId, regionCode })) throw new AccessDeniedError();
    const known = directoryFacts(org);
    const facts = { regionCode, level: known.level ?? state.level, ownership: known.ownership ?? state.ownership };
    const asOf = shanghaiDateOf(this.runtime.clock());
    return {
      hospitalId,
      name: org?.name ?? hospitalId,
      regionCode,
      regionName: regionName(regionCode),
      level: facts.level,
      ownership: facts.ownership,
      filed: state.filed,
      revision: state.revision,
      filedAt: state.filedAt,
      profile: state.profile,
      evaluation: state.profile
        ? evaluateHospital(facts, state.profile, asOf)
        : { asOf, compliance: 'not_filed', counts: null, requirements: [] },
    };
  }
}
