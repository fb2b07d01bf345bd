import fs from 'node:fs';
import {
  DEMO_PASSWORD,
  RegisterError,
  addNodeKey,
  checkRegisterDocument,
  createAuthority,
  draftRegister,
  federationStatus,
  identityEntry,
  initNode,
  loadFederation,
  loadRegister,
  nodeKeyDir,
  openRegister,
  readAuthority,
  readAuthorityKey,
  readPrivateKeyFile,
  signRegister,
  startDemoFederation,
  verifyMessageLog,
  EnvelopeTypes,
  type RegisterNode,
} from '@senningen/server';
import { Command, InvalidArgumentError } from 'commander';
import { withDatabase } from '../database.js';
import { CliFailure, writeLine, type CliIo } from '../io.js';
import { configFrom, withDatabaseOptions } from '../options.js';

/** `senningen node …`: this node's identity and signing keys. */
export function nodeCommand(io: CliIo): Command {
  const node = new Command('node').description("This node's federation identity and signing keys");

  node.addCommand(
    withDatabaseOptions(new Command('init'))
      .description('Create the node signing key and identity; print its register entry')
      .requiredOption('--country <code>', 'ISO 3166 country code, e.g. BE')
      .requiredOption('--name <name>', 'name of the node, e.g. "Senningen België / Belgique"')
      .requiredOption(
        '--url <url>',
        'origin peers reach the node at, e.g. https://senningen.example.be',
      )
      .option('--id <id>', 'node id in the federation (default: the country code in lower case)')
      .action(async (options: Record<string, unknown>) => {
        const config = configFrom(options, io);
        const country = String(options.country).toUpperCase();
        const entry = await withDatabase(config, ({ db }) =>
          initNode(db, nodeKeyDir(config.dataDir), {
            nodeId: typeof options.id === 'string' ? options.id : country.toLowerCase(),
            country,
            name: String(options.name),
            url: String(options.url).replace(/\/$/, ''),
          }),
        );
        io.stderr.write(`Signing key written to ${nodeKeyDir(config.dataDir)} (owner only).\n`);
        writeLine(io.stdout, JSON.stringify(entry, null, 2));
      }),
  );

  node.addCommand(
    withDatabaseOptions(new Command('identity'))
      .description("Print this node's entry for the federation register")
      .action(async (options: Record<string, unknown>) => {
        const config = configFrom(options, io);
        const entry = await withDatabase(config, ({ db }) =>
          identityEntry(db, nodeKeyDir(config.dataDir)),
        );
        writeLine(io.stdout, JSON.stringify(entry, null, 2));
      }),
  );

  node.addCommand(
    withDatabaseOptions(new Command('add-key'))
      .description('Create another signing key (key rotation); print the new register entry')
      .action(async (options: Record<string, unknown>) => {
        const config = configFrom(options, io);
        const entry = await withDatabase(config, ({ db }) =>
          addNodeKey(db, nodeKeyDir(config.dataDir)),
        );
        writeLine(io.stdout, JSON.stringify(entry, null, 2));
      }),
  );
  return node;
}

/** `senningen federation …`: authority, register, status, message log, demo. */
export function federationCommand(io: CliIo): Command {
  const federation = new Command('federation').description(
    'The federation: authority key, signed register, peer status, message log, demo',
  );

  federation.addCommand(
    new Command('authority-init')
      .description('Create the federation authority key pair (signs the register)')
      .requiredOption('--out <dir>', 'folder for authority.key.pem and authority.pub.json')
      .action(async (options: { out: string }) => {
        const { authority, privateFile, publicFile } = await createAuthority(options.out);
        writeLine(io.stdout, `Authority key ${authority.kid}`);
        writeLine(io.stdout, `  private key  ${privateFile} (keep it offline, owner only)`);
        writeLine(io.stdout, `  public key   ${publicFile} (give it to every node)`);
      }),
  );

  const register = new Command('register').description(
    'Create, sign, inspect and load the federation register',
  );
  register.addCommand(
    new Command('create')
      .description('Write an unsigned register draft from node entries (`node identity` output)')
      .requiredOption('--version <n>', 'register version, higher than the one in force', positive)
      .option('--federation <name>', 'name of the federation', 'senningen-benelux')
      .option('--valid-days <n>', 'days until the register expires', positive, 90)
      .requiredOption('--node <file...>', 'node entry files (JSON)')
      .requiredOption('--out <file>', 'where to write the draft')
      .action(
        async (options: {
          version: number;
          federation: string;
          validDays: number;
          node: string[];
          out: string;
        }) => {
          const nodes = options.node.map((file) => readJson(file) as RegisterNode);
          const draft = await draftRegister({
            federation: options.federation,
            version: options.version,
            validForDays: options.validDays,
            nodes,
          }).catch(explainRegisterError);
          fs.writeFileSync(options.out, `${JSON.stringify(draft, null, 2)}\n`, { flag: 'wx' });
          writeLine(
            io.stdout,
            `Register draft version ${draft.version} with ${nodes.length} nodes, expiring ${draft.expiresAt}: ${options.out}`,
          );
        },
      ),
  );
  register.addCommand(
    new Command('sign')
      .description('Sign a register draft with the authority key')
      .argument('<draft>', 'the draft (JSON)')
      .requiredOption('--authority-key <file>', 'the authority private key (PEM)')
      .requiredOption('--out <file>', 'where to write the signed register')
      .action(async (draftFile: string, options: { authorityKey: string; out: string }) => {
        const draft = await checkRegisterDocument(readJson(draftFile)).catch(explainRegisterError);
        const key = await readPrivateKeyFile(options.authorityKey);
        fs.writeFileSync(options.out, `${await signRegister(draft, key)}\n`, { flag: 'wx' });
        writeLine(
          io.stdout,
          `Register version ${draft.version} signed by ${key.kid}: ${options.out}`,
        );
      }),
  );
  register.addCommand(
    withDatabaseOptions(new Command('inspect'))
      .description(
        "Check a signed register and print what it says (against --authority or the node's trust)",
      )
      .argument('<file>', 'the signed register')
      .option(
        '--authority <file>',
        'the authority public key (JSON); default: the one this node trusts',
      )
      .action(async (file: string, options: Record<string, unknown>) => {
        const authority =
          typeof options.authority === 'string'
            ? await readAuthorityKey(readJson(options.authority))
            : await withDatabase(configFrom(options, io), ({ db }) => readAuthority(db));
        if (!authority) throw new CliFailure('no authority key: give --authority');
        const opened = await openRegister(
          fs.readFileSync(file, 'utf8'),
          authority,
          new Date(),
        ).catch(explainRegisterError);
        const d = opened.document;
        writeLine(
          io.stdout,
          `Valid register of ${d.federation}, version ${d.version}, protocol ${d.protocolVersion}`,
        );
        writeLine(
          io.stdout,
          `  signed by ${authority.kid}, issued ${d.issuedAt}, expires ${d.expiresAt}`,
        );
        for (const node of d.nodes) {
          writeLine(io.stdout, `  ${node.id.padEnd(8)} ${node.country}  ${node.url}  ${node.name}`);
          for (const key of node.keys) {
            writeLine(
              io.stdout,
              `           key ${key.kid} from ${key.validFrom}${key.validUntil ? ` until ${key.validUntil}` : ''}`,
            );
          }
        }
      }),
  );
  register.addCommand(
    withDatabaseOptions(new Command('load'))
      .description('Load a signed register into this node (refused unless valid and newer)')
      .argument('<file>', 'the signed register')
      .option('--trust <file>', 'trust this authority public key (JSON) from now on')
      .action(async (file: string, options: Record<string, unknown>) => {
        const trust =
          typeof options.trust === 'string'
            ? await readAuthorityKey(readJson(options.trust))
            : undefined;
        const result = await withDatabase(configFrom(options, io), ({ db }) =>
          loadRegister(db, fs.readFileSync(file, 'utf8'), trust ? { trust } : {}),
        ).catch(explainRegisterError);
        writeLine(
          io.stdout,
          result.unchanged
            ? `Register version ${result.register.version} is already in force.`
            : `Register version ${result.register.version} loaded${result.replaced ? ` (replaces ${result.replaced})` : ''}; expires ${result.register.expiresAt.toISOString()}.`,
        );
      }),
  );
  federation.addCommand(register);

  federation.addCommand(
    withDatabaseOptions(new Command('status'))
      .description('Peers with their state, queue and dead letters')
      .option('--json', 'print JSON')
      .action(async (options: Record<string, unknown>) => {
        const config = configFrom(options, io);
        const status = await withDatabase(config, async ({ db }) =>
          federationStatus(
            db,
            await loadFederation(db, nodeKeyDir(config.dataDir), new EnvelopeTypes()),
          ),
        );
        if (options.json === true) {
          writeLine(io.stdout, JSON.stringify(status, null, 2));
          return;
        }
        if (!status.configured || !status.node) {
          writeLine(io.stdout, 'This node has no federation identity: run `senningen node init`.');
          return;
        }
        writeLine(
          io.stdout,
          `Node ${status.node.nodeId} (${status.node.country}) ${status.node.url}`,
        );
        writeLine(
          io.stdout,
          status.register
            ? `Register version ${status.register.version}, expires ${status.register.expiresAt}`
            : `No register in force: ${status.registerProblem ?? 'none loaded'}`,
        );
        writeLine(io.stdout, '');
        writeLine(
          io.stdout,
          'PEER      STATE        PENDING  DEAD  OLDEST UNDELIVERED         LAST DELIVERY',
        );
        for (const peer of status.peers) {
          const state =
            peer.reachable === null ? 'unknown' : peer.reachable ? 'reachable' : 'unreachable';
          writeLine(
            io.stdout,
            `${peer.nodeId.padEnd(9)} ${state.padEnd(12)} ${String(peer.pending).padStart(7)} ${String(peer.dead).padStart(5)}  ${(peer.oldestUndeliveredAt ?? '-').padEnd(25)} ${peer.lastDeliveryAt ?? '-'}`,
          );
          if (peer.reachable === false && peer.lastError)
            writeLine(io.stdout, `          ${peer.lastError}`);
        }
      }),
  );

  federation.addCommand(
    withDatabaseOptions(new Command('verify-log'))
      .description(
        'Recompute the message log chain; exit 0 when intact, 1 naming the first bad entry',
      )
      .action(async (options: Record<string, unknown>) => {
        const result = await withDatabase(configFrom(options, io), ({ db }) =>
          verifyMessageLog(db),
        );
        if (!result.intact) throw new CliFailure(`message log broken: ${result.message}`);
        writeLine(
          io.stdout,
          `Message log intact: ${result.entries} entries, head ${result.headHash}`,
        );
      }),
  );

  federation.addCommand(
    new Command('demo')
      .description('Run a demo federation of three nodes (BE, NL, LU) with embedded databases')
      .option(
        '--data-dir <dir>',
        'folder for the three nodes and the demo authority',
        './data/demo-federation',
      )
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--ports <list>', 'ports of BE, NL and LU', '8081,8082,8083')
      .option('--log-level <level>', 'log level', 'warn')
      .action(
        async (options: { dataDir: string; host: string; ports: string; logLevel: string }) => {
          const ports = options.ports.split(',').map((p) => Number(p.trim()));
          if (ports.length !== 3 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
            throw new CliFailure('--ports: give three ports, e.g. 8081,8082,8083');
          }
          const config = configFrom({ logLevel: options.logLevel, host: options.host }, io);
          const demo = await startDemoFederation({
            dataDir: options.dataDir,
            host: config.host,
            ports: ports as [number, number, number],
            logLevel: config.logLevel,
          });
          writeLine(
            io.stdout,
            `Senningen demo federation (register version ${demo.registerVersion}):`,
          );
          for (const { nodeId, country, node } of demo.nodes) {
            writeLine(
              io.stdout,
              `  ${country}  ${nodeId}  workspace ${node.url}/app/   portal ${node.url}/nl/`,
            );
          }
          writeLine(io.stdout, '');
          writeLine(io.stdout, `Demo users, each with the password ${DEMO_PASSWORD}:`);
          for (const { country, users } of demo.nodes) {
            for (const user of users) {
              writeLine(
                io.stdout,
                `  ${country}  ${user.username.padEnd(20)} ${user.roles.join(', ').padEnd(12)} ${user.agency}`,
              );
            }
          }
          writeLine(
            io.stdout,
            'Administrators, DPOs and SPOCs enrol a second factor at their first sign-in.',
          );
          writeLine(
            io.stdout,
            'Administrators see the federation (peers, outbox, dead letters, ping) under Federation.',
          );
          await untilSignal();
          writeLine(io.stdout, 'Stopping…');
          await demo.stop();
        },
      ),
  );
  return federation;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliFailure(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('give a whole number of at least 1');
  return n;
}

function explainRegisterError(error: unknown): never {
  if (error instanceof RegisterError) throw new CliFailure(`${error.message} (${error.code})`);
  throw error;
}

export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      resolve();
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}
