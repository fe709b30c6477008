import { CommandHandler } from '@nestjs/cqrs';
import { SECURITY_LEDGER_CONTEXT, SECURITY_PROFILE_STREAM_TYPE, type SecurityLedgerEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { SecurityProfileCommand } from '../../domain/security-profile.commands.js';
import { securityProfileDecider, type SecurityProfileState } from '../../domain/security-profile.decider.js';

/** A command on one hospital's profile, on the CommandBus (stream `security-profile-<hospitalId>`). */
export class SecurityProfileCommandMessage extends DecideCommand<SecurityProfileCommand, SecurityLedgerEvent, SecurityProfileState> {}

/** The platform's decider handler, for the profile. */
@CommandHandler(SecurityProfileCommandMessage)
export class SecurityProfileCommandHandler extends DeciderCommandHandler<
  SecurityProfileCommand,
  SecurityLedgerEvent,
  SecurityProfileState
> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: SECURITY_PROFILE_STREAM_TYPE, decider: securityProfileDecider });
  }
}
