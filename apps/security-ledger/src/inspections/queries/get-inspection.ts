import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import {
  SECURITY_LEDGER_CONTEXT,
  rectificationDeadlineId,
  securityInspectionStreamId,
  shanghaiDateOf,
  type SecurityLedgerEvent,
} from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { inspectionDecider } from '../../domain/inspection.decider.js';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { inspectionsOf } from '../../read-models/inspections.projection.js';
import { canReadHospital, unknownRecord } from '../../security-ledger.access.js';
import { regionName } from '../../ledger/hospital-facts.js';

/** One inspection: its findings, each rectification item with its status and clock, its circulars and interviews. */
export class GetInspectionQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly inspectionId: string,
  ) {
    super();
  }
}

@QueryHandler(GetInspectionQuery)
export class GetInspectionHandler implements IQueryHandler<GetInspectionQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, inspectionId }: GetInspectionQuery) {
    const events = await this.runtime.store.readStream(securityInspectionStreamId(inspectionId));
    const state = fold(inspectionDecider, events as unknown as SecurityLedgerEvent[]);
    if (!state.recorded)
      unknownRecord(principal, new SecurityLedgerError('SECURITY_LEDGER.INSPECTION_NOT_FOUND', `No inspection ${inspectionId}`));
    if (!canReadHospital(principal, { hospitalId: state.hospitalId!, regionCode: state.regionCode! })) throw new AccessDeniedError();
    const now = this.runtime.clock();
    const [hospital, inspector] = await Promise.all([
      this.runtime.directory?.find(state.hospitalId!),
      this.runtime.directory?.find(state.inspector!.organisationId),
    ]);
    const items = await Promise.all(
      Object.values(state.items).map(async (item) => {
        const clock = await this.runtime.deadlines?.get(rectificationDeadlineId(inspectionId, item.itemId));
        return {
          ...item,
          // Past its due instant and not signed off.
          overdue: item.status !== 'signed_off' && now.getTime() > new Date(item.dueAt).getTime(),
          clock: clock
            ? { state: clock.state, dueAt: clock.dueAt.toISOString(), breachedAt: clock.breachedAt?.toISOString() ?? null }
            : null,
        };
      }),
    );
    const count = (test: (i: (typeof items)[number]) => boolean) => items.filter(test).length;
    return {
      inspectionId,
      hospitalId: state.hospitalId,
      hospitalName: hospital?.name ?? state.hospitalId,
      regionCode: state.regionCode,
      regionName: regionName(state.regionCode!),
      kind: state.kind,
      inspectedAt: state.inspectedAt,
      inspectedOn: shanghaiDateOf(new Date(state.inspectedAt!)),
      inspector: { ...state.inspector!, name: inspector?.name ?? state.inspector!.organisationId },
      findings: state.findings,
      items,
      counts: {
        items: items.length,
        open: count((i) => i.status !== 'signed_off'),
        overdue: count((i) => i.overdue),
        signedOff: count((i) => i.status === 'signed_off'),
        late: count((i) => i.onTime === false),
      },
      circulars: state.circulars,
      interviews: state.interviews,
    };
  }
}

/** A hospital's inspections, the latest first (the hospital itself; police and commissions of its region). */
export class HospitalInspectionsQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly hospitalId: string,
  ) {
    super();
  }
}

@QueryHandler(HospitalInspectionsQuery)
export class HospitalInspectionsHandler implements IQueryHandler<HospitalInspectionsQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, hospitalId }: HospitalInspectionsQuery) {
    const org = await this.runtime.directory?.find(hospitalId);
    if (!org || org.kind !== 'hospital') unknownRecord(principal, new SecurityLedgerError('SECURITY_LEDGER.NOT_FOUND', 'No such hospital'));
    if (!canReadHospital(principal, { hospitalId, regionCode: org.regionCode })) throw new AccessDeniedError();
    await this.runtime.catchUpProjections(); // an inspection just recorded is on the list at once
    return {
      hospitalId,
      name: org.name,
      regionCode: org.regionCode,
      regionName: regionName(org.regionCode),
      inspections: (await inspectionsOf(this.runtime.db.query, hospitalId, this.runtime.clock())).map((i) => ({
        ...i,
        inspectedOn: shanghaiDateOf(new Date(i.inspectedAt)),
      })),
    };
  }
}
