import { getConfigToken, registerAs } from '@nestjs/config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The runtime settings every app reads from its environment, validated once at start. */
export interface PlatformConfig {
  service: string;
  port: number;
  host: string;
  /** PostgreSQL server to use; absent means the embedded engine (PGlite) in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Kafka bootstrap brokers; absent means the in-process bus. */
  kafkaBrokers?: string[];
  /** Put before every Kafka topic name (several systems sharing one cluster); default none. */
  kafkaTopicPrefix?: string;
  logLevel: LogLevel;
}

/** Defaults an app may set for itself; the environment still wins. */
export interface PlatformDefaults {
  service: string;
  port?: number;
}

export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

// Empty strings count as unset, as `FOO= node main.js` usually means "no FOO".
const read = (env: NodeJS.ProcessEnv, key: string): string | undefined => {
  const value = env[key]?.trim();
  return value ? value : undefined;
};

/**
 * Validates PORT, HOST, DATABASE_URL, DATA_DIR, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, LOG_LEVEL and SERVICE.
 * Collects every problem before failing, so one start shows all of them.
 */
export function validatePlatformEnv(env: NodeJS.ProcessEnv, defaults: PlatformDefaults): PlatformConfig {
  const problems: string[] = [];

  const portText = read(env, 'PORT');
  const port = portText === undefined ? (defaults.port ?? 3000) : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be an integer 0-65535, got "${portText}"`);

  const databaseUrl = read(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const brokersText = read(env, 'KAFKA_BROKERS');
  const kafkaBrokers = brokersText
    ?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (kafkaBrokers?.some((broker) => !/^[^\s:]+:\d+$/.test(broker))) {
    problems.push(`KAFKA_BROKERS must be a comma-separated list of host:port, got "${brokersText}"`);
  }

  const kafkaTopicPrefix = read(env, 'KAFKA_TOPIC_PREFIX');
  if (kafkaTopicPrefix !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(kafkaTopicPrefix)) {
    problems.push(`KAFKA_TOPIC_PREFIX may hold only letters, digits, '.', '_' and '-', got "${kafkaTopicPrefix}"`);
  }

  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const service = read(env, 'SERVICE') ?? defaults.service;
  if (!/^[a-z][a-z0-9-]*$/.test(service)) problems.push(`SERVICE must be a lower-case name like "incidents", got "${service}"`);

  if (problems.length > 0) throw new ConfigValidationError(problems);
  return {
    service,
    port,
    host: read(env, 'HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: read(env, 'DATA_DIR') ?? './data',
    kafkaBrokers: kafkaBrokers?.length ? kafkaBrokers : undefined,
    kafkaTopicPrefix,
    logLevel,
  };
}

/**
 * A `@nestjs/config` namespace. Its factory runs when the app is created (not when the
 * module file is imported), so the environment at `NestFactory.create` time is what counts.
 */
export const platformConfigFactory = (defaults: PlatformDefaults) =>
  registerAs('platform', (): PlatformConfig => validatePlatformEnv(process.env, defaults));

/** Injection token: `@Inject(PLATFORM_CONFIG) config: PlatformConfig`. */
export const PLATFORM_CONFIG = getConfigToken('platform');
