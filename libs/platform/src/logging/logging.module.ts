import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { correlationIdFor } from './correlation-id.js';

/** One JSON line per log record (pino), each request's lines carrying its correlation id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          name: config.service,
          base: { service: config.service },
          genReqId: correlationIdFor,
          customAttributeKeys: { reqId: 'correlationId' },
          // Probes hit /health every few seconds; logging each would drown the rest.
          autoLogging: { ignore: (req) => /^\/health(\/(live|ready))?(\?|$)/.test(req.url ?? '') },
          // Secrets never reach a log line, whoever logs the object (see docs/access.md).
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
              '*.password',
              '*.refreshToken',
              '*.accessToken',
              'req.body.password',
              'req.body.refreshToken',
            ],
            censor: '[redacted]',
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
