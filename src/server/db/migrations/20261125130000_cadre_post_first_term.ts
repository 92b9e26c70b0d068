import { type Kysely, sql } from 'kysely';

/**
 * An officer marks a secretary's or deputy secretary's post as the person's first term in the
 * party committee: the annual review then proposes the skills course for new secretaries and
 * deputy secretaries even when the post history does not show it (an earlier term elsewhere,
 * a post recorded late).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cadre_post add column first_party_committee_term boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table cadre_post drop column first_party_committee_term`.execute(db);
}
