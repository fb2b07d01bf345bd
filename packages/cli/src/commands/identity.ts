import {
  AGENCY_KINDS,
  LANGUAGES,
  ROLES,
  createAgencyRecord,
  createUserRecord,
  findAgencyByCode,
  type AuditContext,
} from '@senningen/server';
import { Command, Option } from 'commander';
import { withDatabase } from '../database.js';
import { CliFailure, writeLine, type CliIo } from '../io.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { readPassword } from '../password.js';

/** Changes made from the command line are audited as the node operator's. */
const OPERATOR: AuditContext = { actor: null, clientAddress: null, requestId: 'cli' };

export function agencyCommand(io: CliIo): Command {
  const agency = new Command('agency').description('Manage agencies');
  agency.addCommand(
    withDatabaseOptions(new Command('create'))
      .description('Create an agency')
      .requiredOption('--code <code>', 'short unique code, e.g. BE-LPZ-GENT')
      .requiredOption('--name <name>', 'full name')
      .requiredOption('--country <cc>', 'ISO 3166 alpha-2 country code, e.g. BE')
      .addOption(
        new Option('--kind <kind>', 'kind of agency').choices(AGENCY_KINDS).makeOptionMandatory(),
      )
      .option('--spoc', "the country's single point of contact")
      .action(async (options: Record<string, unknown>) => {
        const code = String(options.code);
        const country = String(options.country);
        const name = String(options.name);
        if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(code)) {
          throw new CliFailure('--code: use 2 to 32 capital letters, digits and hyphens');
        }
        if (!/^[A-Z]{2}$/.test(country))
          throw new CliFailure('--country: use two capital letters, e.g. BE');
        if (name.length < 1 || name.length > 200)
          throw new CliFailure('--name: 1 to 200 characters');
        const created = await withDatabase(configFrom(options, io), ({ db }) =>
          createAgencyRecord(db, OPERATOR, {
            code,
            name,
            country,
            kind: options.kind as (typeof AGENCY_KINDS)[number],
            isSpoc: options.spoc === true,
          }),
        );
        writeLine(io.stdout, `Created agency ${created.code} (${created.id})`);
      }),
  );
  return agency;
}

export function userCommand(io: CliIo): Command {
  const user = new Command('user').description('Manage users');
  user.addCommand(
    withDatabaseOptions(new Command('create'))
      .description('Create a user; the password is read from standard input')
      .requiredOption('--username <username>', 'lower-case sign-in name, e.g. jan.peeters')
      .requiredOption('--agency <code>', 'code of the agency the user works for')
      .addOption(
        new Option('--role <role>', 'a role; repeat for several')
          .choices(ROLES)
          .argParser((value: string, previous: string[] | undefined) => [
            ...(previous ?? []),
            value,
          ])
          .makeOptionMandatory(),
      )
      .option('--display-name <name>', 'name shown to others (default: the username)')
      .addOption(
        new Option('--language <lang>', 'preferred language').choices(LANGUAGES).default('en'),
      )
      .action(async (options: Record<string, unknown>) => {
        const username = String(options.username);
        if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) {
          throw new CliFailure(
            '--username: 3 to 64 lower-case letters, digits, dots, hyphens or underscores',
          );
        }
        const roles = [...new Set(options.role as (typeof ROLES)[number][])];
        const password = await readPassword(io);
        const created = await withDatabase(configFrom(options, io), async ({ db }) => {
          const agency = await findAgencyByCode(db, String(options.agency));
          if (!agency)
            throw new CliFailure(`--agency: no agency with code ${String(options.agency)}`);
          return createUserRecord(
            db,
            OPERATOR,
            {
              username,
              displayName: typeof options.displayName === 'string' ? options.displayName : username,
              agencyId: agency.id,
              roles,
              language: options.language as (typeof LANGUAGES)[number],
              password,
            },
            agency.code,
          );
        });
        writeLine(
          io.stdout,
          `Created user ${created.username} (${created.id}) with roles ${created.roles.join(', ')}`,
        );
      }),
  );
  return user;
}
