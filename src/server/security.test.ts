import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../test/helpers.js';
import { createTwoProvinces, type TwoProvinces } from '../../test/units.js';
import type { Role } from './auth/auth.tables.js';

/**
 * Table-driven over every route in the OpenAPI document, so that a new route
 * is covered the moment it exists. Who may reach which record is the access
 * matrix's job (src/server/access/access-matrix.test.ts).
 */

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  isPublic: boolean;
  queryParameters: string[];
  pathParameters: string[];
}

const HOSTILE_STRINGS = ["' or 1=1 --", '%', '%_\\', 'a\u0000b', 'x'.repeat(10_000), '../../etc/passwd', '<script>alert(1)</script>', '-1', '1e309'];

let t: TestApp;
let units: TwoProvinces;
let operations: Operation[];
const clients = new Map<Role, SignedInClient>();

function concreteUrl(operation: Operation, fill: (name: string) => string = () => '999999999'): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(fill(name)));
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createTwoProvinces(t.db, t.countryUnitId);
  const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { security?: unknown[]; parameters?: { in: string; name: string }[] }>>;
  };
  operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      queryParameters: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      pathParameters: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  );
  const unitForRole: Record<Role, string> = {
    admin: t.countryUnitId,
    province: units.provinceA,
    district: units.provinceA,
    commune: units.communeA,
    viewer: units.provinceA,
  };
  for (const role of Object.keys(unitForRole) as Role[]) {
    const user = await t.createUser({ role, unitId: unitForRole[role] });
    clients.set(role, await t.signIn(user.username));
  }
});

afterAll(async () => {
  await t.close();
});

describe('bảo mật trên mọi đường dẫn API', () => {
  it('finds the routes to test', () => {
    expect(operations.length).toBeGreaterThan(8);
    expect(
      operations
        .filter((operation) => operation.isPublic)
        .map((operation) => operation.path)
        .sort(),
    ).toEqual(['/api/auth/login', '/api/health', '/api/meta'].sort());
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const operation of operations.filter((candidate) => !candidate.isPublic)) {
      const response = await t.app.inject({ method: operation.method, url: concreteUrl(operation), payload: operation.method === 'GET' ? undefined : {} });
      expect(response.statusCode, `${operation.method} ${operation.path}`).toBe(401);
      expect(response.json().error.id).toBe('AUTH_REQUIRED');
    }
  });

  it('answers 403 to every unsafe request without the CSRF token', async () => {
    const admin = clients.get('admin')!;
    for (const operation of operations.filter((candidate) => !candidate.isPublic && candidate.method !== 'GET')) {
      const response = await t.app.inject({ method: operation.method, url: concreteUrl(operation), headers: { cookie: admin.cookie }, payload: {} });
      expect(response.statusCode, `${operation.method} ${operation.path}`).toBe(403);
      expect(response.json().error.id).toBe('CSRF_FAILED');
    }
  });

  it('never fails with a 500 on hostile strings in any query or path parameter, for any role', async () => {
    for (const [role, client] of clients) {
      for (const operation of operations.filter((candidate) => candidate.method === 'GET')) {
        for (const hostile of HOSTILE_STRINGS) {
          const attempts: InjectOptions[] = [
            ...operation.queryParameters.map((name) => ({
              method: 'GET' as const,
              url: `${concreteUrl(operation)}?${new URLSearchParams({ [name]: hostile }).toString()}`,
            })),
            ...(operation.pathParameters.length > 0 ? [{ method: 'GET' as const, url: concreteUrl(operation, () => hostile) }] : []),
          ];
          for (const attempt of attempts) {
            const response = await client.inject(attempt);
            expect(response.statusCode, `${role} ${attempt.url?.toString().slice(0, 120)}`).toBeLessThan(500);
            if (response.statusCode >= 400) expect(response.json().error.message).toMatch(/\p{L}/u);
          }
        }
      }
    }
  });
});
