import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { CORRELATION_HEADER, correlationIdFor } from '../logging/correlation-id.js';
import { PROBLEM_CONTENT_TYPE, toProblemDetails } from './problem-details.js';

/**
 * Every error an HTTP request ends with leaves as RFC 9457 problem+json. Internal errors are
 * logged with their stack (under the request's correlation id) and answered without details.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly fallbackLogger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception; // only HTTP speaks problem+json
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { log?: PinoLogger }>();
    const response = http.getResponse<Response>();
    const { problem, internal, retryAfterSeconds } = toProblemDetails(exception);

    if (internal) {
      if (request.log) request.log.error({ err: exception, code: problem.code }, 'request failed');
      else this.fallbackLogger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return; // too late to answer; the log above is what is left
    // Errors raised before the logging middleware ran (body parsing) have no id yet.
    if (!response.getHeader(CORRELATION_HEADER)) correlationIdFor(request, response);

    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response
      .status(problem.status)
      .setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
      .send(JSON.stringify({ ...problem, instance: request.originalUrl }));
  }
}
