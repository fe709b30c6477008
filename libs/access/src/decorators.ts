import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { UnauthenticatedError } from './errors.js';
import type { Principal } from './principal.js';
import type { Role } from './roles.js';

export const IS_PUBLIC = 'pingan.access.public';
export const REQUIRED_ROLES = 'pingan.access.roles';

/** OpenAPI extensions saying the same to clients: the document's security and 401/403 answers follow them. */
export const OPENAPI_PUBLIC = 'x-public';
export const OPENAPI_ROLES = 'x-roles';

/** The route needs no token (health, docs, login, refresh). Everything else does. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC, true));

/** Only callers holding at least one of these roles (403 ACCESS.DENIED otherwise). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(OPENAPI_ROLES, roles));

/** Where the guard leaves the verified principal on the request. */
export type RequestWithPrincipal = { principal?: Principal };

export function principalOf(request: RequestWithPrincipal): Principal {
  // Only reachable on a @Public() route: a protected one never runs without a principal.
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}

/** `@CurrentPrincipal() principal: Principal`: the caller, from the verified access token. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<RequestWithPrincipal>()),
);

export const ACCESS_PURPOSE_HEADER = 'x-access-purpose';

/**
 * Why the caller reads a sensitive record, from `x-access-purpose` (trimmed, at most 200
 * characters, no control characters). HTTP headers carry no raw Chinese, so the value may be
 * percent-encoded UTF-8 (`encodeURIComponent('核查投诉')`); it is decoded when it decodes.
 */
export function accessPurposeOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const raw = headers[ACCESS_PURPOSE_HEADER];
  let value = Array.isArray(raw) ? raw[0] : raw;
  try {
    value = value === undefined ? undefined : decodeURIComponent(value);
  } catch {
    // not percent-encoded after all: keep it as sent
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the audit log
  const text = value?.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return text ? text.slice(0, 200) : undefined;
}

/** `@AccessPurpose() purpose: string | undefined`. */
export const AccessPurpose = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  accessPurposeOf(context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers),
);
