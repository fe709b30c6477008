import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, canReadUserPersonalData, hasRole, type Principal } from '@pingan/access';
import type { Page } from '@pingan/platform';
import { DirectoryError } from '../../domain/access.errors.js';
import { AccessStore } from '../access-store.js';
import { DirectoryLookups, type OrganisationFilter, type OrganisationRow, type UserRow } from '../directory-lookups.js';

export const USER_PERSONAL_DATA = 'user-personal-data';

/** The directory of organisations (any signed-in user), a page at a time. */
export class ListOrganisationsQuery extends Query<Page<OrganisationRow>> {
  constructor(readonly filter: OrganisationFilter) {
    super();
  }
}

/** One organisation, or undefined. */
export class FindOrganisationQuery extends Query<OrganisationRow | undefined> {
  constructor(readonly organisationId: string) {
    super();
  }
}

/** A user's record with personal data, on need to know, audited before it is returned. */
export class GetUserQuery extends Query<UserRow> {
  constructor(
    readonly principal: Principal,
    readonly userId: string,
    readonly purpose: string | undefined,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Who read an organisation's sensitive records (its own members, system administrators). */
export class ListOrganisationReadsQuery extends Query<Awaited<ReturnType<AccessStore['readAudit']['listReads']>>> {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly filter: { limit?: number; offset?: number; recordId?: string },
  ) {
    super();
  }
}

@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery> {
  constructor(private readonly directory: DirectoryLookups) {}

  execute({ filter }: ListOrganisationsQuery): Promise<Page<OrganisationRow>> {
    return this.directory.organisationPage(filter);
  }
}

@QueryHandler(FindOrganisationQuery)
export class FindOrganisationHandler implements IQueryHandler<FindOrganisationQuery> {
  constructor(private readonly directory: DirectoryLookups) {}

  execute({ organisationId }: FindOrganisationQuery): Promise<OrganisationRow | undefined> {
    return this.directory.organisation(organisationId);
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(
    private readonly directory: DirectoryLookups,
    private readonly store: AccessStore,
  ) {}

  async execute({ principal, userId, purpose, correlationId }: GetUserQuery): Promise<UserRow> {
    const user = await this.directory.user(userId);
    // Whether a user exists is itself a fact only administrators need: everyone else gets 403 either way.
    if (!user) {
      if (hasRole(principal, 'system_administrator')) throw new DirectoryError('ACCESS.USER_NOT_FOUND', 'No such user');
      throw new AccessDeniedError();
    }
    if (!canReadUserPersonalData(principal, user)) throw new AccessDeniedError();
    await this.store.readAudit.record({
      principal,
      recordType: USER_PERSONAL_DATA,
      recordId: user.userId,
      ownerOrganisationIds: [user.organisationId],
      purpose,
      correlationId,
    });
    return user;
  }
}

@QueryHandler(ListOrganisationReadsQuery)
export class ListOrganisationReadsHandler implements IQueryHandler<ListOrganisationReadsQuery> {
  constructor(private readonly store: AccessStore) {}

  async execute({ principal, organisationId, filter }: ListOrganisationReadsQuery) {
    if (principal.organisationId !== organisationId && !hasRole(principal, 'system_administrator')) throw new AccessDeniedError();
    return this.store.readAudit.listReads(organisationId, filter);
  }
}
