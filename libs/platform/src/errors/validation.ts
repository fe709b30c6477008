import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
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

/**
 * class-transformer throws a TypeError on some shapes it does not expect (an array or null where a
 * discriminated object belongs); that is the client's input, so a 400 naming the top-level field,
 * found by transforming each field alone, not a 500.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof TypeError) || !metadata.metatype || typeof value !== 'object' || value === null) throw error;
      const fields = Object.entries(value).filter(([key, field]) => {
        try {
          plainToInstance(metadata.metatype!, { [key]: field });
          return false;
        } catch {
          return true;
        }
      });
      throw new RequestValidationError(
        (fields.length > 0 ? fields.map(([key]) => key) : ['body']).map((field) => ({
          field,
          code: 'MALFORMED',
          message: 'does not have the documented shape (an object where one is expected, not null or a list)',
        })),
      );
    }
  }
}

/** Unknown fields are rejected (not silently dropped) and payloads become DTO instances. */
export const createValidationPipe = (): ValidationPipe =>
  new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
