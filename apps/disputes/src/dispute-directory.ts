import { Injectable } from '@nestjs/common';
import { requireAgreement, type OrganisationDirectory, type Principal } from '@pingan/access';
import { DISPUTES_CONTEXT, type DisputeMediationKind } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';

/**
 * What the disputes service takes from its copy of the access directory instead of from the
 * request: the hospital's region and the commission over it (the risk-review clock's supervisor),
 * the mediator's supervisor; and every organisation id a request names is checked here (422
 * naming the field: unknown, deactivated, or not the kind the step needs).
 */
@Injectable()
export class DisputeDirectory {
  private readonly directory: OrganisationDirectory;

  constructor(@InjectRuntime(DISPUTES_CONTEXT) runtime: ServiceRuntime) {
    if (!runtime.directory) throw new Error('the disputes runtime keeps a copy of the directory (option directory)');
    this.directory = runtime.directory;
  }

  /**
   * The caller's hospital, where the complaint is received: its region, and its county's health
   * commission, which supervises the risk-review clock. A stated supervisor must be that one.
   */
  async complaintSupervisor(principal: Principal, stated: string | undefined): Promise<string | null> {
    const hospital = await this.directory.require(principal.organisationId, 'hospitalId', ['hospital']);
    const supervisor = (await this.directory.seatedAt('health_commission', hospital.regionCode))?.organisationId ?? null;
    requireAgreement('supervisingOrganisationId', stated, supervisor);
    return supervisor;
  }

  /**
   * The mediator a dispute is referred to: a 医调委 for people's mediation, a health commission for
   * administrative mediation; and who supervises it (a breach of its clocks goes there).
   */
  async mediator(
    kind: DisputeMediationKind,
    mediatorOrganisationId: string,
  ): Promise<{ mediatorOrganisationId: string; supervisingOrganisationId: string | null }> {
    const mediator = await this.directory.require(
      mediatorOrganisationId,
      'mediatorOrganisationId',
      kind === 'peoples_mediation' ? ['mediation_committee'] : ['health_commission'],
    );
    return { mediatorOrganisationId, supervisingOrganisationId: await this.supervisorOf(mediator.organisationId) };
  }

  /**
   * Who supervises the accepting mediator (the caller's organisation; the decider checks it is the
   * one referred to) for the 30-working-day clock. A stated supervisor must be that one.
   */
  async acceptingMediatorSupervisor(principal: Principal, stated: string | undefined): Promise<string | null> {
    const supervisor = await this.supervisorOf(principal.organisationId);
    requireAgreement('supervisingOrganisationId', stated, supervisor);
    return supervisor;
  }

  /** A court named by `field`. */
  async court(courtId: string, field = 'courtId'): Promise<string> {
    return (await this.directory.require(courtId, field, ['court'])).organisationId;
  }

  /** The hospital a dispute is handed over to (its complaints officers own disputes). */
  async handoverOrganisation(organisationId: string): Promise<string> {
    return (await this.directory.require(organisationId, 'toOrganisationId', ['hospital'])).organisationId;
  }

  /**
   * The body over a mediator: its parent in the directory, else, for a health commission, the
   * commission one level up, for a 医调委 the health commission of its county (which, with the
   * justice bureau, guides it); none when the directory has none.
   */
  private async supervisorOf(organisationId: string): Promise<string | null> {
    const organisation = await this.directory.find(organisationId);
    if (!organisation) return null;
    if (organisation.parentId !== null) {
      const parent = await this.directory.find(organisation.parentId);
      if (parent?.active) return parent.organisationId;
    }
    const supervisor =
      organisation.kind === 'health_commission'
        ? await this.directory.commissionAbove(organisation.regionCode)
        : organisation.kind === 'mediation_committee'
          ? await this.directory.seatedAt('health_commission', organisation.regionCode)
          : undefined;
    return supervisor?.organisationId ?? null;
  }
}
