import { createInterface } from 'node:readline';
import { CliFailure, type CliIo } from './io.js';

/**
 * Reads a password from standard input: piped (first line), or typed at a
 * terminal without echo. It never appears in the process list or shell history.
 */
export async function readPassword(io: CliIo): Promise<string> {
  const password = io.stdin.isTTY === true ? await promptHidden(io) : await readFirstLine(io.stdin);
  if (password.length === 0) throw new CliFailure('no password on standard input');
  return password;
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function promptHidden(io: CliIo): Promise<string> {
  return new Promise((resolve) => {
    io.stderr.write('Password: ');
    const rl = createInterface({ input: io.stdin, terminal: true });
    // Suppress the echo of typed characters.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      io.stderr.write('\n');
      resolve(answer);
    });
  });
}
