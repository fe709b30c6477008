import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal } from '@pingan/access';
import type { Request } from 'express';
import { FindOrganisationQuery } from '../directory/queries/directory-queries.js';
import { LoginDto, LogoutDto, RefreshDto } from './auth.dto.js';
import { AuthService, type TokenPair } from './auth.service.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';

@ApiTags('gateway')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly queries: QueryBus,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  // Request rate per address on top of the lockout (which counts failures in the database).
  @UseGuards(LoginRateLimitGuard)
  @ApiOperation({ summary: 'Log in: a 15-minute access token and a rotating refresh token. 5 failures lock the account for 15 minutes.' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<TokenPair> {
    return this.auth.login(dto.username, dto.password, req.ip ?? 'unknown');
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token (once) for a new pair; reuse of a spent token revokes its whole family' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke a session’s refresh tokens (or all of the user’s); access tokens die at expiry' })
  async logout(@CurrentPrincipal() principal: Principal, @Body() dto: LogoutDto): Promise<void> {
    await this.auth.logout(principal.userId, dto.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token says you are' })
  async me(@CurrentPrincipal() principal: Principal) {
    const organisation = await this.queries.execute(new FindOrganisationQuery(principal.organisationId));
    return {
      userId: principal.userId,
      username: principal.username,
      organisationId: principal.organisationId,
      organisationName: organisation?.name ?? null,
      organisationKind: principal.organisationKind,
      organisationRegion: principal.organisationRegion,
      roles: principal.roles,
      healthCommissionLevel: principal.healthCommissionLevel ?? null,
      policeUnitType: principal.policeUnitType ?? null,
      accessTokenExpiresAt: principal.expiresAt.toISOString(),
    };
  }
}
