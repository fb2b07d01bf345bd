import {
  CONFIG_SETTINGS,
  loadConfig,
  type ConfigInput,
  type ConfigName,
  type NodeConfig,
} from '@senningen/server';
import { Option, type Command } from 'commander';
import type { CliIo } from './io.js';

const DATABASE_SETTINGS: ConfigName[] = ['DATA_DIR', 'DATABASE_URL', 'LOG_LEVEL'];
const SERVER_SETTINGS: ConfigName[] = [
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'FEDERATION_REGISTER_URL',
  'FEDERATION_DEAD_LETTER_AFTER',
  'FEDERATION_TLS_CERT',
  'FEDERATION_TLS_KEY',
  'FEDERATION_TLS_CA',
];

function optionKey(name: ConfigName): string {
  return CONFIG_SETTINGS[name].flag
    .slice(2)
    .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function addSettings(command: Command, names: ConfigName[]): Command {
  for (const name of names) {
    const setting = CONFIG_SETTINGS[name];
    const defaultText = setting.default === undefined ? '' : ` (default ${setting.default})`;
    command.addOption(
      new Option(`${setting.flag} <value>`, `${setting.description}${defaultText}; env ${name}`),
    );
  }
  return command;
}

/** Adds the flags that choose the database (each also read from its environment variable). */
export const withDatabaseOptions = (command: Command) => addSettings(command, DATABASE_SETTINGS);
/** Adds every node setting. */
export const withServerOptions = (command: Command) =>
  addSettings(command, [...SERVER_SETTINGS, ...DATABASE_SETTINGS]);

/** The node configuration from the command's flags, falling back to the environment. */
export function configFrom(options: Record<string, unknown>, io: CliIo): NodeConfig {
  const flags: ConfigInput = {};
  for (const name of Object.keys(CONFIG_SETTINGS) as ConfigName[]) {
    const value = options[optionKey(name)];
    if (typeof value === 'string') flags[name] = value;
  }
  return loadConfig(io.env, flags);
}
