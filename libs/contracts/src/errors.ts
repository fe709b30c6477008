/**
 * Domain errors and the one way services declare their error codes. Codes are part of every
 * service's public contract (clients branch on them), which is why this lives in contracts, the
 * lowest library: libs/access declares its codes here too, and it cannot import libs/platform
 * (platform installs access's guard). Services import it from `@pingan/platform` as before.
 */

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

/** How one code is declared: written out in full (renaming a key never changes a code), with its status. */
export interface ErrorSpec {
  readonly code: string;
  readonly status: number;
  /** Problem title when not the status's reason phrase. */
  readonly title?: string;
  /** Detail when the thrower gives none (fixed wording, e.g. one answer for every failed login). */
  readonly message?: string;
}

export type ErrorSpecs = Readonly<Record<string, ErrorSpec>>;

type CodeOf<S extends ErrorSpecs> = S[keyof S]['code'];

/** The class `defineErrors` returns: `new X(code, message?, fieldErrors | options?)`, plus its codes by name. */
export interface DeclaredErrorClass<S extends ErrorSpecs> {
  new (code: CodeOf<S>, message?: string, options?: FieldError[] | DomainErrorOptions): DomainError & { readonly code: CodeOf<S> };
  /** Name → code, e.g. `DisputeError.codes.NotFound === 'DISPUTE.NOT_FOUND'`. */
  readonly codes: { readonly [K in keyof S]: S[K]['code'] };
  readonly specs: S;
}

/**
 * The codes of a declared error class; with `Match`, only those whose declaration matches it,
 * e.g. `ErrorCode<typeof IncidentError, { status: 409 }>`.
 */
export type ErrorCode<C, Match = unknown> =
  C extends DeclaredErrorClass<infer S> ? { [K in keyof S]: S[K] extends Match ? S[K]['code'] : never }[keyof S] : never;

const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/;

/**
 * Declares a service's error codes, once each with its HTTP status, and returns the error class
 * that carries them; the service names it by extending it:
 *
 *   export class DisputeError extends defineErrors({
 *     NotFound: { code: 'DISPUTE.NOT_FOUND', status: 404 },
 *     Closed: { code: 'DISPUTE.CLOSED', status: 422 },
 *   }) {}
 *   throw new DisputeError('DISPUTE.CLOSED', 'The dispute is closed');
 *
 * Subclasses may narrow the codes they accept (`ErrorCode<typeof X, { status: 409 }>`) for
 * `instanceof` checks; the status still comes from the declaration unless the options give one.
 */
export function defineErrors<const S extends ErrorSpecs>(specs: S): DeclaredErrorClass<S> {
  const byCode = new Map<string, ErrorSpec>();
  for (const spec of Object.values(specs)) {
    // A declaration mistake, found when the module loads (every test imports it).
    if (!DOMAIN_CODE.test(spec.code)) throw new TypeError(`Error code '${spec.code}' is not dotted upper case`);
    if (byCode.has(spec.code)) throw new TypeError(`Error code '${spec.code}' is declared twice`);
    byCode.set(spec.code, spec);
  }
  const codes = Object.freeze(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.code])));

  class DeclaredError extends DomainError {
    static readonly codes = codes;
    static readonly specs = specs;

    constructor(code: string, message?: string, options: FieldError[] | DomainErrorOptions = {}) {
      const spec = byCode.get(code);
      const given = Array.isArray(options) ? { errors: options } : options;
      super(code, message ?? spec?.message ?? code, {
        ...given,
        status: given.status ?? spec?.status ?? 422,
        title: given.title ?? spec?.title,
      });
    }
  }
  return DeclaredError as unknown as DeclaredErrorClass<S>;
}
