import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Accent-insensitive search in SQL; must agree with foldVietnamese in src/core/text.ts (a test checks both).
  await sql`
    create function fold_vi(input text) returns text language sql immutable strict parallel safe as $$
      select trim(regexp_replace(lower(translate(normalize(input, NFC),
        'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
        'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')),
        '\\s+', ' ', 'g'))
    $$
  `.execute(db);

  // Territory: a unit has its own id because official codes are reused across periods.
  await db.schema
    .createTable('admin_unit')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('level', 'text', (col) => col.notNull().check(sql`level in ('country', 'province', 'district', 'commune')`))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('admin_unit_period', sql`valid_to is null or valid_from is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('admin_unit_code_idx').on('admin_unit').columns(['level', 'code']).execute();

  // Name, type and parent over time: renames, type changes and moves between districts.
  await db.schema
    .createTable('admin_unit_version')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id').onDelete('cascade'))
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_folded', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'bigint', (col) => col.references('admin_unit.id'))
    .addColumn('source', 'text', (col) => col.notNull())
    .addCheckConstraint('admin_unit_version_period', sql`valid_to is null or valid_from is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('admin_unit_version_unit_idx').on('admin_unit_version').columns(['unit_id', 'valid_from']).execute();
  await db.schema.createIndex('admin_unit_version_parent_idx').on('admin_unit_version').columns(['parent_id', 'valid_from']).execute();

  await db.schema
    .createTable('admin_unit_lineage')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('predecessor_id', 'bigint', (col) => col.notNull().references('admin_unit.id').onDelete('cascade'))
    .addColumn('successor_id', 'bigint', (col) => col.notNull().references('admin_unit.id').onDelete('cascade'))
    .addColumn('effective_date', 'date', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addUniqueConstraint('admin_unit_lineage_pair', ['predecessor_id', 'successor_id', 'effective_date'])
    .execute();
  await db.schema.createIndex('admin_unit_lineage_successor_idx').on('admin_unit_lineage').column('successor_id').execute();

  // Which units a user bound to root_id may see: maintained by the territory feature.
  await db.schema
    .createTable('unit_scope')
    .addColumn('root_id', 'bigint', (col) => col.notNull().references('admin_unit.id').onDelete('cascade'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('unit_scope_pk', ['root_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('unit_scope_unit_idx').on('unit_scope').column('unit_id').execute();

  await sql`
    with country as (
      insert into admin_unit (level, code) values ('country', 'VN') returning id
    ), version as (
      insert into admin_unit_version (unit_id, name, name_folded, type, source)
      select id, 'Việt Nam', 'viet nam', 'Quốc gia', 'system' from country
    )
    insert into unit_scope (root_id, unit_id) select id, id from country
  `.execute(db);

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('full_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'province', 'district', 'commune', 'viewer')`))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('can_view_sensitive', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('must_change_password', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('disabled', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('failed_login_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();
  await db.schema.createIndex('user_session_expiry_idx').on('user_session').column('expires_at').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'at']).execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // The audit log is append-only for everyone, the product included.
  await sql`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = '42501';
    end $$
  `.execute(db);
  await sql`
    create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_is_append_only()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_setting').execute();
  await db.schema.dropTable('audit_log').execute();
  await sql`drop function audit_log_is_append_only`.execute(db);
  await db.schema.dropTable('user_session').execute();
  await db.schema.dropTable('app_user').execute();
  await db.schema.dropTable('unit_scope').execute();
  await db.schema.dropTable('admin_unit_lineage').execute();
  await db.schema.dropTable('admin_unit_version').execute();
  await db.schema.dropTable('admin_unit').execute();
  await sql`drop function fold_vi`.execute(db);
}
