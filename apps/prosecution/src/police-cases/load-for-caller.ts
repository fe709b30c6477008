import { AccessDeniedError, type Principal } from '@pingan/access';
import type { LoadedCase, PoliceCaseService } from '../police-case.service.js';
import { PoliceCaseNotFoundError } from '../domain/police-case.errors.js';

/**
 * Loads a case for a request. A missing case is 404 for police (who open cases and must tell
 * "no such case" from "not yours") and 403 for everyone else, so case numbers cannot be probed.
 */
export async function loadForCaller(cases: PoliceCaseService, principal: Principal, caseNumber: string): Promise<LoadedCase> {
  const found = await cases.find(caseNumber);
  if (found) return found;
  if (principal.organisationKind === 'police') throw new PoliceCaseNotFoundError(caseNumber);
  throw new AccessDeniedError();
}
