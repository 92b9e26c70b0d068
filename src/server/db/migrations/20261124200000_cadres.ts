import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Trusted extension (PostgreSQL 13+): a database owner may create it. Makes "contains" name search use an index.
  await sql`create extension if not exists pg_trgm`.execute(db);

  // Ids are allocated in advance by imports (nextval), so the identity accepts supplied values.
  await db.schema
    .createTable('cadre')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('full_name', 'text', (col) => col.notNull())
    .addColumn('name_folded', 'text', (col) => col.notNull())
    .addColumn('given_name', 'text', (col) => col.notNull())
    .addColumn('gender', 'text', (col) => col.check(sql`gender in ('nam', 'nu')`))
    .addColumn('birth_date', 'date')
    .addColumn('birth_date_precision', 'text', (col) => col.check(sql`birth_date_precision in ('day', 'year')`))
    .addColumn('ethnicity_code', 'text')
    .addColumn('religion', 'text')
    .addColumn('home_town', 'text')
    .addColumn('personal_id', 'text', (col) => col.check(sql`personal_id ~ '^[0-9]{12}$'`))
    .addColumn('party_joined_on', 'date')
    .addColumn('party_joined_precision', 'text', (col) => col.check(sql`party_joined_precision in ('day', 'year')`))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('discipline', 'text')
    // Who keeps the record when the person holds no post (new, between posts, retired).
    .addColumn('owning_unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cadre_birth_precision', sql`(birth_date is null) = (birth_date_precision is null)`)
    .addCheckConstraint('cadre_party_precision', sql`(party_joined_on is null) = (party_joined_precision is null)`)
    .execute();
  await sql`create unique index cadre_personal_id_key on cadre (personal_id) where personal_id is not null`.execute(db);
  // Lists sort by given name, then full name, in Vietnamese order; paging walks this index.
  await sql`create index cadre_name_order_idx on cadre (given_name collate "vi-VN-x-icu", full_name collate "vi-VN-x-icu", id)`.execute(db);
  await sql`create index cadre_name_search_idx on cadre using gin (name_folded gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('cadre_name_folded_idx').on('cadre').column('name_folded').execute();
  // Covering, so that "people kept by these units" is read from the index alone.
  await sql`create index cadre_owning_unit_idx on cadre (owning_unit_id) include (id)`.execute(db);

  // Kept apart so that list queries over 200,000 people never read image bytes.
  await db.schema
    .createTable('cadre_photo')
    .addColumn('cadre_id', 'bigint', (col) => col.primaryKey().references('cadre.id').onDelete('cascade'))
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addColumn('media_type', 'text', (col) => col.notNull().check(sql`media_type in ('image/jpeg', 'image/png')`))
    .addColumn('byte_size', 'integer', (col) => col.notNull().check(sql`byte_size > 0 and byte_size <= 2097152`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // A post held over a dated period; history is never overwritten: a change ends one period and starts another.
  await db.schema
    .createTable('cadre_post')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id').onDelete('cascade'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('title_code', 'text', (col) => col.notNull())
    // Copied from the title catalogue so that "key cadres" filters need no join to code.
    .addColumn('is_key', 'boolean', (col) => col.notNull())
    .addColumn('start_date', 'date', (col) => col.notNull())
    .addColumn('start_date_precision', 'text', (col) => col.notNull().defaultTo('day').check(sql`start_date_precision in ('day', 'year')`))
    .addColumn('end_date', 'date')
    .addColumn('term', 'text', (col) => col.check(sql`term ~ '^[0-9]{4}-[0-9]{4}$'`))
    .addColumn('how_obtained', 'text', (col) => col.check(sql`how_obtained in ('bau_cu', 'bo_nhiem', 'luan_chuyen', 'dieu_dong')`))
    .addColumn('concurrent', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cadre_post_period', sql`end_date is null or end_date >= start_date`)
    .execute();
  // Covering: "does this person hold a matching post on D" is answered from the index alone while paging.
  await sql`create index cadre_post_cadre_idx on cadre_post (cadre_id, start_date) include (end_date, unit_id, title_code, is_key)`.execute(db);
  // "Who held a post in these units on date D" reads only this index.
  await sql`create index cadre_post_unit_idx on cadre_post (unit_id, start_date) include (end_date, cadre_id, title_code, is_key)`.execute(db);

  // Levels on the ordered scales of src/core/qualifications.ts; the level on a date is the highest obtained by then.
  await db.schema
    .createTable('cadre_qualification')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('professional', 'political_theory', 'state_management', 'it', 'foreign_language')`))
    .addColumn('level', 'text', (col) => col.notNull())
    .addColumn('major', 'text')
    .addColumn('institution', 'text')
    .addColumn('study_mode', 'text', (col) =>
      col.check(sql`study_mode in ('chinh_quy', 'tai_chuc', 'vua_lam_vua_hoc', 'tu_xa', 'lien_thong', 'van_bang_hai', 'khac')`),
    )
    .addColumn('language', 'text')
    // Null: obtained on an unknown date (declared in a list); it then counts on every date.
    .addColumn('obtained_on', 'date')
    .addColumn('obtained_precision', 'text', (col) => col.check(sql`obtained_precision in ('day', 'year')`))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('declared', 'certificate', 'course')`))
    // For source 'course': the training class that granted it, so that revoking the certificate deletes exactly this row.
    .addColumn('source_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cadre_qualification_precision', sql`(obtained_on is null) = (obtained_precision is null)`)
    .execute();
  await sql`create index cadre_qualification_cadre_idx on cadre_qualification (cadre_id, kind, level) include (obtained_on)`.execute(db);
  await sql`create index cadre_qualification_source_idx on cadre_qualification (source, source_ref) where source_ref is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cadre_qualification').execute();
  await db.schema.dropTable('cadre_post').execute();
  await db.schema.dropTable('cadre_photo').execute();
  await db.schema.dropTable('cadre').execute();
}
