import { ConfigValidationError, validatePlatformEnv } from './platform-config.js';

describe('validatePlatformEnv', () => {
  it('defaults to the embedded mode on port 3000', () => {
    expect(validatePlatformEnv({}, { service: 'incidents' })).toEqual({
      service: 'incidents',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      kafkaBrokers: undefined,
      logLevel: 'info',
    });
  });

  it('reads the distributed settings, the environment winning over app defaults', () => {
    const config = validatePlatformEnv(
      {
        PORT: '8081',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u:p@db:5432/pingan',
        KAFKA_BROKERS: 'k1:9092, k2:9092',
        LOG_LEVEL: 'debug',
        SERVICE: 'incidents-2',
        DATA_DIR: '/var/lib/pingan',
      },
      { service: 'incidents', port: 3001 },
    );
    expect(config).toEqual({
      service: 'incidents-2',
      port: 8081,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/pingan',
      dataDir: '/var/lib/pingan',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      logLevel: 'debug',
    });
    expect(validatePlatformEnv({ DATABASE_URL: '', KAFKA_BROKERS: ' ' }, { service: 'x', port: 3001 })).toMatchObject({
      port: 3001,
      databaseUrl: undefined,
      kafkaBrokers: undefined,
    });
  });

  it('reports every problem at once', () => {
    const attempt = () =>
      validatePlatformEnv(
        {
          PORT: 'eighty',
          DATABASE_URL: 'mysql://x',
          KAFKA_BROKERS: 'nohost',
          LOG_LEVEL: 'loud',
        },
        { service: 'x' },
      );
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigValidationError).problems).toHaveLength(4);
    }
  });
});
