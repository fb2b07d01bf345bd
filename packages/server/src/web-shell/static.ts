import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the web workspace's build lands (packages/web/dist). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the web workspace under /app/. Its client-side routes all answer with
 * index.html. Returns false when the workspace has not been built.
 */
export async function registerWebShell(app: FastifyInstance, webDir: string): Promise<boolean> {
  const indexPath = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexPath)) return false;
  const indexHtml = fs.readFileSync(indexPath);

  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/app/',
    wildcard: false,
    index: false,
    maxAge: '1h',
    setHeaders(reply, filePath) {
      // Vite fingerprints asset names, so they never change under the same name.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        void reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });

  const sendIndex = async (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/app', (_request, reply) => reply.redirect('/app/'));
  app.get('/app/', sendIndex);
  app.get('/app/*', sendIndex);
  return true;
}
