import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface StartedNode {
  url: string;
  stop(): Promise<void>;
}

/** Starts a real node with demo data on a free port and a fresh data folder. */
export async function startDemoNode(): Promise<StartedNode> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['packages/cli/bin/senningen.js', 'serve', '--demo', '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/[^\s]+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/$/, ''));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`node exited with ${code}:\n${output}`));
      });
    });
    return {
      url,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Ports nobody listens on now: each is taken from the system and let go at once. */
async function freePorts(count: number): Promise<number[]> {
  // All are held open together, so that the system cannot hand out the same one twice.
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  return ports;
}

export interface StartedFederation {
  /** The origin of each node, e.g. http://127.0.0.1:41234, by node id. */
  urls: { be: string; nl: string; lu: string };
  stop(): Promise<void>;
}

/**
 * Starts the demo federation (BE, NL and LU with demo data, one register) on free ports and
 * a fresh data folder, and waits until the three nodes listen.
 */
export async function startDemoFederation(): Promise<StartedFederation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-e2e-federation-'));
  const ports = await freePorts(3);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'packages/cli/bin/senningen.js',
      'federation',
      'demo',
      '--data-dir',
      dataDir,
      '--ports',
      ports.join(','),
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // The nodes close their databases on SIGTERM; one that hangs is not waited for forever.
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  try {
    const urls = await new Promise<StartedFederation['urls']>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`demo federation did not start:\n${output}`)),
        150_000,
      );
      const found: Record<string, string> = {};
      // Keeps reading after the start, so that the pipes never fill up and block the nodes.
      const onData = (chunk: Buffer) => {
        if (output.length < 100_000) output += chunk.toString();
        if (found.be && found.nl && found.lu) return;
        for (const match of output.matchAll(
          /^\s+(BE|NL|LU)\s+\S+\s+workspace (http:\/\/\S+?)\/app\/\s/gm,
        )) {
          found[match[1]!.toLowerCase()] = match[2]!;
        }
        if (found.be && found.nl && found.lu) {
          clearTimeout(timer);
          resolve({ be: found.be, nl: found.nl, lu: found.lu });
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`demo federation exited with ${code}:\n${output}`));
      });
    });
    return { urls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Records what goes wrong inside the page: uncaught exceptions and Content Security Policy
 * refusals (the node's CSP allows only its own scripts, styles inline or its own, images from
 * itself or data: URLs).
 */
export function watchForPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  return problems;
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations, described. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // page.addScriptTag would add an inline script, which the node's CSP (script-src 'self')
  // refuses; evaluating the source through the DevTools protocol is not subject to the CSP.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> };
    };
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
