import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createTwoProvinces, type TwoProvinces } from '../../../test/units.js';

let t: TestApp;
let units: TwoProvinces;
let admin: SignedInClient;

beforeAll(async () => {
  t = await createTestApp();
  units = await createTwoProvinces(t.db, t.countryUnitId);
  admin = await t.asUser('admin');
});

afterAll(async () => {
  await t.close();
});

describe('quản lý tài khoản', () => {
  it('lets an admin create a user who must change the password at first login', async () => {
    const response = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'Xa.QuynhSon', fullName: '  Nguyễn   Văn An ', role: 'commune', unitId: units.communeA, password: 'mat-khau-tam-thoi-1' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'xa.quynhson',
      fullName: 'Nguyễn Văn An',
      role: 'commune',
      unit: { id: units.communeA, name: 'Xã Quỳnh Sơn Thử', level: 'commune' },
      mustChangePassword: true,
      disabled: false,
    });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xa.quynhson', password: 'mat-khau-tam-thoi-1' } });
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('stores NFD input as NFC', async () => {
    const decomposed = 'Trần Thị Bình'.normalize('NFD');
    const response = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'tran.binh', fullName: decomposed, role: 'viewer', unitId: units.provinceA, password: 'mat-khau-tam-thoi-1' },
    });
    expect(response.json().fullName).toBe('Trần Thị Bình'.normalize('NFC'));
  });

  it('explains invalid fields in Vietnamese, naming each field', async () => {
    const response = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'có dấu', fullName: '', role: 'commune', unitId: units.communeA, password: 'mat-khau-tam-thoi-1' },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.id).toBe('VALIDATION_FAILED');
    const paths = error.details.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.fullName']));
    expect(error.message).toContain('Tên đăng nhập chỉ gồm chữ không dấu');
  });

  it('refuses a duplicate username and a role that does not fit the unit level', async () => {
    const duplicate = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'xa.quynhson', fullName: 'Người khác', role: 'commune', unitId: units.communeA, password: 'mat-khau-tam-thoi-1' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('Tên đăng nhập đã được sử dụng');
    const misfit = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'xa.sai', fullName: 'Người sai', role: 'commune', unitId: units.provinceA, password: 'mat-khau-tam-thoi-1' },
    });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().error.details.fields[0]).toEqual({ path: 'body.unitId', message: 'Vai trò này không gắn được với đơn vị cấp tỉnh' });
  });

  it('finds users accent-insensitively and sorts them in Vietnamese order', async () => {
    for (const [username, fullName] of [
      ['dung', 'Đặng Văn Dũng'],
      ['anh', 'Lê Thị Ánh'],
      ['le.an', 'Lê An'],
    ] as const) {
      await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username, fullName, role: 'viewer', unitId: units.provinceB, password: 'mat-khau-tam-thoi-1' },
      });
    }
    const search = await admin.inject({ method: 'GET', url: '/api/users?q=dang%20van%20dung' });
    expect(search.json().items.map((u: { username: string }) => u.username)).toEqual(['dung']);
    const all = await admin.inject({ method: 'GET', url: '/api/users?pageSize=200' });
    const names = all
      .json()
      .items.map((u: { fullName: string }) => u.fullName)
      .filter((n: string) => ['Đặng Văn Dũng', 'Lê Thị Ánh', 'Lê An'].includes(n));
    expect(names).toEqual(['Đặng Văn Dũng', 'Lê An', 'Lê Thị Ánh']);
  });

  it('disables, re-enables, resets the password and unlocks, each audited', async () => {
    const user = await t.createUser({ role: 'commune', unitId: units.communeA });
    const disabled = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { disabled: true } });
    expect(disabled.json().disabled).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } })).statusCode).toBe(
      401,
    );
    await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { disabled: false } });
    const reset = await admin.inject({ method: 'POST', url: `/api/users/${user.id}/password`, payload: { newPassword: 'mat-khau-dat-lai-1' } });
    expect(reset.statusCode).toBe(204);
    await t.db
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() + 600_000) })
      .where('id', '=', user.id)
      .execute();
    expect((await admin.inject({ method: 'POST', url: `/api/users/${user.id}/unlock` })).statusCode).toBe(204);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'mat-khau-dat-lai-1' } });
    expect(login.statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['update', 'update', 'reset_password', 'unlock', 'login']);
    expect(audit[0]!.before).toMatchObject({ disabled: false });
    expect(audit[0]!.after).toMatchObject({ disabled: true });
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('keeps the last administrator', async () => {
    const only = await createTestApp();
    try {
      const soleAdmin = await only.asUser('admin');
      const response = await soleAdmin.inject({ method: 'PATCH', url: `/api/users/${soleAdmin.userId}`, payload: { role: 'viewer' } });
      expect(response.statusCode).toBe(409);
    } finally {
      await only.close();
    }
  });

  it('is for administrators only', async () => {
    const province = await t.asUser('province', units.provinceA);
    const response = await province.inject({ method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này');
  });

  it('hides users of another province from a province-bound admin as not found', async () => {
    const provinceAdmin = await t.asUser('admin', units.provinceA);
    const other = await t.createUser({ role: 'commune', unitId: units.communeB });
    const response = await provinceAdmin.inject({ method: 'PATCH', url: `/api/users/${other.id}`, payload: { fullName: 'Đổi tên' } });
    expect(response.statusCode).toBe(404);
    const list = await provinceAdmin.inject({ method: 'GET', url: '/api/users?pageSize=200' });
    expect(list.json().items.some((u: { id: string }) => u.id === other.id)).toBe(false);
  });
});
