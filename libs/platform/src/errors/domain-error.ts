// Declared in @pingan/contracts so that libs/access (below platform) uses the same errors;
// services import them from here.
export {
  DomainError,
  ForbiddenError,
  NotFoundError,
  defineErrors,
  type DeclaredErrorClass,
  type DomainErrorOptions,
  type ErrorCode,
  type ErrorSpec,
  type FieldError,
} from '@pingan/contracts';
