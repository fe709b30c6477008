import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES, type RequestWithPrincipal } from './decorators.js';
import { AccessDeniedError, UnauthenticatedError } from './errors.js';
import { hasRole } from './principal.js';
import type { Role } from './roles.js';
import type { AccessTokenVerifier } from './tokens.js';

export const ACCESS_TOKEN_VERIFIER = Symbol('pingan.AccessTokenVerifier');

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Installed globally (APP_GUARD) by the platform: every HTTP route needs a valid access token
 * unless it is @Public(); @Roles(...) narrows it further. Runs before pipes, so a caller
 * without a token learns nothing, not even whether their input was valid.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Messages between services come over the bus, authenticated by the transport, not by tokens.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithPrincipal & { headers: Record<string, unknown> }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) throw new UnauthenticatedError();
    const principal = await this.verifier.verify(match[1]);
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !hasRole(principal, ...roles)) throw new AccessDeniedError();
    return true;
  }
}
