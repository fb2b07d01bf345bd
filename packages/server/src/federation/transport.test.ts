import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fetch } from 'undici';
import { createPeerFetch } from './transport.js';

/**
 * A peer behind mutual TLS on loopback: a federation CA issues the peer's server
 * certificate and this node's client certificate (made with openssl).
 */
let dir: string;
let server: https.Server;
let url: string;
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });

function issue(name: string, subject: string, extension: string): void {
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file(`${name}.key`),
    '-out',
    file(`${name}.csr`),
    '-subj',
    subject,
  );
  fs.writeFileSync(file(`${name}.ext`), extension);
  openssl(
    'x509',
    '-req',
    '-in',
    file(`${name}.csr`),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    file(`${name}.crt`),
    '-extfile',
    file(`${name}.ext`),
  );
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-mtls-'));
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '1',
    '-subj',
    '/CN=Test federation CA',
  );
  issue('peer', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue('node', '/CN=be', 'extendedKeyUsage=clientAuth\n');
  server = https.createServer(
    {
      cert: fs.readFileSync(file('peer.crt')),
      key: fs.readFileSync(file('peer.key')),
      ca: fs.readFileSync(file('ca.crt')),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ client: peer.subject?.CN ?? null }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/federation/v1/node`;
});
afterAll(() => {
  server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('requests to peers behind mutual TLS', () => {
  it('present the node client certificate and check the peer against the federation CA', async () => {
    const fetchPeer = createPeerFetch({
      certFile: file('node.crt'),
      keyFile: file('node.key'),
      caFile: file('ca.crt'),
    });
    const response = await fetchPeer(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ client: 'be' });
  });

  it('are refused without a client certificate, even from a client that trusts the CA', async () => {
    const dispatcher = new Agent({ connect: { ca: fs.readFileSync(file('ca.crt')) } });
    await expect(fetch(url, { dispatcher })).rejects.toThrow();
    await dispatcher.close();
  });

  it('refuse a peer whose certificate no trusted CA issued', async () => {
    const fetchPeer = createPeerFetch({ certFile: file('node.crt'), keyFile: file('node.key') });
    await expect(fetchPeer(url)).rejects.toThrow();
  });
});
