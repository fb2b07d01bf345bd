import fs from 'node:fs';
import { once } from 'node:events';
import {
  CSV_COLUMNS,
  auditEntryCsvRecord,
  presentAuditEntry,
  searchAuditEntries,
  verifyAuditLog,
  appendAuditInOwnTransaction,
  type AuditContext,
} from '@senningen/server';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { withDatabase } from '../database.js';
import { CliFailure, writeLine, type CliIo } from '../io.js';
import { configFrom, withDatabaseOptions } from '../options.js';

const OPERATOR: AuditContext = { actor: null, clientAddress: null, requestId: 'cli' };
const PAGE = 1000;

export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('Check and export the audit log');

  audit.addCommand(
    withDatabaseOptions(new Command('verify'))
      .description('Recompute the hash chain; exit 0 when intact, 1 naming the first bad entry')
      .action(async (options: Record<string, unknown>) => {
        const result = await withDatabase(configFrom(options, io), ({ db }) => verifyAuditLog(db));
        if (!result.intact) throw new CliFailure(`audit log broken: ${result.message}`);
        writeLine(
          io.stdout,
          `Audit log intact: ${result.entries} entries, head ${result.headHash}`,
        );
      }),
  );

  audit.addCommand(
    withDatabaseOptions(new Command('export'))
      .description('Write audit entries, oldest first, as CSV or JSON Lines')
      .addOption(
        new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('jsonl'),
      )
      .option('--output <file>', 'write to this file instead of standard output')
      .option('--from <time>', 'only entries at or after this ISO 8601 time')
      .option('--to <time>', 'only entries before this ISO 8601 time')
      .option('--action <action>', 'only this action, e.g. user.create')
      .option('--actor <username>', 'only entries by this user')
      .action(async (options: Record<string, unknown>) => {
        const from = parseTime(options.from, '--from');
        const to = parseTime(options.to, '--to');
        const format = options.format === 'csv' ? 'csv' : 'jsonl';
        const out =
          typeof options.output === 'string'
            ? fs.createWriteStream(options.output, { mode: 0o600 })
            : io.stdout;
        const count = await withDatabase(configFrom(options, io), async ({ db }) => {
          await appendAuditInOwnTransaction(db, OPERATOR, {
            action: 'audit.export',
            objectType: 'audit_entry',
            details: { channel: 'cli', format },
          });
          let written = 0;
          let afterSeq = 0;
          if (format === 'csv') await write(out, stringify([[...CSV_COLUMNS]]));
          for (;;) {
            const rows = await searchAuditEntries(db, {
              afterSeq,
              order: 'asc',
              limit: PAGE,
              ...(from && { from }),
              ...(to && { to }),
              ...(typeof options.action === 'string' && { action: options.action }),
              ...(typeof options.actor === 'string' && { actorUsername: options.actor }),
            });
            for (const row of rows) {
              const entry = presentAuditEntry(row);
              await write(
                out,
                format === 'csv'
                  ? stringify([auditEntryCsvRecord(entry)])
                  : `${JSON.stringify(entry)}\n`,
              );
              written += 1;
            }
            if (rows.length < PAGE) break;
            afterSeq = rows.at(-1)!.seq;
          }
          return written;
        });
        if (out !== io.stdout) {
          (out as fs.WriteStream).end();
          await once(out, 'finish');
        }
        io.stderr.write(`Exported ${count} audit entries.\n`);
      }),
  );
  return audit;
}

function parseTime(value: unknown, flag: string): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new CliFailure(`${flag}: not an ISO 8601 time`);
  return time;
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
