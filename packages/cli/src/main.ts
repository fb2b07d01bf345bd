import {
  AppError,
  ConfigError,
  DataDirInUseError,
  MigrationError,
  RegisterError,
  SetupError,
} from '@senningen/server';
import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.js';
import { demoCommand, migrateCommand } from './commands/database.js';
import { federationCommand, nodeCommand } from './commands/federation.js';
import { agencyCommand, userCommand } from './commands/identity.js';
import { serveCommand } from './commands/serve.js';
import { CliFailure, processIo, writeLine, type CliIo } from './io.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('senningen')
    .description('Senningen national node: cross-border security cooperation in the Benelux')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  for (const command of [
    serveCommand(io),
    migrateCommand(io),
    demoCommand(io),
    agencyCommand(io),
    userCommand(io),
    auditCommand(io),
    nodeCommand(io),
    federationCommand(io),
  ]) {
    program.addCommand(command);
  }
  // Throw instead of exiting, everywhere, so that main decides the exit code.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
    command.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; usage errors were printed by commander.
      return error.exitCode;
    }
    writeLine(io.stderr, `senningen: ${describe(error)}`);
    return 1;
  }
}

function describe(error: unknown): string {
  if (
    error instanceof CliFailure ||
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof MigrationError ||
    error instanceof SetupError
  ) {
    return error.message;
  }
  if (error instanceof RegisterError) {
    return `${error.message} (${error.code})`;
  }
  if (error instanceof Error && error.message.includes('may be read by others')) {
    return error.message;
  }
  if (error instanceof AppError) return `${error.message} (${error.code})`;
  if (error instanceof Error && 'code' in error && error.code === 'ECONNREFUSED') {
    return 'cannot reach the database server (connection refused)';
  }
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
