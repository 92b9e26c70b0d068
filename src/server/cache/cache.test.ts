import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createPerson as enterPerson } from '../../../test/factories/people.js';
import { dataChangesOf } from './data-changes.js';

let t: TestApp;
let units: CadreTerritory;
let writer: SignedInClient;
let provinceReader: SignedInClient;
let other: pg.Client;

const listUrl = () => `/api/cadres?unitId=${units.province}&pageSize=50&status=all`;
const summaryUrl = () => `/api/compliance/summary?unitId=${units.province}&asOf=2025-08-01`;

async function listNames(client: SignedInClient, url = listUrl()): Promise<{ names: string[]; total: number }> {
  const response = await client.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as { items: { fullName: string }[]; total: number };
  return { names: body.items.map((item) => item.fullName), total: body.total };
}

async function totalPeople(client: SignedInClient): Promise<number> {
  const response = await client.inject({ method: 'GET', url: summaryUrl() });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { totalPeople: number }).totalPeople;
}

const createCadre = (fullName: string, unitId = units.communeA, by = writer) => enterPerson(by, { fullName, unitId, gender: 'nam', birthDate: '1975-03-02' });

/** Until `check` passes or the time is up: a notification takes a few milliseconds to arrive. */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The app's own writes are announced twice (after the commit, then by notification): wait for the echo. */
async function quiet(): Promise<void> {
  const changes = dataChangesOf(t.db)!;
  for (;;) {
    const version = changes.version('data');
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (changes.version('data') === version) return;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  writer = await t.asUser('province', units.province, { canViewSensitive: true });
  provinceReader = await t.asUser('viewer', units.province);
  other = new pg.Client({ connectionString: t.connectionString });
  await other.connect();
  await createCadre('Nguyễn Văn An');
});

afterAll(async () => {
  await other.end();
  await t.close();
});

/**
 * A write on the other connection with the notifying trigger off inside its
 * transaction (the table's owner may do that; a replica-mode session would
 * need a superuser, which a DATABASE_URL server may not grant).
 */
async function updateCadreUnannounced(statement: string): Promise<void> {
  await other.query('begin');
  try {
    await other.query('alter table cadre disable trigger canboxa_data_changed');
    await other.query(statement);
    await other.query('alter table cadre enable trigger canboxa_data_changed');
    await other.query('commit');
  } catch (error) {
    await other.query('rollback');
    throw error;
  }
}

describe('bộ nhớ đệm danh sách và tổng hợp', () => {
  it('serves a repeated list from memory: a write that announces nothing is not seen', async () => {
    await quiet();
    const before = await listNames(provinceReader);
    // Nothing tells the app about this write: proof that the answer came from memory.
    await updateCadreUnannounced(`update cadre set full_name = 'Nguyễn Văn Ẩn Danh' where full_name = 'Nguyễn Văn An'`);
    expect(await listNames(provinceReader)).toEqual(before);
    await other.query(`update cadre set full_name = 'Nguyễn Văn An' where full_name = 'Nguyễn Văn Ẩn Danh'`);
    await eventually(async () => expect((await listNames(provinceReader)).names).toContain('Nguyễn Văn An'));
  });

  it('shows a write committed through the API in the very next list and summary', async () => {
    const before = await listNames(provinceReader);
    const summaryBefore = await totalPeople(provinceReader);
    const id = await createCadre('Trần Thị Bích');
    const after = await listNames(provinceReader);
    expect(after.total).toBe(before.total + 1);
    expect(after.names).toContain('Trần Thị Bích');

    const post = await writer.inject({
      method: 'POST',
      url: `/api/cadres/${id}/posts`,
      payload: { unitId: units.communeA, titleCode: 'chu_tich_ubnd', startDate: '2025-07-15', howObtained: 'bau_cu' },
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(await totalPeople(provinceReader)).toBe(summaryBefore + 1);
  });

  it('shows a write committed by another connection once its notification arrives', async () => {
    const summaryBefore = await totalPeople(provinceReader);
    expect((await listNames(provinceReader)).names).not.toContain('Lê Văn Cường');
    await other.query(`update cadre set full_name = 'Lê Văn Cường', name_folded = 'le van cuong' where full_name = 'Nguyễn Văn An'`);
    await eventually(async () => expect((await listNames(provinceReader)).names).toContain('Lê Văn Cường'));

    const cadre = await other.query<{ id: string }>(`select id from cadre where full_name = 'Lê Văn Cường'`);
    await other.query(
      `insert into cadre_post (cadre_id, unit_id, title_code, is_key, start_date, how_obtained) values ($1, $2, 'pho_chu_tich_ubnd', true, '2025-07-20', 'bau_cu')`,
      [cadre.rows[0]!.id, units.communeA],
    );
    await eventually(async () => expect(await totalPeople(provinceReader)).toBe(summaryBefore + 1));
  });

  it('keeps its entries when a write is rolled back, here or on another connection', async () => {
    const changes = dataChangesOf(t.db)!;
    await quiet();
    await listNames(provinceReader);
    const version = changes.version('data');
    expect(version).not.toBeNull();

    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable('cadre').set({ full_name: 'Tên Không Thành' }).where('owning_unit_id', '=', units.communeA).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await other.query('begin');
    await other.query(`update cadre set full_name = 'Tên Không Thành'`);
    await other.query('rollback');
    // A committed statement after the rolled-back one: once its notification is in, any from the rollback would be too.
    await other.query(`select pg_notify('canboxa_data_changed', 'audit_log')`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(changes.version('data')).toBe(version);
    expect((await listNames(provinceReader)).names).not.toContain('Tên Không Thành');
  });

  it('computes every answer afresh while the notifications are not heard, and caches again once they are', async () => {
    const changes = dataChangesOf(t.db)!;
    await other.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'canboxa-listen' and datname = current_database()`);
    await eventually(async () => expect(changes.version('data')).toBeNull());
    // Nothing announces this write, yet with nobody listening the list must not come from memory.
    await updateCadreUnannounced(`update cadre set full_name = 'Đinh Văn Lặng' where full_name = 'Lê Văn Cường'`);
    expect((await listNames(provinceReader)).names).toContain('Đinh Văn Lặng');
    await eventually(async () => expect(changes.version('data')).not.toBeNull());
    await other.query(`update cadre set full_name = 'Lê Văn Cường' where full_name = 'Đinh Văn Lặng'`);
    await eventually(async () => expect((await listNames(provinceReader)).names).toContain('Lê Văn Cường'));
  });

  it('never shares an entry between actors who see different units or different data', async () => {
    await createCadre('Phạm Văn Dũng', units.otherCommune, await t.asUser('admin'));
    const country = await t.asUser('viewer');
    const otherProvince = await t.asUser('viewer', units.otherProvince);
    // The same URL for all three: what each one sees depends on who asks.
    const url = '/api/cadres?pageSize=50&status=all';
    const seenByProvince = await listNames(provinceReader, url);
    const seenByOther = await listNames(otherProvince, url);
    const seenByCountry = await listNames(country, url);
    expect(seenByProvince.names).not.toContain('Phạm Văn Dũng');
    expect(seenByOther.names).toEqual(['Phạm Văn Dũng']);
    expect(seenByCountry.names).toEqual(expect.arrayContaining(['Phạm Văn Dũng', 'Trần Thị Bích']));
    expect(await listNames(provinceReader, url)).toEqual(seenByProvince);

    // Searching by identification number is for those allowed to see it; a reader without the right finds nobody.
    const id = await createCadre('Võ Thị Én');
    const patch = await writer.inject({ method: 'PATCH', url: `/api/cadres/${id}`, payload: { fullName: 'Võ Thị Én', personalId: '031180004567' } });
    expect(patch.statusCode, patch.body).toBe(200);
    const byNumber = `/api/cadres?unitId=${units.province}&q=031180004567&status=all`;
    expect((await listNames(writer, byNumber)).names).toEqual(['Võ Thị Én']);
    expect((await listNames(provinceReader, byNumber)).names).toEqual([]);
  });
});

describe('bộ nhớ đệm phiên đăng nhập', () => {
  it('stops a signed-out session at once', async () => {
    const client = await t.asUser('viewer', units.province);
    expect((await client.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const copy = client.cookie;
    expect((await client.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBeLessThan(300);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: copy } });
    expect(after.statusCode).toBe(401);
  });

  it('stops the sessions of a disabled user at once', async () => {
    const admin = await t.asUser('admin');
    const user = await t.createUser({ role: 'viewer', unitId: units.province });
    const client = await t.signIn(user.username);
    expect((await client.inject({ method: 'GET', url: listUrl() })).statusCode).toBe(200);
    const disable = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { disabled: true } });
    expect(disable.statusCode, disable.body).toBe(200);
    expect((await client.inject({ method: 'GET', url: listUrl() })).statusCode).toBe(401);
  });

  it('stops a session revoked by another connection once the notification arrives', async () => {
    const client = await t.asUser('viewer', units.province);
    expect((await client.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await other.query('delete from user_session where user_id = $1', [client.userId]);
    await eventually(async () => expect((await client.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401));
  });
});

describe('thông báo thay đổi dữ liệu', () => {
  it('is attached to every table that cached answers or sessions may read', async () => {
    const unwatched = await sql<{ table_name: string }>`
      select c.relname as table_name from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
        and c.relname not in ('audit_log', 'import_run', 'kysely_migration', 'kysely_migration_lock')
        and not exists (select 1 from pg_trigger tr where tr.tgrelid = c.oid and tr.tgname = 'canboxa_data_changed')
      order by 1
    `.execute(t.db);
    // A migration that creates a table ends with `select canboxa_watch_tables()`.
    expect(unwatched.rows.map((row) => row.table_name)).toEqual([]);
  });
});
