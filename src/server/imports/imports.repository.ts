import { type Transaction, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';
import type { Database, Db } from '../db/database.js';
import type { ImportStatus } from './imports.tables.js';

type Conn = Db | Transaction<Database>;

export interface NewImportRun {
  kind: string;
  userId: string | null;
  unitId: string;
  startedAt: Date;
  fileName: string;
  sha256: string;
  fileSize: number;
  dryRun: boolean;
  status: ImportStatus;
  rows: number;
  created: number;
  updated: number;
  errorCount: number;
  warningCount: number;
  message: string | null;
  /** The first problems, kept so that a refused import can be reviewed later. */
  errors: unknown[];
}

export interface ImportRunRow {
  id: string;
  kind: string;
  user_id: string | null;
  username: string | null;
  user_full_name: string | null;
  started_at: Date;
  finished_at: Date;
  file_name: string;
  file_sha256: string;
  file_size: string;
  dry_run: boolean;
  status: ImportStatus;
  rows: number;
  created: number;
  updated: number;
  error_count: number;
  warning_count: number;
  message: string | null;
}

export class ImportsRepository {
  constructor(private readonly db: Db) {}

  async insert(db: Conn, run: NewImportRun): Promise<string> {
    const row = await db
      .insertInto('import_run')
      .values({
        kind: run.kind,
        user_id: run.userId,
        unit_id: run.unitId,
        started_at: run.startedAt,
        file_name: run.fileName,
        file_sha256: run.sha256,
        file_size: run.fileSize,
        dry_run: run.dryRun,
        status: run.status,
        rows: run.rows,
        created: run.created,
        updated: run.updated,
        error_count: run.errorCount,
        warning_count: run.warningCount,
        message: run.message,
        errors: JSON.stringify(run.errors),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Runs by importers whose unit the actor sees, newest first. */
  async list(actor: Actor, kind: string, paging: { offset: number; limit: number }): Promise<{ rows: ImportRunRow[]; total: number }> {
    const visible = this.db.selectFrom('import_run as r').where('r.kind', '=', kind).where(unitInScope(actor, 'r.unit_id'));
    const [rows, count] = await Promise.all([
      visible
        .leftJoin('app_user as u', 'u.id', 'r.user_id')
        .select([
          'r.id',
          'r.kind',
          'r.user_id',
          'u.username',
          'u.full_name as user_full_name',
          'r.started_at',
          'r.finished_at',
          'r.file_name',
          'r.file_sha256',
          sql<string>`r.file_size`.as('file_size'),
          'r.dry_run',
          'r.status',
          'r.rows',
          'r.created',
          'r.updated',
          'r.error_count',
          'r.warning_count',
          'r.message',
        ])
        .orderBy('r.started_at', 'desc')
        .orderBy('r.id', 'desc')
        .offset(paging.offset)
        .limit(paging.limit)
        .execute(),
      visible.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }
}
