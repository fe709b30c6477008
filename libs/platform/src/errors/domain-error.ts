/** One field at fault in a request or a command. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface DomainErrorOptions {
  /** HTTP status the API answers with; default 422 (understood, but the rules forbid it). */
  status?: number;
  /** Short human summary; default: the status's reason phrase. */
  title?: string;
  errors?: FieldError[];
  cause?: unknown;
}

/**
 * A business rule said no. `code` is stable and machine-readable ('INCIDENT.ALREADY_CLOSED'):
 * clients branch on it, so never rename one. The message becomes the problem's `detail`,
 * so it must be safe to show to the caller.
 */
export class DomainError extends Error {
  readonly status: number;
  readonly title?: string;
  readonly errors?: FieldError[];

  constructor(
    readonly code: string,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status ?? 422;
    this.title = options.title;
    this.errors = options.errors;
  }
}

/** The thing asked for does not exist (404), e.g. 'INCIDENT.NOT_FOUND'. */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string, options: Omit<DomainErrorOptions, 'status'> = {}) {
    super(code, message, { ...options, status: 404 });
  }
}

/** The actor may not do this (403), e.g. 'ACCESS.DENIED'. */
export class ForbiddenError extends DomainError {
  constructor(code: string, message: string, options: Omit<DomainErrorOptions, 'status'> = {}) {
    super(code, message, { ...options, status: 403 });
  }
}
