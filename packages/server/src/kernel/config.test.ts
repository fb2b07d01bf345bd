import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      logLevel: 'info',
      publicUrl: 'http://127.0.0.1:8080',
      federationRegisterUrl: undefined,
      deadLetterAfterMs: 24 * 3600_000,
      federationClientTls: undefined,
      exchangeWarnBefore: {
        urgent_direct: 2 * 3600_000,
        urgent_indirect: 12 * 3600_000,
        standard: 86_400_000,
      },
    });
  });

  it('reads the deadline warnings per class and refuses wrong ones by name', () => {
    expect(loadConfig({ EXCHANGE_WARN_BEFORE: '90m, 1d, 2d' }).exchangeWarnBefore).toEqual({
      urgent_direct: 90 * 60_000,
      urgent_indirect: 86_400_000,
      standard: 2 * 86_400_000,
    });
    expect(() => loadConfig({ EXCHANGE_WARN_BEFORE: '2h,12h' })).toThrow(/EXCHANGE_WARN_BEFORE/);
    expect(() => loadConfig({ EXCHANGE_WARN_BEFORE: '2h,soon,1d' })).toThrow(
      /EXCHANGE_WARN_BEFORE/,
    );
  });

  it('reads federation settings and refuses wrong ones by name', () => {
    const config = loadConfig({
      FEDERATION_REGISTER_URL: 'https://register.example.eu/benelux.json',
      FEDERATION_DEAD_LETTER_AFTER: '90s',
    });
    expect(config.federationRegisterUrl).toBe('https://register.example.eu/benelux.json');
    expect(config.deadLetterAfterMs).toBe(90_000);
    expect(() => loadConfig({ FEDERATION_DEAD_LETTER_AFTER: 'soon' })).toThrow(
      /FEDERATION_DEAD_LETTER_AFTER/,
    );
    expect(() => loadConfig({ FEDERATION_REGISTER_URL: 'ftp://x' })).toThrow(
      /FEDERATION_REGISTER_URL/,
    );
    expect(() => loadConfig({ FEDERATION_TLS_CERT: fileURLToPath(import.meta.url) })).toThrow(
      /FEDERATION_TLS_KEY/,
    );
    expect(() =>
      loadConfig({
        FEDERATION_TLS_CERT: fileURLToPath(import.meta.url),
        FEDERATION_TLS_KEY: '/nonexistent.pem',
      }),
    ).toThrow(/FEDERATION_TLS_KEY: no such file/);
  });

  it('lets CLI flags override the environment', () => {
    const config = loadConfig({ PORT: '9000', LOG_LEVEL: 'warn' }, { PORT: '9100' });
    expect(config.port).toBe(9100);
    expect(config.logLevel).toBe('warn');
    expect(config.publicUrl).toBe('http://127.0.0.1:9100');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['HOST', { HOST: 'bad host' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://example.org' }],
  ] as const)('names %s when its value is wrong', (name, env) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(new RegExp(`^${name}:`));
  });

  it('keeps only the origin of PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://be.senningen.example/' }).publicUrl).toBe(
      'https://be.senningen.example',
    );
  });
});
