import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, shanghaiDateOf } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { evaluateHospital, evaluateRegion, type Compliance, type RegionHospital } from '../../domain/standards.js';
import { inspectionTallies, noInspections } from '../../read-models/inspections.projection.js';
import { profilesIn } from '../../read-models/profiles.projection.js';
import { canReadLedger } from '../../security-ledger.access.js';
import { directoryFacts, directoryHospitalsIn, ledgerRegion, regionName, regionPrefix } from '../hospital-facts.js';

/** The ledger of a region (台账): every hospital of it and below with its compliance, "完成一家，销号一家" [S0 三(三)]. */
export class RegionLedgerQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly region: string | undefined,
    readonly compliance: Compliance | undefined,
  ) {
    super();
  }
}

@QueryHandler(RegionLedgerQuery)
export class RegionLedgerHandler implements IQueryHandler<RegionLedgerQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, region, compliance }: RegionLedgerQuery) {
    const regionCode = ledgerRegion(principal, region);
    if (!canReadLedger(principal, regionCode)) throw new AccessDeniedError();
    await this.runtime.catchUpProjections(); // a filing is on the ledger at once
    const prefix = regionPrefix(regionCode);
    const query = this.runtime.db.query;
    const [hospitals, profiles, tallies] = await Promise.all([
      directoryHospitalsIn(query, this.runtime.schema, prefix),
      profilesIn(query, prefix),
      inspectionTallies(query, prefix, this.runtime.clock()),
    ]);
    const byId = new Map(profiles.map((p) => [p.hospitalId, p]));
    const ids = [...new Set([...hospitals.map((h) => h.organisationId), ...profiles.map((p) => p.hospitalId)])].sort();
    const asOf = shanghaiDateOf(this.runtime.clock());
    const regionHospitals: RegionHospital[] = [];
    const items = ids.map((hospitalId) => {
      const org = hospitals.find((h) => h.organisationId === hospitalId);
      const filed = byId.get(hospitalId);
      const known = directoryFacts(org);
      const facts = {
        regionCode: org?.regionCode ?? filed!.regionCode,
        level: known.level ?? filed?.level ?? null,
        ownership: known.ownership ?? filed?.ownership ?? null,
      };
      regionHospitals.push({ facts, hasPoliceOffice: filed?.profile.policeOffice?.present ?? null });
      const evaluation = filed ? evaluateHospital(facts, filed.profile, asOf) : null;
      const tally = tallies.get(hospitalId) ?? noInspections();
      return {
        hospitalId,
        name: org?.name ?? hospitalId,
        regionCode: facts.regionCode,
        regionName: regionName(facts.regionCode),
        level: facts.level,
        ownership: facts.ownership,
        compliance: (evaluation?.compliance ?? 'not_filed') as Compliance,
        revision: filed?.revision ?? 0,
        filedAt: filed?.filedAt ?? null,
        counts: evaluation?.counts ?? null,
        // Every requirement with its status and figure (the XLSX's columns, the assessment's scores).
        requirements: evaluation?.requirements ?? [],
        // What the commission follows up: each requirement not met or not known, with its figure.
        gaps: (evaluation?.requirements ?? [])
          .filter((r) => r.status === 'not_met' || r.status === 'unknown')
          .map(({ standardId, title, source, status, figure }) => ({ standardId, title, source, status, figure })),
        // Rectification (整改): items not signed off, those of them past due, those signed off after their due day.
        openItems: tally.openItems,
        overdueItems: tally.overdueItems,
        lateItems: tally.lateItems,
        lastInspectedAt: tally.lastInspectedAt,
        lastInspectionOn: tally.lastInspectedAt ? shanghaiDateOf(new Date(tally.lastInspectedAt)) : null,
      };
    });
    const summary = { hospitals: items.length, compliant: 0, non_compliant: 0, incomplete: 0, not_filed: 0 };
    for (const item of items) summary[item.compliance] += 1;
    return {
      regionCode,
      regionName: regionName(regionCode),
      asOf,
      summary,
      regionRequirements: evaluateRegion(regionCode, regionHospitals),
      items: compliance ? items.filter((i) => i.compliance === compliance) : items,
    };
  }
}
