import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.js';
import type { Role } from '../src/server/auth/auth.tables.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { loadConfig, type AppConfig } from '../src/server/config/config.js';
import type { AppContext, AppInstance } from '../src/server/context.js';
import { connectDatabase, type Db } from '../src/server/db/database.js';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2025';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  db: Db;
  connectionString: string;
  name: string;
  drop: () => Promise<void>;
}

export interface TestDatabaseOptions {
  /** Without the official administrative units: for tests of the first load itself. */
  withoutTerritory?: boolean;
}

/** A fresh database cloned from the migrated template: every test file starts from the same state. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `canboxa_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const template = options.withoutTerritory ? inject('bareTemplateDatabase') : inject('templateDatabase');
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const connectionString = withDatabase(adminUrl, name);
  const handle = connectDatabase(connectionString, { maxConnections: 10 });
  return {
    db: handle.db,
    connectionString,
    name,
    drop: async () => {
      await handle.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        // On a server where the tests run as an ordinary role (DATABASE_URL), FORCE may not end an autovacuum
        // worker busy in the database (42501); it finishes within moments, so the drop is tried again.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await cleanup.query(`drop database if exists "${name}" with (force)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      } finally {
        await cleanup.end();
      }
    },
  };
}

export interface SignedInClient {
  userId: string;
  username: string;
  cookie: string;
  csrfToken: string;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: AppInstance;
  db: Db;
  context: AppContext;
  connectionString: string;
  countryUnitId: string;
  createUser: (options: { role: Role; unitId?: string; username?: string; canViewSensitive?: boolean }) => Promise<{ id: string; username: string }>;
  signIn: (username: string, password?: string) => Promise<SignedInClient>;
  asUser: (role: Role, unitId?: string, options?: { canViewSensitive?: boolean }) => Promise<SignedInClient>;
  close: () => Promise<void>;
}

let userCounter = 0;

export async function createTestApp(overrides: Partial<AppConfig> = {}, options: TestDatabaseOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const config: AppConfig = { ...loadConfig({}), webDistDir: '/nonexistent', sessionTtlHours: 1, loginAttemptsPerMinutePerAddress: 10_000, ...overrides };
  const context: AppContext = { db: database.db, config, version: 'test' };
  const app = await buildApp(context);
  await app.ready();
  const country = await database.db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const createUser: TestApp['createUser'] = async ({ role, unitId, username, canViewSensitive }) => {
    userCounter += 1;
    const name = username ?? `${role}${userCounter}_${randomBytes(3).toString('hex')}`;
    const row = await database.db
      .insertInto('app_user')
      .values({
        username: name,
        full_name: `Người dùng ${role} ${userCounter}`,
        role,
        unit_id: unitId ?? country.id,
        password_hash: passwordHash,
        can_view_sensitive: canViewSensitive ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, username: name };
  };

  const signIn: TestApp['signIn'] = async (username, password = TEST_PASSWORD) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'canboxa_session');
    const body = response.json() as { csrfToken: string; user: { id: string } };
    const cookieHeader = `canboxa_session=${cookie!.value}`;
    return {
      userId: body.user.id,
      username,
      cookie: cookieHeader,
      csrfToken: body.csrfToken,
      inject: (options) =>
        app.inject({
          ...options,
          headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken, ...(options.headers ?? {}) },
        }),
    };
  };

  return {
    app,
    db: database.db,
    context,
    connectionString: database.connectionString,
    countryUnitId: country.id,
    createUser,
    signIn,
    asUser: async (role, unitId, options) => {
      const user = await createUser({ role, unitId, canViewSensitive: options?.canViewSensitive });
      return signIn(user.username);
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
