import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './domain-error.js';

/** Thrown by the global ValidationPipe; the problem filter turns it into 400 VALIDATION.FAILED. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly errors: FieldError[]) {
    super(`Request validation failed: ${errors.map((e) => e.field).join(', ')}`);
  }
}

// class-validator names constraints in camelCase ('isNotEmpty'); codes elsewhere are UPPER_SNAKE.
const constraintCode = (constraint: string): string =>
  constraint === 'whitelistValidation' ? 'NOT_ALLOWED' : constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Nested DTOs and arrays become dotted paths: 'victims.0.name'. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraintCode(constraint),
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Unknown fields are rejected (not silently dropped) and payloads become DTO instances. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
