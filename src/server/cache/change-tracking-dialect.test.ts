import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { tablesWrittenBy } from './change-tracking-dialect.js';
import { UNKNOWN_TABLE } from './data-changes.js';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('bảng bị ghi bởi một câu lệnh', () => {
  it('names the table of a built insert, update or delete, and nothing for a read', () => {
    expect(
      tablesWrittenBy(
        db
          .insertInto('cadre_post')
          .values({ cadre_id: '1' } as never)
          .compile(),
      ),
    ).toEqual(['cadre_post']);
    expect(tablesWrittenBy(db.updateTable('app_user as u').set({ disabled: true }).compile())).toEqual(['app_user']);
    expect(tablesWrittenBy(db.deleteFrom('user_session').compile())).toEqual(['user_session']);
    expect(tablesWrittenBy(db.selectFrom('cadre').selectAll().forUpdate().compile())).toEqual([]);
  });

  it('assumes a raw statement writes unless it plainly reads', () => {
    const raw = (statement: ReturnType<typeof sql>) => tablesWrittenBy(statement.compile(db));
    expect(raw(sql`select count(*) from cadre_post p for update`)).toEqual([]);
    expect(raw(sql`with recursive tree as (select 1) select * from tree`)).toEqual([]);
    expect(raw(sql`set local max_parallel_workers_per_gather = 0`)).toEqual([]);
    expect(raw(sql`with moved as (delete from cadre_post returning *) select count(*) from moved`)).toEqual([UNKNOWN_TABLE]);
    expect(raw(sql`select nextval('cadre_id_seq')`)).toEqual([UNKNOWN_TABLE]);
    expect(raw(sql`insert into cadre (full_name) values ('An')`)).toEqual([UNKNOWN_TABLE]);
    expect(raw(sql`vacuum analyze cadre`)).toEqual([UNKNOWN_TABLE]);
  });
});
