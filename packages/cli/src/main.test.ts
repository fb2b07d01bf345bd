import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, openDatabase, startNode } from '@senningen/server';
import { createPostgresTestDatabase } from '../../server/src/test-support/database.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const io: CliIo = {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let dir: string;
let dataDir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-cli-'));
  dataDir = path.join(dir, 'data');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('senningen CLI', () => {
  it('prints help for every command and exits 0', async () => {
    for (const argv of [
      ['--help'],
      ['serve', '--help'],
      ['agency', 'create', '--help'],
      ['user', 'create', '--help'],
      ['audit', 'verify', '--help'],
      ['audit', 'export', '--help'],
      ['migrate', '--help'],
      ['demo', '--help'],
      ['node', 'init', '--help'],
      ['federation', 'register', 'create', '--help'],
      ['federation', 'status', '--help'],
      ['federation', 'demo', '--help'],
    ]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: senningen');
    }
  });

  it('creates agencies and users, audited, and verifies the log', async () => {
    const db = ['--data-dir', dataDir];
    expect((await run(['migrate', ...db])).stdout).toMatch(/Applied: \d{14}_identity/);
    const agency = await run([
      'agency',
      'create',
      '--code',
      'BE-LPZ-GENT',
      '--name',
      'Politiezone Gent',
      '--country',
      'BE',
      '--kind',
      'police',
      ...db,
    ]);
    expect(agency).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Created agency BE-LPZ-GENT/),
    });
    const user = await run(
      [
        'user',
        'create',
        '--username',
        'jan.peeters',
        '--agency',
        'BE-LPZ-GENT',
        '--role',
        'officer',
        '--role',
        'analyst',
        ...db,
      ],
      { stdin: 'a long enough password\n' },
    );
    expect(user).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('roles officer, analyst'),
    });
    const verify = await run(['audit', 'verify', ...db]);
    expect(verify).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Audit log intact: 2 entries/),
    });
    const exported = await run(['audit', 'export', '--format', 'jsonl', ...db]);
    const actions = exported.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { action: string }).action);
    expect(actions).toEqual(['agency.create', 'user.create', 'audit.export']);
  });

  it('fails with a one-line reason and a non-zero exit code', async () => {
    const db = ['--data-dir', dataDir];
    const short = await run(
      [
        'user',
        'create',
        '--username',
        'too.short',
        '--agency',
        'BE-LPZ-GENT',
        '--role',
        'officer',
        ...db,
      ],
      { stdin: 'short\n' },
    );
    expect(short.code).toBe(1);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
    expect(short.stderr).toContain('at least 12 characters');
    const unknownAgency = await run(
      ['user', 'create', '--username', 'x.y.z', '--agency', 'NOPE', '--role', 'officer', ...db],
      { stdin: 'long enough password\n' },
    );
    expect(unknownAgency).toMatchObject({
      code: 1,
      stderr: 'senningen: --agency: no agency with code NOPE\n',
    });
    const badRole = await run([
      'user',
      'create',
      '--username',
      'x.y.z',
      '--agency',
      'BE-LPZ-GENT',
      '--role',
      'wizard',
      ...db,
    ]);
    expect(badRole.code).not.toBe(0);
    const badConfig = await run(['migrate'], { env: { DATABASE_URL: 'mysql://nope' } });
    expect(badConfig).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('DATABASE_URL: must start with postgres://'),
    });
    const unknownCommand = await run(['fly']);
    expect(unknownCommand.code).not.toBe(0);
  });

  it('exits non-zero naming the entry when the audit log was tampered with', async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    await handle.db.transaction().execute(async (trx) => {
      await sql`alter table audit_entry disable trigger audit_entry_no_update_or_delete`.execute(
        trx,
      );
      await sql`update audit_entry set object_id = 'forged' where seq = 2`.execute(trx);
      await sql`alter table audit_entry enable trigger audit_entry_no_update_or_delete`.execute(
        trx,
      );
    });
    await handle.close();
    const verify = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(
      /^senningen: audit log broken: audit entry 2 \(.*\) was altered\n$/,
    );
  });

  it('refuses to open the embedded database while a node holds it', async () => {
    const nodeDir = path.join(dir, 'running');
    const node = await startNode(loadConfig({ DATA_DIR: nodeDir, PORT: '0', LOG_LEVEL: 'silent' }));
    try {
      const response = await fetch(`${node.url}/readyz`);
      expect(response.status).toBe(200);
      const result = await run(['migrate', '--data-dir', nodeDir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is in use by a running Senningen process');
      expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
    } finally {
      await node.stop();
    }
    expect((await run(['migrate', '--data-dir', nodeDir])).code).toBe(0);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'works on PostgreSQL while a node runs on the same database',
    async () => {
      const fresh = await createPostgresTestDatabase(process.env.TEST_DATABASE_URL!);
      const node = await startNode(
        loadConfig({
          DATABASE_URL: fresh.url,
          DATA_DIR: path.join(dir, 'pg-node'),
          PORT: '0',
          LOG_LEVEL: 'silent',
        }),
      );
      try {
        const db = ['--database-url', fresh.url];
        expect(
          (
            await run([
              'agency',
              'create',
              '--code',
              'BE-PG',
              '--name',
              'On PostgreSQL',
              '--country',
              'BE',
              '--kind',
              'justice',
              ...db,
            ])
          ).code,
        ).toBe(0);
        expect((await run(['audit', 'verify', ...db])).code).toBe(0);
        expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
      } finally {
        await node.stop();
        await fresh.drop();
      }
    },
  );
});

describe('senningen node and federation', () => {
  it('sets up a federation from scratch: authority, nodes, register, status, message log', async () => {
    const base = path.join(dir, 'federation');
    const [be, nl] = [path.join(base, 'be'), path.join(base, 'nl')];
    const authority = await run([
      'federation',
      'authority-init',
      '--out',
      path.join(base, 'authority'),
    ]);
    expect(authority).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Authority key /) });
    expect(fs.statSync(path.join(base, 'authority', 'authority.key.pem')).mode & 0o777).toBe(0o600);

    const entries: string[] = [];
    for (const [data, country, url] of [
      [be, 'BE', 'https://senningen.example.be'],
      [nl, 'NL', 'https://senningen.example.nl'],
    ] as const) {
      const init = await run([
        'node',
        'init',
        '--country',
        country,
        '--name',
        `Senningen ${country}`,
        '--url',
        url,
        '--data-dir',
        data,
      ]);
      expect(init.code, init.stderr).toBe(0);
      const entry = JSON.parse(init.stdout) as { id: string; keys: { kid: string }[] };
      expect(entry).toMatchObject({ id: country.toLowerCase(), country, url });
      // the private key appears nowhere in what is printed
      const pem = fs.readFileSync(path.join(data, 'keys', `${entry.keys[0]!.kid}.pem`), 'utf8');
      expect(init.stdout + init.stderr).not.toContain(pem.split('\n')[1]!);
      const file = path.join(base, `${country}.json`);
      fs.writeFileSync(file, init.stdout);
      entries.push(file);
    }
    const again = await run([
      'node',
      'init',
      '--country',
      'BE',
      '--name',
      'x',
      '--url',
      'https://x.example',
      '--data-dir',
      be,
    ]);
    expect(again).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already initialised'),
    });

    const draft = path.join(base, 'draft.json');
    const signed = path.join(base, 'register.json');
    expect(
      (
        await run([
          'federation',
          'register',
          'create',
          '--version',
          '1',
          '--node',
          ...entries,
          '--out',
          draft,
        ])
      ).code,
    ).toBe(0);
    const unsigned = await run([
      'federation',
      'register',
      'load',
      draft,
      '--trust',
      path.join(base, 'authority', 'authority.pub.json'),
      '--data-dir',
      be,
    ]);
    expect(unsigned).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unsigned_register'),
    });
    const sign = await run([
      'federation',
      'register',
      'sign',
      draft,
      '--authority-key',
      path.join(base, 'authority', 'authority.key.pem'),
      '--out',
      signed,
    ]);
    expect(sign.code, sign.stderr).toBe(0);
    const inspect = await run([
      'federation',
      'register',
      'inspect',
      signed,
      '--authority',
      path.join(base, 'authority', 'authority.pub.json'),
    ]);
    expect(inspect).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Valid register of senningen-benelux, version 1'),
    });
    for (const data of [be, nl]) {
      const load = await run([
        'federation',
        'register',
        'load',
        signed,
        '--trust',
        path.join(base, 'authority', 'authority.pub.json'),
        '--data-dir',
        data,
      ]);
      expect(load).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('Register version 1 loaded'),
      });
    }

    const status = await run(['federation', 'status', '--json', '--data-dir', be]);
    expect(JSON.parse(status.stdout)).toMatchObject({
      configured: true,
      node: { nodeId: 'be' },
      register: { version: 1 },
      peers: [{ nodeId: 'nl', reachable: null, pending: 0, dead: 0 }],
    });
    const table = await run(['federation', 'status', '--data-dir', be]);
    expect(table.stdout).toMatch(/nl\s+unknown\s+0\s+0/);
    expect(await run(['federation', 'verify-log', '--data-dir', be])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Message log intact: 0 entries/),
    });
  });
});
