import pg from 'pg';

/** The channel the triggers of migration 20261125120000 notify on, with the table's name as payload. */
export const DATA_CHANGED_CHANNEL = 'canboxa_data_changed';

/** What a committed change can make stale: computed answers, or validated sessions. */
export type ChangeKind = 'data' | 'sessions';

/** A write whose table is not known (raw SQL, DDL): everything may have changed. */
export const UNKNOWN_TABLE = '*';

/** Tables whose rows no cached answer reads: writing them (every profile view writes the audit log) keeps the caches. */
const UNTRACKED_TABLES = new Set(['audit_log', 'import_run', 'kysely_migration', 'kysely_migration_lock']);
/** Tables the session check reads; no list or summary reads them, so a sign-in does not empty the answer caches. */
const SESSION_TABLES = new Set(['user_session', 'app_user']);

function kindsChangedBy(table: string): ChangeKind[] {
  if (table === UNKNOWN_TABLE) return ['data', 'sessions'];
  if (UNTRACKED_TABLES.has(table)) return [];
  return SESSION_TABLES.has(table) ? ['sessions'] : ['data'];
}

const RECONNECT_DELAY_MS = 1_000;

/**
 * Version counters of what is in the database, one per kind of cached thing.
 * A cached entry records the version it was computed under and is served
 * only while the version is unchanged. Writes of this process bump the
 * counter right after their commit (see change-tracking-dialect.ts); writes of
 * other processes (another instance, `canboxa` commands, psql) arrive as
 * NOTIFY, which PostgreSQL delivers only on commit. While the LISTEN
 * connection is down a change could go unseen, so `version()` is null and
 * callers compute afresh.
 */
export class DataChanges {
  private readonly versions: Record<ChangeKind, number> = { data: 0, sessions: 0 };
  private listener: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The bench turns this off to measure the cold path; nothing else should. */
  cachingEnabled = true;
  private readonly caches = new Map<string, unknown>();

  constructor(private readonly listenerConfig: pg.ClientConfig) {}

  version(kind: ChangeKind): number | null {
    return this.listener !== null && this.cachingEnabled ? this.versions[kind] : null;
  }

  /** Called after the commit of a transaction that wrote these tables, or on their notification. */
  committed(tables: Iterable<string>): void {
    const kinds = new Set<ChangeKind>();
    for (const table of tables) for (const kind of kindsChangedBy(table)) kinds.add(kind);
    for (const kind of kinds) this.versions[kind] += 1;
  }

  /** One shared cache per name, so that every service instance on this database uses the same entries. */
  sharedCache<T>(name: string, create: () => T): T {
    let cache = this.caches.get(name) as T | undefined;
    if (cache === undefined) {
      cache = create();
      this.caches.set(name, cache);
    }
    return cache;
  }

  /** Resolves once listening, or once the first attempt failed (retries go on in the background). */
  start(): Promise<void> {
    this.stopped = false;
    if (this.listener) return Promise.resolve();
    this.starting ??= this.connect().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    await this.starting;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // Keep-alive, so that a connection dropped without a word (a restarted router) is noticed and caching stops.
    const client = new pg.Client({ ...this.listenerConfig, application_name: 'canboxa-listen', connectionTimeoutMillis: 10_000, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === DATA_CHANGED_CHANNEL) this.committed([message.payload || UNKNOWN_TABLE]);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`listen ${DATA_CHANGED_CHANNEL}`);
    } catch {
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    // Whatever was committed while nobody listened is unknown: nothing computed before now may be served.
    this.committed([UNKNOWN_TABLE]);
    this.listener = client;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.committed([UNKNOWN_TABLE]);
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.start();
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}

const changesOfDatabase = new WeakMap<object, DataChanges>();

export function registerDataChanges(db: object, changes: DataChanges): void {
  changesOfDatabase.set(db, changes);
}

/** Undefined for a Kysely instance not made by `connectDatabase` (nothing is cached for it). */
export function dataChangesOf(db: object): DataChanges | undefined {
  return changesOfDatabase.get(db);
}
