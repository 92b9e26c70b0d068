import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('nhật ký thao tác', () => {
  it('lists entries newest first with who did what, filtered by entity, action and day', async () => {
    const admin = await t.asUser('admin');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'nhatky.moi', fullName: 'Phạm Nhật Ký', role: 'viewer', unitId: t.countryUnitId, password: 'mat-khau-tam-thoi-1' },
    });
    const userId = created.json().id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const response = await admin.inject({ method: 'GET', url: `/api/audit?entity=user&entityId=${userId}&action=create&from=${today}&to=${today}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      action: 'create',
      entity: 'user',
      entityId: userId,
      user: { username: admin.username },
      before: null,
      after: { username: 'nhatky.moi', fullName: 'Phạm Nhật Ký', role: 'viewer' },
    });
    const yesterday = await admin.inject({ method: 'GET', url: `/api/audit?entity=user&entityId=${userId}&to=2020-01-01` });
    expect(yesterday.json().total).toBe(0);
  });

  it('rejects an impossible date with a Vietnamese message', async () => {
    const admin = await t.asUser('admin');
    const response = await admin.inject({ method: 'GET', url: '/api/audit?from=2025-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0]).toEqual({ path: 'query.from', message: 'Ngày không tồn tại trên lịch' });
  });

  it('cannot be edited or deleted, not even by the database user of the app', async () => {
    await expect(sql`update audit_log set action = 'sửa'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('offers no route that changes it', async () => {
    const admin = await t.asUser('admin');
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'] as const) {
      const response = await admin.inject({ method, url: '/api/audit' });
      expect(response.statusCode).toBe(404);
    }
  });
});
