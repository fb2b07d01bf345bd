import fs from 'node:fs';
import path from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  publicUrl: string;
  /** Where the signed federation register is published; fetched now and then when set. */
  federationRegisterUrl: string | undefined;
  /** How long an envelope is retried before it becomes a dead letter. */
  deadLetterAfterMs: number;
  /** The client certificate presented to peers that require mutual TLS. */
  federationClientTls: { certFile: string; keyFile: string; caFile?: string } | undefined;
  /** How long before a deadline of each class its handlers are warned. */
  exchangeWarnBefore: { urgent_direct: number; urgent_indirect: number; standard: number };
}

/** Every setting, with the environment variable that sets it and the CLI flag that overrides it. */
export const CONFIG_SETTINGS = {
  PORT: { flag: '--port', description: 'TCP port to listen on', default: '8080' },
  HOST: { flag: '--host', description: 'address to listen on', default: '127.0.0.1' },
  DATA_DIR: {
    flag: '--data-dir',
    description: 'folder for the embedded database and the node keys',
    default: './data',
  },
  DATABASE_URL: {
    flag: '--database-url',
    description: 'postgres:// URL; when unset, the embedded database in DATA_DIR is used',
    default: undefined,
  },
  LOG_LEVEL: {
    flag: '--log-level',
    description: `one of ${LOG_LEVELS.join(', ')}`,
    default: 'info',
  },
  PUBLIC_URL: {
    flag: '--public-url',
    description: 'the URL users reach the node at (https:// makes cookies Secure)',
    default: 'http://HOST:PORT',
  },
  FEDERATION_REGISTER_URL: {
    flag: '--register-url',
    description: 'https:// address the signed federation register is published at',
    default: undefined,
  },
  FEDERATION_DEAD_LETTER_AFTER: {
    flag: '--dead-letter-after',
    description: 'how long to retry an envelope before it is a dead letter, e.g. 90s, 30m, 24h, 7d',
    default: '24h',
  },
  EXCHANGE_WARN_BEFORE: {
    flag: '--deadline-warning',
    description:
      'how long before a deadline its handlers are warned, per class: urgent 8 h, urgent 3 days, standard 7 days',
    default: '2h,12h,1d',
  },
  FEDERATION_TLS_CERT: {
    flag: '--tls-client-cert',
    description: "PEM file: the node's client certificate for peers that require mutual TLS",
    default: undefined,
  },
  FEDERATION_TLS_KEY: {
    flag: '--tls-client-key',
    description: 'PEM file: the private key of that client certificate',
    default: undefined,
  },
  FEDERATION_TLS_CA: {
    flag: '--tls-peer-ca',
    description: "PEM file: the CAs that issue peers' server certificates (default: the system's)",
    default: undefined,
  },
} as const;

export type ConfigName = keyof typeof CONFIG_SETTINGS;
export type ConfigInput = Partial<Record<ConfigName, string | undefined>>;

export class ConfigError extends Error {
  constructor(
    readonly variable: ConfigName,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the node configuration. `overrides` (CLI flags) win over `env`.
 * A wrong value throws a ConfigError that names the variable.
 */
export function loadConfig(env: ConfigInput, overrides: ConfigInput = {}): NodeConfig {
  const value = (name: ConfigName): string | undefined => {
    const raw = overrides[name] ?? env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const portText = value('PORT') ?? '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535, got "${portText}"`);
  }
  const port = Number(portText);

  const host = value('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host)) {
    throw new ConfigError('HOST', `must be a host name or IP address, got "${host}"`);
  }

  const dataDir = path.resolve(value('DATA_DIR') ?? './data');

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined) {
    const protocol = URL.canParse(databaseUrl) ? new URL(databaseUrl).protocol : undefined;
    if (protocol === undefined) throw new ConfigError('DATABASE_URL', 'is not a valid URL');
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
    }
  }

  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
    );
  }

  const defaultHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const publicUrlText = value('PUBLIC_URL') ?? `http://${defaultHost}:${port}`;
  let publicUrl: URL;
  try {
    publicUrl = new URL(publicUrlText);
  } catch {
    throw new ConfigError('PUBLIC_URL', `is not a valid URL: "${publicUrlText}"`);
  }
  if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', 'must start with http:// or https://');
  }

  const registerUrl = value('FEDERATION_REGISTER_URL');
  if (registerUrl !== undefined && !/^https?:\/\//.test(registerUrl)) {
    throw new ConfigError('FEDERATION_REGISTER_URL', 'must start with https:// or http://');
  }
  if (registerUrl !== undefined && !URL.canParse(registerUrl)) {
    throw new ConfigError('FEDERATION_REGISTER_URL', 'is not a valid URL');
  }

  const deadLetterText = value('FEDERATION_DEAD_LETTER_AFTER') ?? '24h';
  const deadLetterAfterMs = parseDuration(deadLetterText);
  if (deadLetterAfterMs === null || deadLetterAfterMs < 1000) {
    throw new ConfigError(
      'FEDERATION_DEAD_LETTER_AFTER',
      `must be a duration of at least 1s such as 90s, 30m, 24h or 7d, got "${deadLetterText}"`,
    );
  }

  const warnText = value('EXCHANGE_WARN_BEFORE') ?? '2h,12h,1d';
  const warnings = warnText.split(',').map((part) => parseDuration(part.trim()));
  if (warnings.length !== 3 || warnings.some((ms) => ms === null)) {
    throw new ConfigError(
      'EXCHANGE_WARN_BEFORE',
      `must be three durations (urgent 8 h, urgent 3 days, standard 7 days) such as 2h,12h,1d, got "${warnText}"`,
    );
  }
  const [urgentDirect, urgentIndirect, standard] = warnings as [number, number, number];

  const certFile = value('FEDERATION_TLS_CERT');
  const keyFile = value('FEDERATION_TLS_KEY');
  const caFile = value('FEDERATION_TLS_CA');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigError(
      certFile === undefined ? 'FEDERATION_TLS_CERT' : 'FEDERATION_TLS_KEY',
      'give the client certificate and its key together',
    );
  }
  for (const [name, file] of [
    ['FEDERATION_TLS_CERT', certFile],
    ['FEDERATION_TLS_KEY', keyFile],
    ['FEDERATION_TLS_CA', caFile],
  ] as const) {
    if (file !== undefined && !fs.existsSync(file)) {
      throw new ConfigError(name, `no such file: ${file}`);
    }
  }
  const federationClientTls =
    certFile !== undefined && keyFile !== undefined
      ? {
          certFile: path.resolve(certFile),
          keyFile: path.resolve(keyFile),
          ...(caFile !== undefined && { caFile: path.resolve(caFile) }),
        }
      : undefined;

  return {
    port,
    host,
    dataDir,
    databaseUrl,
    logLevel,
    publicUrl: publicUrl.origin,
    federationRegisterUrl: registerUrl,
    deadLetterAfterMs,
    federationClientTls,
    exchangeWarnBefore: {
      urgent_direct: urgentDirect,
      urgent_indirect: urgentIndirect,
      standard,
    },
  };
}

const DURATION_UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `30m`, `24h`, `7d` → milliseconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * DURATION_UNITS[match[2] as keyof typeof DURATION_UNITS];
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
