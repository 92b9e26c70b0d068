import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type OperationNode,
  PostgresDialect,
  type PostgresDialectConfig,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { type DataChanges, UNKNOWN_TABLE } from './data-changes.js';

/** Raw statements that read: a query (CTEs included), or a setting of the session or transaction. */
const READING_RAW = /^\s*(select|with|values|table|show|explain|set|listen)\b/i;
/** A data-modifying CTE or a function that writes cannot be told apart from a read without parsing: a keyword is enough to assume a write. */
const WRITING_KEYWORD = /\b(insert|update|delete|truncate|merge|copy|nextval|setval)\b/i;
const ROW_LOCK = /\bfor\s+(no\s+key\s+)?update\b/gi;

function rawStatementWrites(statement: string): boolean {
  return !READING_RAW.test(statement) || WRITING_KEYWORD.test(statement.replace(ROW_LOCK, ''));
}

function tableOf(node: OperationNode | undefined): string {
  let target = node as (OperationNode & { node?: OperationNode; table?: { identifier?: { name?: string } } }) | undefined;
  if (target?.kind === 'AliasNode') target = target.node as typeof target;
  return target?.kind === 'TableNode' ? (target.table?.identifier?.name ?? UNKNOWN_TABLE) : UNKNOWN_TABLE;
}

/** The tables a statement may write: none for a read, UNKNOWN_TABLE when it cannot be told. */
export function tablesWrittenBy(query: CompiledQuery): string[] {
  const node = query.query as OperationNode & Record<string, unknown>;
  switch (node.kind) {
    case 'SelectQueryNode':
      return [];
    case 'InsertQueryNode':
      return [tableOf(node.into as OperationNode)];
    case 'UpdateQueryNode':
      return [tableOf(node.table as OperationNode)];
    case 'DeleteQueryNode':
      return ((node.from as { froms: OperationNode[] }).froms ?? []).map(tableOf);
    case 'RawNode':
      return rawStatementWrites(query.sql) ? [UNKNOWN_TABLE] : [];
    default:
      return [UNKNOWN_TABLE];
  }
}

class TrackedConnection implements DatabaseConnection {
  /** Tables written by the open transaction; null outside a transaction. */
  written: Set<string> | null = null;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly changes: DataChanges,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const tables = tablesWrittenBy(query);
    if (this.written) for (const table of tables) this.written.add(table);
    const result = await this.inner.executeQuery<R>(query);
    // Outside a transaction the statement committed on its own.
    if (!this.written && tables.length > 0) this.changes.committed(tables);
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * The PostgreSQL driver, telling `DataChanges` which tables a transaction
 * wrote once its commit is acknowledged: the same process then reads its own
 * writes without waiting for the notification. Bumping before the commit
 * would let a reader cache pre-commit rows under the new version.
 */
class ChangeTrackingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly changes: DataChanges,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new TrackedConnection(await this.inner.acquireConnection(), this.changes);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const tracked = connection as TrackedConnection;
    await this.inner.beginTransaction(tracked.inner, settings);
    tracked.written = new Set();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    const written = tracked.written ?? new Set<string>();
    tracked.written = null;
    try {
      await this.inner.commitTransaction(tracked.inner);
    } finally {
      // A failed COMMIT may still have committed (connection lost after the server did it): assume it did.
      this.changes.committed(written);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    tracked.written = null;
    await this.inner.rollbackTransaction(tracked.inner);
  }

  savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint!((connection as TrackedConnection).inner, name, compileQuery);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.rollbackToSavepoint!((connection as TrackedConnection).inner, name, compileQuery);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.releaseSavepoint!((connection as TrackedConnection).inner, name, compileQuery);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    tracked.written = null;
    await this.inner.releaseConnection(tracked.inner);
  }

  async destroy(): Promise<void> {
    await this.changes.stop();
    await this.inner.destroy();
  }
}

export class ChangeTrackingPostgresDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly changes: DataChanges,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ChangeTrackingDriver(super.createDriver(), this.changes);
  }
}
