import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import {
  ACCESS_CLOCK,
  ACCESS_TOKEN_KEYS,
  AccessTokenSigner,
  maxTokenLifetimeFromEnv,
  type AccessTokenKeys,
  type Clock,
} from '@pingan/access';
import { CALENDAR_CONTEXT } from '@pingan/contracts';
import { EventSourcingModule, type ServiceDescriptor } from '@pingan/platform';
import { AccessController } from './admin/access.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { CalendarYearCommandHandler, GetCalendarYearHandler } from './calendar/calendar-year.commands.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CONSOLE_DIR, ConsoleMiddleware, consoleDirFromEnv } from './console/console.middleware.js';
import { ACCESS_TOKEN_SIGNER, AuthService } from './auth/auth.service.js';
import { DEFAULT_LOCKOUT, LOCKOUT_POLICY, LoginLockout } from './auth/login-lockout.js';
import { DEFAULT_LOGIN_RATE_LIMIT, LOGIN_RATE_LIMIT, LoginRateLimitGuard } from './auth/login-rate-limit.guard.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { RefreshTokens } from './auth/refresh-tokens.js';
import { DemoDirectorySeeder } from './demo/demo-directory.js';
import { AccessStore } from './directory/access-store.js';
import { OrganisationCommandHandler, UserCommandHandler } from './directory/commands/directory-command.js';
import {
  AssignRolesHandler,
  DeactivateOrganisationHandler,
  DeactivateUserHandler,
  RegisterOrganisationHandler,
  RegisterUserHandler,
} from './directory/commands/directory-use-cases.js';
import { DirectoryLookups } from './directory/directory-lookups.js';
import {
  FindOrganisationHandler,
  GetUserHandler,
  ListOrganisationReadsHandler,
  ListOrganisationsHandler,
} from './directory/queries/directory-queries.js';
import { LabelsController } from './meta/labels.controller.js';
import { RoutingController } from './routing/routing.controller.js';
import { SERVICE_ENDPOINTS, ServiceRouter } from './routing/service-router.js';
import { parseServiceUrls, type ServiceEndpoint } from './routing/service-routes.js';

export const GATEWAY_SERVICE: ServiceDescriptor = {
  name: 'gateway',
  description: 'One HTTP entry: login, the directory of organisations and users, routing to services, the web console',
};

export interface GatewayOptions {
  /** Seed the demo county and print its logins on first start (embedded mode). */
  demoDirectory?: boolean;
  /** The services to route to (distributed mode); default: SERVICE_URLS from the environment. */
  services?: ServiceEndpoint[];
}

/**
 * The gateway bounded context: the access directory (organisations, users, roles; event-sourced
 * in schema 'access'), login and token issue. It relies on what an app root provides (database,
 * config, logging, the access guard) but imports no infrastructure itself, so standalone can
 * compose it with the others.
 */
@Module({
  // The calendar context: the years' holiday schedules as streams, published to every service with clocks
  // (libs/calendar/README.md says why the gateway owns it).
  imports: [EventSourcingModule.forService({ context: CALENDAR_CONTEXT })],
  controllers: [AuthController, AccessController, CalendarController, LabelsController],
  providers: [
    CalendarYearCommandHandler,
    GetCalendarYearHandler,
    AccessStore,
    DirectoryLookups,
    OrganisationCommandHandler,
    UserCommandHandler,
    RegisterOrganisationHandler,
    RegisterUserHandler,
    AssignRolesHandler,
    DeactivateUserHandler,
    DeactivateOrganisationHandler,
    ListOrganisationsHandler,
    FindOrganisationHandler,
    GetUserHandler,
    ListOrganisationReadsHandler,
    PasswordHasher,
    LoginLockout,
    RefreshTokens,
    AuthService,
    LoginRateLimitGuard,
    { provide: LOCKOUT_POLICY, useValue: DEFAULT_LOCKOUT },
    { provide: LOGIN_RATE_LIMIT, useValue: DEFAULT_LOGIN_RATE_LIMIT },
    {
      provide: ACCESS_TOKEN_SIGNER,
      inject: [ACCESS_TOKEN_KEYS, ACCESS_CLOCK],
      useFactory: (keys: AccessTokenKeys, clock: Clock) => {
        if (!keys.privateKey)
          throw new Error('the gateway signs access tokens: set ACCESS_TOKEN_PRIVATE_KEY (PEM) with ACCESS_TOKEN_PUBLIC_KEY');
        return new AccessTokenSigner(keys.privateKey, { clock: () => clock(), maxLifetimeSeconds: maxTokenLifetimeFromEnv(process.env) });
      },
    },
  ],
  exports: [DirectoryLookups, AccessStore],
})
export class GatewayModule implements NestModule {
  constructor(@Inject(SERVICE_ENDPOINTS) private readonly services: ServiceEndpoint[]) {}

  static forRoot(options: GatewayOptions = {}): DynamicModule {
    const services = options.services ?? parseServiceUrls(process.env.SERVICE_URLS);
    return {
      module: GatewayModule,
      // /openapi.json in both modes: the embedded app's own document, or every service's combined.
      controllers: [RoutingController],
      providers: [
        ...(options.demoDirectory ? [DemoDirectorySeeder] : []),
        { provide: SERVICE_ENDPOINTS, useValue: services },
        ServiceRouter,
        { provide: CONSOLE_DIR, useFactory: () => consoleDirFromEnv() },
        ConsoleMiddleware,
      ],
    };
  }

  // The console first (its files and pages are the gateway's own); then, in the distributed mode, every path a
  // service serves is forwarded to it (the embedded mode has them all in-process).
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ConsoleMiddleware).forRoutes('*');
    if (this.services.length > 0) consumer.apply(ServiceRouter).forRoutes('*');
  }
}
