import { DomainError } from '@pingan/platform';

/** Stable codes of the oversight context (clients branch on them: never rename one). */
export type OversightErrorCode =
  | 'SUPERVISION.ALREADY_STARTED'
  | 'SUPERVISION.NOT_FOUND'
  | 'SUPERVISION.CLOSED'
  | 'SUPERVISION.DUE_TOO_SOON'
  | 'OVERSIGHT.CASE_NOT_FOUND'
  | 'OVERSIGHT.BAD_MONTH';

const STATUS: Record<OversightErrorCode, number> = {
  'SUPERVISION.ALREADY_STARTED': 409,
  'SUPERVISION.NOT_FOUND': 404,
  'SUPERVISION.CLOSED': 409,
  'SUPERVISION.DUE_TOO_SOON': 422,
  'OVERSIGHT.CASE_NOT_FOUND': 404,
  'OVERSIGHT.BAD_MONTH': 400,
};

export class OversightError extends DomainError {
  constructor(code: OversightErrorCode, message: string) {
    super(code, message, { status: STATUS[code] });
  }
}
