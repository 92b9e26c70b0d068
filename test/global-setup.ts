import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/server/db/database.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/server/db/embedded-postgres.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { prepareTemplateData } from './template-data.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    bareTemplateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL per test run: the embedded one, or the server in DATABASE_URL
 * (CI proves server mode that way). Every test file clones the migrated template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: RunningPostgres | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'canboxa-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, log: () => undefined });
    adminUrl = embedded.connectionString('postgres');
  }

  const runTag = `${process.pid}_${Date.now()}`;
  const bareTemplateDatabase = `canboxa_bare_${runTag}`;
  const templateDatabase = `canboxa_template_${runTag}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${bareTemplateDatabase}"`);
  const bare = connectDatabase(withDatabase(adminUrl, bareTemplateDatabase), { maxConnections: 4 });
  try {
    await migrateToLatest(bare.db);
  } finally {
    await bare.destroy();
  }
  await admin.query(`create database "${templateDatabase}" template "${bareTemplateDatabase}"`);
  const template = connectDatabase(withDatabase(adminUrl, templateDatabase), { maxConnections: 4 });
  try {
    await prepareTemplateData(template.db);
  } finally {
    await template.destroy();
  }

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('bareTemplateDatabase', bareTemplateDatabase);

  return async () => {
    await admin.query(`drop database if exists "${templateDatabase}" with (force)`);
    await admin.query(`drop database if exists "${bareTemplateDatabase}" with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
