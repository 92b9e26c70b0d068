import { type Kysely, sql } from 'kysely';

/**
 * The cadre list filtered by a level ("advanced political theory") counts
 * the people who hold it: with the people's own index (cadre_id first) that
 * is a scan of every qualification in the country; led by kind and level it
 * reads just the holders, index-only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cadre_qualification_level_idx on cadre_qualification (kind, level, cadre_id) include (obtained_on)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cadre_qualification_level_idx`.execute(db);
}
