// @ts-check
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** @param {string} serverUrl @param {string} statement */
async function run(serverUrl, statement) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one benchmark run on the PostgreSQL server at `serverUrl`.
 * @param {string} serverUrl
 * @returns {Promise<{ url: string; drop(): Promise<void> }>}
 */
export async function createBenchDatabase(serverUrl) {
  const name = `senningen_bench_${randomBytes(4).toString('hex')}`;
  await run(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(serverUrl, `drop database if exists ${name} with (force)`),
  };
}
