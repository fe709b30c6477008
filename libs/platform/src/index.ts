export { CLOCK, systemClock, type Clock } from './clock.js';
export { bootstrapService, createService, type ServiceOptions } from './bootstrap.js';
export {
  ConfigValidationError,
  LOG_LEVELS,
  PLATFORM_CONFIG,
  platformConfigFactory,
  validatePlatformEnv,
  type LogLevel,
  type PlatformConfig,
  type PlatformDefaults,
} from './config/platform-config.js';
export { DATABASE, DatabaseModule, openConnection } from './database/database.module.js';
export { acquireEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
export { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, ensurePrivateDir, restrictFileCreation } from './database/private-dir.js';
export * from './errors/domain-error.js';
export { ProblemDetailsFilter } from './errors/problem-details.filter.js';
export { PROBLEM_CONTENT_TYPE, problemType, toProblemDetails, type ProblemDetails, type ProblemError } from './errors/problem-details.js';
export { JSON_BODY_LIMIT_BYTES, MAX_JSON_DEPTH, RequestError, RequestHygieneMiddleware } from './errors/request-hygiene.js';
export { RequestValidationError, createValidationPipe, flattenValidationErrors } from './errors/validation.js';
export { BUS_HEALTH, busHealthOf, type BusHealth, type BusStatus } from './health/bus-health.js';
export { HealthController } from './health/health.controller.js';
export { CORRELATION_HEADER, correlationIdFor, correlationIdOf } from './logging/correlation-id.js';
export { LoggingModule } from './logging/logging.module.js';
export { PROBLEM_SCHEMAS, completeDocument } from './openapi/complete-document.js';
export { PlatformModule, type PlatformOptions } from './platform.module.js';
export type { ServiceDescriptor } from './service-descriptor.js';
export * from './event-sourcing/index.js';
export * from './commands/index.js';
export {
  DEFAULT_PAGE_LIMIT,
  ListQueryDto,
  MAX_PAGE_LIMIT,
  MAX_PAGE_OFFSET,
  PageOffset,
  containsPattern,
  pageOfArray,
  pageWindow,
  toPage,
  type Page,
} from './lists/list-query.js';
export * from './idempotency/index.js';
export { XLSX_TYPE, returnCsv, returnXlsx, toCsv, type Cell, type OfficialReturn, type ReturnColumn } from './exports/official-return.js';
export {
  DEFAULT_PDF_FONT,
  DEFAULT_PDF_FONT_NAME,
  PdfFont,
  PdfTable,
  cjkDocument,
  columnWidths,
  numberPages,
  pdfFontFromEnv,
  type FontMissing,
  type PdfFontData,
  type PdfFontSource,
  type RowOptions,
} from './exports/pdf.js';
export {
  KeyDestroyedError,
  fileKey,
  gcmOpen,
  gcmSeal,
  isSealed,
  keyFingerprint,
  openValue,
  parseKey,
  sealValue,
  unwrapKey,
  wrapKey,
} from './crypto/sealing.js';
export { RecordKeys, type MasterKey } from './crypto/record-keys.js';
