import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async list(filter: AuditFilter) {
    const filtered = this.db
      .selectFrom('audit_log as a')
      .$if(filter.entity !== undefined, (qb) => qb.where('a.entity', '=', filter.entity!))
      .$if(filter.entityId !== undefined, (qb) => qb.where('a.entity_id', '=', filter.entityId!))
      .$if(filter.userId !== undefined, (qb) => qb.where('a.user_id', '=', filter.userId!))
      .$if(filter.action !== undefined, (qb) => qb.where('a.action', '=', filter.action!))
      // Day bounds are Vietnamese calendar days, whatever the server's time zone.
      .$if(filter.from !== undefined, (qb) => qb.where('a.at', '>=', sql<Date>`(${filter.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`))
      .$if(filter.to !== undefined, (qb) => qb.where('a.at', '<', sql<Date>`(${filter.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
    const [rows, count] = await Promise.all([
      filtered
        .leftJoin('app_user as u', 'u.id', 'a.user_id')
        .select([
          'a.id',
          'a.at',
          'a.action',
          'a.entity',
          'a.entity_id',
          'a.summary',
          'a.before',
          'a.after',
          'a.ip',
          'u.id as user_id',
          'u.username as user_username',
          'u.full_name as user_full_name',
        ])
        .orderBy('a.at', 'desc')
        .orderBy('a.id', 'desc')
        .offset(filter.offset)
        .limit(filter.limit)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }
}

export type AuditRow = Awaited<ReturnType<AuditRepository['list']>>['rows'][number];
