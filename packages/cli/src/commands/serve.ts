import { DEMO_PASSWORD, DEMO_USERS, startNode } from '@senningen/server';
import { Command } from 'commander';
import { writeLine, type CliIo } from '../io.js';
import { untilSignal } from './federation.js';
import { configFrom, withServerOptions } from '../options.js';

export function serveCommand(io: CliIo): Command {
  return withServerOptions(new Command('serve'))
    .description('Run the node: API, web workspace and background work')
    .option('--demo', 'load demo data on first start and print the demo users')
    .action(async (options: Record<string, unknown>) => {
      const config = configFrom(options, io);
      const node = await startNode(config, { demo: options.demo === true });
      const { url } = node;
      writeLine(io.stdout, `Senningen node listening on ${url}`);
      writeLine(io.stdout, `  web workspace   ${url}/app/`);
      writeLine(io.stdout, `  public portal   ${url}/nl/`);
      writeLine(io.stdout, `  API reference   ${url}/api/docs`);
      writeLine(
        io.stdout,
        `  database        ${node.database.kind === 'pglite' ? 'embedded, in ' : 'PostgreSQL, '}${node.database.location}`,
      );
      const federation = node.app.federation;
      writeLine(
        io.stdout,
        federation
          ? `  federation      node ${federation.identity.nodeId} (${federation.identity.country})`
          : '  federation      not configured (senningen node init)',
      );
      if (options.demo === true) {
        writeLine(io.stdout, '');
        writeLine(
          io.stdout,
          `Demo users${node.demoLoaded ? ' (just loaded)' : ''}, each with the password ${DEMO_PASSWORD}:`,
        );
        for (const user of DEMO_USERS) {
          writeLine(
            io.stdout,
            `  ${user.username.padEnd(20)} ${user.roles.join(', ').padEnd(12)} ${user.agency}`,
          );
        }
        writeLine(
          io.stdout,
          'Administrators, DPOs and SPOCs enrol a second factor at their first sign-in.',
        );
      }

      await untilSignal();
      writeLine(io.stdout, 'Stopping…');
      await node.stop();
    });
}
