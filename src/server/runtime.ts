import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { AppConfig } from './config/config.js';
import { connectDatabase, type DatabaseHandle } from './db/database.js';
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { acquireInstanceLock } from './instance-lock.js';

const EMBEDDED_DATABASE = 'canboxa';

export function productVersion(): string {
  // Two levels up from both src/server and dist/server.
  const packageFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
  return (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
}

async function ensureDatabaseExists(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}

export interface OpenedDatabase extends DatabaseHandle {
  mode: 'server' | 'embedded';
  connectionString: string;
  close: () => Promise<void>;
}

/**
 * `app`: the serving process owns the embedded server (and its lock).
 * `tool`: a CLI command joins the app's embedded server if one runs, else starts its own for the command.
 */
export async function openDatabase(config: AppConfig, role: 'app' | 'tool', log: (line: string) => void): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const handle = connectDatabase(config.databaseUrl);
    return { ...handle, mode: 'server', connectionString: config.databaseUrl, close: handle.destroy };
  }
  if (role === 'tool') {
    const running = await findRunningEmbeddedPostgres(config.dataDir);
    if (running) {
      const connectionString = running.connectionString(EMBEDDED_DATABASE);
      const handle = connectDatabase(connectionString, { maxConnections: 4 });
      return { ...handle, mode: 'embedded', connectionString, close: handle.destroy };
    }
  }
  const releaseLock = await acquireInstanceLock(config.dataDir);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    await ensureDatabaseExists(embedded.connectionString('postgres'), EMBEDDED_DATABASE);
    const connectionString = embedded.connectionString(EMBEDDED_DATABASE);
    const handle = connectDatabase(connectionString, { maxConnections: role === 'app' ? 30 : 4 });
    return {
      ...handle,
      mode: 'embedded',
      connectionString,
      close: async () => {
        await handle.destroy();
        await embedded.stop();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}
