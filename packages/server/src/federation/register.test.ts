import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/database.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import { loadRegister, readIdentity, RegisterStore } from './federation.js';
import { generateSigningKey, readNodeKeys, type SigningKey } from './keys.js';
import { MESSAGE_TYPES, serialiseMessage, signMessage } from './jws.js';
import { RegisterFetcher } from './register-fetch.js';
import { signRegister, type AuthorityKey, type RegisterDocument } from './register.js';
import { createAuthority, draftRegister, initNode } from './setup.js';

let dir: string;
let database: DatabaseHandle;
let authorityKey: SigningKey;
let authority: AuthorityKey;
let document: RegisterDocument;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-register-'));
  database = await createTestDatabase();
  ({ key: authorityKey, authority } = await createAuthority(path.join(dir, 'authority')));
  const entry = await initNode(database.db, path.join(dir, 'keys'), {
    nodeId: 'be',
    country: 'BE',
    name: 'Test',
    url: 'http://127.0.0.1:1',
  });
  document = await draftRegister({
    federation: 'test',
    version: 5,
    validForDays: 1,
    nodes: [entry],
  });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const load = (signed: string, trust?: AuthorityKey) =>
  loadRegister(database.db, signed, trust ? { trust } : {});

describe('node identity and keys', () => {
  it('writes the private key for its owner only and refuses a key others may read', async () => {
    const keyDir = path.join(dir, 'keys');
    const [file] = fs.readdirSync(keyDir);
    expect(fs.statSync(path.join(keyDir, file!)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keyDir).mode & 0o777).toBe(0o700);
    expect(await readIdentity(database.db)).toMatchObject({ nodeId: 'be', country: 'BE' });
    fs.chmodSync(path.join(keyDir, file!), 0o644);
    await expect(readNodeKeys(keyDir)).rejects.toThrow(/may be read by others/);
    fs.chmodSync(path.join(keyDir, file!), 0o600);
    expect(await readNodeKeys(keyDir)).toHaveLength(1);
  });

  it('keeps private keys out of the database', async () => {
    const [key] = await readNodeKeys(path.join(dir, 'keys'));
    const pem = key!.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const body = pem.split('\n')[1]!;
    const rows = JSON.stringify(
      await database.db.selectFrom('federation_identity').selectAll().execute(),
    );
    expect(rows).not.toContain(body.slice(0, 20));
  });
});

describe('the register', () => {
  it('is refused when unsigned', async () => {
    await expect(load(JSON.stringify(document), authority)).rejects.toMatchObject({
      code: 'unsigned_register',
    });
  });

  it('is refused when signed by another key', async () => {
    const other = await generateSigningKey();
    await expect(load(await signRegister(document, other), authority)).rejects.toMatchObject({
      code: 'wrong_register_signature',
    });
  });

  it('is refused when its signature does not hold', async () => {
    const signed = JSON.parse(await signRegister(document, authorityKey)) as { signature: string };
    signed.signature = `${signed.signature.slice(0, -4)}AAAA`;
    await expect(load(JSON.stringify(signed), authority)).rejects.toMatchObject({
      code: 'wrong_register_signature',
    });
  });

  it('is refused when it is another kind of signed document', async () => {
    const receipt = serialiseMessage(
      await signMessage(MESSAGE_TYPES.envelope, document, authorityKey),
    );
    await expect(load(receipt, authority)).rejects.toMatchObject({ code: 'malformed_register' });
  });

  it('is refused when expired', async () => {
    const expired = {
      ...document,
      issuedAt: '2020-01-01T00:00:00.000Z',
      expiresAt: '2020-02-01T00:00:00.000Z',
    };
    await expect(load(await signRegister(expired, authorityKey), authority)).rejects.toMatchObject({
      code: 'register_expired',
    });
  });

  it('is refused without a trusted authority', async () => {
    await expect(load(await signRegister(document, authorityKey))).rejects.toMatchObject({
      code: 'wrong_register_signature',
    });
  });

  it('is loaded when valid, again only unchanged, never an older version', async () => {
    const signed = await signRegister(document, authorityKey);
    expect(await load(signed, authority)).toMatchObject({ unchanged: false, replaced: null });
    expect(await load(signed)).toMatchObject({ unchanged: true });
    const changed = await signRegister({ ...document, federation: 'other' }, authorityKey);
    await expect(load(changed)).rejects.toMatchObject({ code: 'register_not_newer' });
    const older = await signRegister({ ...document, version: 4 }, authorityKey);
    await expect(load(older)).rejects.toMatchObject({ code: 'register_not_newer' });
    const newer = await signRegister({ ...document, version: 6 }, authorityKey);
    expect(await load(newer)).toMatchObject({ replaced: 5 });
    expect((await new RegisterStore(database.db).current()).version).toBe(6);
  });

  it('is refused with inconsistent content', async () => {
    const [node] = document.nodes;
    const twice = { ...document, version: 7, nodes: [node!, node!] };
    await expect(signRegister(twice, authorityKey)).rejects.toMatchObject({
      code: 'invalid_register',
    });
    const wrongKid = {
      ...document,
      nodes: [
        {
          ...node!,
          keys: [{ ...node!.keys[0]!, kid: randomUUID().replace(/-/g, '').padEnd(43, 'A') }],
        },
      ],
    };
    await expect(signRegister(wrongKid, authorityKey)).rejects.toMatchObject({
      code: 'invalid_register',
    });
  });
});

describe('the published register', () => {
  it('is fetched when newer, and the last valid one is kept when the source fails', async () => {
    let answer: { status: number; body: string } = { status: 200, body: '' };
    const server = http.createServer((_request, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/register.json`;
    const warnings: string[] = [];
    const log = {
      info: () => {},
      warn: (_fields: unknown, message: string) => warnings.push(message),
    } as unknown as FastifyBaseLogger;
    const store = new RegisterStore(database.db);
    const fetcher = new RegisterFetcher(database.db, store, url, log);
    try {
      answer = {
        status: 200,
        body: await signRegister({ ...document, version: 20 }, authorityKey),
      };
      expect(await fetcher.fetchOnce()).toBe('loaded');
      expect((await store.current()).version).toBe(20);
      expect(await fetcher.fetchOnce()).toBe('unchanged');

      answer = {
        status: 200,
        body: await signRegister({ ...document, version: 21 }, await generateSigningKey()),
      };
      expect(await fetcher.fetchOnce()).toBe('kept');
      answer = { status: 200, body: JSON.stringify({ ...document, version: 22 }) };
      expect(await fetcher.fetchOnce()).toBe('kept');
      answer = { status: 503, body: '{}' };
      expect(await fetcher.fetchOnce()).toBe('kept');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      expect(await fetcher.fetchOnce()).toBe('kept');

      expect((await store.current()).version).toBe(20);
      expect(warnings.join('\n')).toMatch(/wrong_register_signature/);
      expect(warnings.join('\n')).toMatch(/unsigned_register/);
    } finally {
      server.close();
    }
  });
});
