import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@senningen\/server$/,
        replacement: fileURLToPath(new URL('./packages/server/src/index.ts', import.meta.url)),
      },
      {
        find: /^@senningen\/server\/roles$/,
        replacement: fileURLToPath(
          new URL('./packages/server/src/kernel/policy/roles.ts', import.meta.url),
        ),
      },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
