import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPurpose, CurrentPrincipal, Roles, actorOf, type Principal } from '@pingan/access';
import { correlationIdOf, pageWindow } from '@pingan/platform';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { DirectoryError } from '../domain/access.errors.js';
import type { OrganisationDetails } from '../domain/organisation.decider.js';
import {
  AssignRolesCommand,
  DeactivateOrganisationCommand,
  DeactivateUserCommand,
  RegisterOrganisationCommand,
  RegisterUserCommand,
  type CommandContext,
} from '../directory/commands/directory-use-cases.js';
import {
  FindOrganisationQuery,
  GetUserQuery,
  ListOrganisationReadsQuery,
  ListOrganisationsQuery,
} from '../directory/queries/directory-queries.js';
import {
  AssignRolesDto,
  DeactivateDto,
  ListOrganisationsDto,
  ListReadsQuery,
  RegisterOrganisationDto,
  RegisterUserDto,
} from './admin.dto.js';

const context = (principal: Principal, req: Request): CommandContext => ({
  actor: actorOf(principal, 'system_administrator'),
  correlationId: correlationIdOf(req) ?? randomUUID(),
});

/**
 * The directory over HTTP. Changes are for system administrators, as commands on the CommandBus;
 * every change is an event in the access store, so who granted whom which role is on record.
 * Reads on the QueryBus: organisations are open to every signed-in user; a user's personal data
 * only on need to know, and every read of it is audited.
 */
@ApiTags('gateway')
@ApiBearerAuth()
@Controller('access')
export class AccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('organisations')
  @Roles('system_administrator')
  @ApiOperation({ summary: 'Register an organisation (system_administrator)' })
  async registerOrganisation(@Body() dto: RegisterOrganisationDto, @CurrentPrincipal() principal: Principal, @Req() req: Request) {
    const details: OrganisationDetails = {
      ...(dto.hospital ? { hospital: { ...dto.hospital } } : {}),
      ...(dto.policeUnitType ? { police: { unitType: dto.policeUnitType } } : {}),
      ...(dto.healthCommissionLevel ? { healthCommission: { level: dto.healthCommissionLevel } } : {}),
    };
    const organisationId = await this.commands.execute(
      new RegisterOrganisationCommand(
        { kind: dto.kind, name: dto.name, regionCode: dto.regionCode, parentId: dto.parentId ?? null, details },
        context(principal, req),
      ),
    );
    return { organisationId };
  }

  @Post('organisations/:id/deactivate')
  @Roles('system_administrator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate an organisation: its users can no longer log in or refresh (system_administrator)' })
  async deactivateOrganisation(
    @Param('id') id: string,
    @Body() dto: DeactivateDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ) {
    await this.commands.execute(new DeactivateOrganisationCommand(id, dto.reason, context(principal, req)));
  }

  @Get('organisations')
  @ApiOperation({
    summary:
      'The directory of organisations (any signed-in user): { items, total, limit, offset }. unit: the children of that parent; q: id and name.',
  })
  organisations(@Query() query: ListOrganisationsDto) {
    const { limit, offset } = pageWindow(query);
    return this.queries.execute(
      new ListOrganisationsQuery({
        status: query.status,
        kind: query.kind,
        regionCode: query.regionCode,
        unit: query.unit,
        q: query.q,
        awaitingMe: query.awaitingMe,
        limit,
        offset,
      }),
    );
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'One organisation (any signed-in user)' })
  async organisation(@Param('id') id: string) {
    const found = await this.queries.execute(new FindOrganisationQuery(id));
    if (!found) throw new DirectoryError('ACCESS.ORGANISATION_NOT_FOUND', 'No such organisation');
    return found;
  }

  @Post('users')
  @Roles('system_administrator')
  @ApiOperation({ summary: 'Register a user with roles their organisation kind allows (system_administrator)' })
  async registerUser(@Body() dto: RegisterUserDto, @CurrentPrincipal() principal: Principal, @Req() req: Request) {
    const userId = await this.commands.execute(
      new RegisterUserCommand(
        {
          organisationId: dto.organisationId,
          username: dto.username,
          displayName: dto.displayName,
          phone: dto.phone ?? null,
          roles: dto.roles,
          password: dto.password,
        },
        context(principal, req),
      ),
    );
    return { userId };
  }

  @Put('users/:id/roles')
  @Roles('system_administrator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Replace a user’s roles; takes effect at their next refresh (system_administrator)' })
  async assignRoles(@Param('id') id: string, @Body() dto: AssignRolesDto, @CurrentPrincipal() principal: Principal, @Req() req: Request) {
    await this.commands.execute(new AssignRolesCommand(id, dto.roles, context(principal, req)));
  }

  @Post('users/:id/deactivate')
  @Roles('system_administrator')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Deactivate a user: no login, no refresh; access tokens already issued die at expiry (system_administrator). ' +
      'Never the last active system administrator: 409 ACCESS.LAST_ADMINISTRATOR',
  })
  async deactivateUser(@Param('id') id: string, @Body() dto: DeactivateDto, @CurrentPrincipal() principal: Principal, @Req() req: Request) {
    await this.commands.execute(new DeactivateUserCommand(id, dto.reason, context(principal, req)));
  }

  @Get('users/:id')
  @ApiOperation({
    summary:
      'A user’s record with personal data: the user, their organisation, system administrators. Audited; say why in x-access-purpose.',
  })
  user(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @AccessPurpose() purpose: string | undefined,
    @Req() req: Request,
  ) {
    return this.queries.execute(new GetUserQuery(principal, id, purpose, correlationIdOf(req) ?? randomUUID()));
  }

  @Get('organisations/:id/reads')
  @ApiOperation({ summary: 'Who read this organisation’s sensitive records (its own members, system administrators)' })
  reads(@Param('id') id: string, @Query() query: ListReadsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(
      new ListOrganisationReadsQuery(principal, id, { limit: query.limit, offset: query.offset, recordId: query.recordId }),
    );
  }
}
