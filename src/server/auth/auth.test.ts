import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('đăng nhập', () => {
  it('sets an httpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const user = await t.createUser({ role: 'province' });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'canboxa_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = response.json();
    expect(body.user).toMatchObject({ username: user.username, role: 'province', unit: { level: 'country', code: 'VN', name: 'Việt Nam' } });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('accepts the username in any letter case', async () => {
    const user = await t.createUser({ role: 'viewer' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const user = await t.createUser({ role: 'viewer' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'sai-mat-khau-123' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-ton-tai', password: 'sai-mat-khau-123' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({ id: 'AUTH_INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng' });
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const user = await t.createUser({ role: 'commune' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: `sai-${attempt}-0000000` } });
      expect(response.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.id).toBe('AUTH_LOCKED');
    const retryAfter = locked.json().error.details.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers['retry-after']).toBe(String(retryAfter));
  });

  it('resets the failure count after a successful login', async () => {
    const user = await t.createUser({ role: 'commune' });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'sai-mat-khau-000' } });
    }
    await t.signIn(user.username);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'sai-mat-khau-000' } });
    }
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const user = await t.createUser({ role: 'viewer' });
    await t.db.updateTable('app_user').set({ disabled: true }).where('id', '=', user.id).execute();
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.id).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('refuses a login posted from another site', async () => {
    const user = await t.createUser({ role: 'viewer' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.id).toBe('CSRF_FAILED');
  });

  it('writes successful and failed logins to the audit log', async () => {
    const user = await t.createUser({ role: 'viewer' });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'sai-mat-khau-000' } });
    await t.signIn(user.username);
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).orderBy('id').execute();
    expect(actions.map((row) => row.action)).toEqual(['login_failed', 'login']);
  });
});

describe('phiên làm việc', () => {
  it('answers /api/auth/me with the same CSRF token, and 401 without a session', async () => {
    const client = await t.asUser('district');
    const me = await client.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(client.csrfToken);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toMatchObject({ id: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập để tiếp tục' });
  });

  it('requires the CSRF token on unsafe methods', async () => {
    const client = await t.asUser('district');
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.id).toBe('CSRF_FAILED');
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrongToken.statusCode).toBe(403);
  });

  it('ends the session on logout', async () => {
    const client = await t.asUser('district');
    const logout = await client.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(204);
    const after = await client.inject({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('keeps sessions in PostgreSQL so that another app instance honours them', async () => {
    const client = await t.asUser('viewer');
    const { buildApp } = await import('../app.js');
    const secondInstance = await buildApp(t.context);
    try {
      const me = await secondInstance.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe(client.username);
    } finally {
      await secondInstance.close();
    }
  });
});

describe('đổi mật khẩu', () => {
  it('changes the password, signs out other sessions and keeps the current one', async () => {
    const user = await t.createUser({ role: 'commune' });
    const first = await t.signIn(user.username);
    const second = await t.signIn(user.username);
    const change = await first.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-rat-dai' },
    });
    expect(change.statusCode).toBe(204);
    expect((await first.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await second.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(t.signIn(user.username, 'mat-khau-moi-rat-dai')).resolves.toBeDefined();
  });

  it('lets an account with an issued password do nothing but see itself, change it and sign out, until it is changed', async () => {
    const user = await t.createUser({ role: 'province' });
    await t.db.updateTable('app_user').set({ must_change_password: true }).where('id', '=', user.id).execute();
    const client = await t.signIn(user.username);
    for (const request of [
      { method: 'GET' as const, url: '/api/cadres' },
      { method: 'POST' as const, url: '/api/cadres', payload: { fullName: 'Nguyễn Văn Thử', owningUnitId: t.countryUnitId } },
      { method: 'GET' as const, url: '/api/units' },
    ]) {
      const refused = await client.inject(request);
      expect(refused.statusCode, request.url).toBe(403);
      expect(refused.json().error.id).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    expect(await t.db.selectFrom('cadre').select('id').where('full_name', '=', 'Nguyễn Văn Thử').execute()).toEqual([]);
    const me = await client.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
    const change = await client.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-cua-toi-2026' },
    });
    expect(change.statusCode).toBe(204);
    expect((await client.inject({ method: 'GET', url: '/api/cadres' })).statusCode).toBe(200);
  });

  it('refuses a wrong current password and a short new one in Vietnamese', async () => {
    const client = await t.asUser('commune');
    const wrong = await client.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'khong-dung-000', newPassword: 'mat-khau-moi-rat-dai' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('Mật khẩu hiện tại không đúng');
    const short = await client.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('Mật khẩu phải có ít nhất 10 ký tự');
  });
});

describe('giới hạn tần suất đăng nhập', () => {
  it('rate-limits login attempts per address with a Vietnamese message', async () => {
    const limited = await createTestApp({ loginAttemptsPerMinutePerAddress: 3 });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `khach${attempt}`, password: 'sai-mat-khau-000' },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429)
          expect(response.json().error).toMatchObject({ id: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút' });
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
