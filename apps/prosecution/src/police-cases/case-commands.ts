import type { Principal, Role } from '@pingan/access';
import type { CommandInput, LoadedCase, PoliceCaseService } from '../police-case.service.js';
import { assertCaseAccess } from './case-access.js';
import { loadForCaller } from './load-for-caller.js';

/**
 * The one path of every command endpoint: load the case, check the caller may act on it
 * (default: write access by the policy), then decide and append as the caller.
 */
export async function runCaseCommand(
  cases: PoliceCaseService,
  principal: Principal,
  roles: readonly Role[],
  caseNumber: string,
  build: (loaded: LoadedCase) => CommandInput,
  access: (loaded: LoadedCase) => void = (loaded) => assertCaseAccess(principal, loaded, 'write'),
): Promise<{ caseNumber: string; events: string[] }> {
  const loaded = await loadForCaller(cases, principal, caseNumber);
  access(loaded);
  const events = await cases.execute(principal, roles, build(loaded));
  return { caseNumber, events: events.map((e) => e.type) };
}
