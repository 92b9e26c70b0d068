import { type Kysely, sql } from 'kysely';

/*
 * The standing member who chaired a dialogue with citizens: the article's
 * "các đồng chí Thường trực Đảng ủy xã chủ động tổ chức tiếp xúc đối thoại"
 * is part of that person's practical record. Optional, as for the dialogues
 * recorded before; `organisers` keeps who else led it, in words.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dialogue')
    .addColumn('chair_cadre_id', 'bigint', (col) => col.references('cadre.id'))
    .execute();
  await db.schema.createIndex('dialogue_chair_idx').on('dialogue').column('chair_cadre_id').where(sql.ref('chair_cadre_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dialogue').dropColumn('chair_cadre_id').execute();
}
