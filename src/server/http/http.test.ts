import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../core/text.js';
import { buildApp } from '../app.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('hệ thống', () => {
  it('reports health with the database reachable and the version, without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: 'test', database: 'ok' });
  });

  it('publishes OpenAPI 3 with every API route and serves Swagger UI', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const document = spec.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/users/{id}', '/api/audit', '/api/health']));
    expect(document.paths['/api/users'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown API routes, unreadable JSON and oversized bodies with stable error ids', async () => {
    const client = await t.asUser('admin');
    const unknown = await client.inject({ method: 'GET', url: '/api/khong-co' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.id).toBe('ROUTE_NOT_FOUND');
    const broken = await client.inject({ method: 'POST', url: '/api/users', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ id: 'BAD_REQUEST', message: 'Nội dung JSON gửi lên không đọc được' });
    const huge = await client.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ fullName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.id).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the built web app at / and its client-side routes, but not unknown API paths', async () => {
    const webDir = await mkdtemp(path.join(os.tmpdir(), 'canboxa-web-'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Cán bộ xã</title>');
    await writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildApp({ ...t.context, config: { ...t.context.config, webDistDir: webDir } });
    try {
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('Cán bộ xã');
      const clientRoute = await app.inject({ method: 'GET', url: '/can-bo/123' });
      expect(clientRoute.body).toContain('Cán bộ xã');
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.body).toBe('console.log(1)');
      const api = await app.inject({ method: 'GET', url: '/api/khong-co' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.id).toBe('ROUTE_NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});

describe('tìm kiếm không dấu', () => {
  it('folds Vietnamese text the same way in SQL and in the core', async () => {
    const samples = [
      'Xã Quỳnh Sơn',
      'Phường Đông Hưng',
      'NGUYỄN THỊ ÁNH NGỌC',
      'Huyện Lạng   Giang',
      'Thị trấn Đồi Ngô'.normalize('NFD'),
      'Ỷ La, Tuyên Quang',
      'Ưng Hoè Ữ Ựa Ẵ',
      'Trưởng thôn Hà Nội 2',
    ];
    for (const sample of samples) {
      const result = await sql<{ folded: string }>`select fold_vi(${sample}) as folded`.execute(t.db);
      expect(result.rows[0]!.folded, sample).toBe(foldVietnamese(sample));
    }
  });
});

describe('lỗi bằng tiếng Anh cho người dùng chọn tiếng Anh', () => {
  it('answers in English when the request asks for it, Vietnamese otherwise, with the same stable id', async () => {
    const english = await t.app.inject({ method: 'GET', url: '/api/cadres', headers: { 'accept-language': 'en' } });
    expect(english.json().error).toEqual({ id: 'AUTH_REQUIRED', message: 'Please sign in to continue' });
    const vietnamese = await t.app.inject({ method: 'GET', url: '/api/cadres', headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' } });
    expect(vietnamese.json().error).toEqual({ id: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập để tiếp tục' });
  });

  it('names each invalid field in English too, from the schema and from the rules', async () => {
    const admin = await t.asUser('admin');
    const schema = await admin.inject({ method: 'POST', url: '/api/cadres', headers: { 'accept-language': 'en' }, payload: { fullName: 5 } });
    expect(schema.statusCode).toBe(400);
    const body = schema.json().error;
    expect(body.message).toMatch(/^The data sent is not valid/);
    expect(JSON.stringify(body)).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(body.details.fields.map((field: { path: string }) => field.path)).toEqual(expect.arrayContaining(['body.fullName', 'body.owningUnitId']));
    const rule = await admin.inject({
      method: 'POST',
      url: '/api/cadres',
      headers: { 'accept-language': 'en' },
      payload: { fullName: 'Thành', owningUnitId: t.countryUnitId },
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.details.fields).toEqual([{ path: 'body.fullName', message: 'Invalid value' }]);
  });
});
