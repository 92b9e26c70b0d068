import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { Database } from '../db/database.js';

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  entity: string;
  entityId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Call inside the mutation's own transaction, so the change and its record commit together. */
export async function writeAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      user_id: entry.actor?.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      summary: entry.summary ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      ip: entry.ip ?? entry.actor?.ip ?? null,
    })
    .execute();
}
