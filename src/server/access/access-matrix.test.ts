import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { AccessWorld, createPlace, type Place } from '../../../test/security/access-world.js';
import { OPEN_ROUTES, operationOf, PUBLIC_ROUTES, ROUTE_CASES, type RouteCase } from '../../../test/security/route-access.js';
import type { Role } from '../auth/auth.tables.js';
import { AppError } from '../http/errors.js';
import type { UnitLevel } from '../territory/territory.tables.js';
import type { Actor } from './actor.js';
import { can, requireAccess } from './policy.js';

/**
 * Every route × every role × a record inside the caller's scope and one
 * outside it (another province), with the expected answer taken from the
 * access policy itself: what it grants must succeed (the positive control,
 * on a world of its own when the request changes it), what it refuses must
 * answer 403 when the caller may read the record and 404 when it may not —
 * and leave no trace in the audit log. Cadre routes also run on a person who
 * moved from the caller's commune to its neighbour (the former-unit case).
 */

const ROLES: readonly Role[] = ['admin', 'province', 'district', 'commune', 'viewer'];
type Side = 'inside' | 'outside';
type Expected = 'granted' | 403 | 404 | 'refused row';

let t: TestApp;
let owner: SignedInClient;
const places = new Map<Side, Place>();
const sharedWorlds = new Map<Side, AccessWorld>();
const callers = new Map<Role, { client: SignedInClient; actor: Actor }>();
const tally = { granted: 0, forbidden: 0, notFound: 0, refusedRow: 0 };

async function signedInCaller(role: Role, unitId: string, unitLevel: UnitLevel) {
  const user = await t.createUser({ role, unitId });
  const client = await t.signIn(user.username);
  const actor: Actor = { userId: user.id, username: user.username, fullName: user.username, role, unitId, unitLevel, canViewSensitive: false, ip: null };
  return { client, actor };
}

async function expectedAnswer(actor: Actor, routeCase: RouteCase, world: AccessWorld): Promise<Expected> {
  if (routeCase.role && !can(actor, routeCase.role)) return 403;
  for (const check of (await routeCase.records?.(world)) ?? []) {
    try {
      await requireAccess(t.db, { actor, permission: check.permission, ids: check.ids });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (routeCase.unitsInFile) return 'refused row';
      return error.status as 403 | 404;
    }
  }
  return 'granted';
}

async function auditRows(): Promise<number> {
  const row = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function describeRequest(request: InjectOptions): string {
  return `${request.method} ${String(request.url).slice(0, 140)}`;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.asUser('admin');
  for (const side of ['inside', 'outside'] as const) {
    const place = await createPlace(t, side === 'inside' ? 'A' : 'B');
    places.set(side, place);
    sharedWorlds.set(side, new AccessWorld(t, owner, place));
  }
  const inside = places.get('inside')!;
  callers.set('admin', await signedInCaller('admin', t.countryUnitId, 'country'));
  callers.set('province', await signedInCaller('province', inside.province, 'province'));
  callers.set('district', await signedInCaller('district', inside.district, 'district'));
  callers.set('commune', await signedInCaller('commune', inside.commune, 'commune'));
  callers.set('viewer', await signedInCaller('viewer', inside.province, 'province'));
});

afterAll(async () => {
  console.info(
    `Ma trận quyền truy cập: ${Object.keys(ROUTE_CASES).length} trường hợp đường dẫn × ${ROLES.length} vai trò × 2 phía = ` +
      `${tally.granted} được phép (đều thành công), ${tally.forbidden} bị từ chối 403, ${tally.notFound} trả lời 404, ${tally.refusedRow} dòng tệp bị từ chối`,
  );
  await t.close();
});

describe('ma trận quyền: mọi đường dẫn × mọi vai trò × trong và ngoài phạm vi', () => {
  it('has a case for every route of the OpenAPI document, and none for a route that is gone', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const covered = new Set([...Object.keys(ROUTE_CASES).map(operationOf), ...OPEN_ROUTES, ...PUBLIC_ROUTES]);
    expect(operations.filter((operation) => !covered.has(operation)).sort(), 'routes without a case in test/security/route-access.ts').toEqual([]);
    expect([...covered].filter((operation) => !operations.includes(operation)).sort(), 'cases for routes that no longer exist').toEqual([]);
  });

  it.each(Object.entries(ROUTE_CASES))('%s', async (_key, routeCase) => {
    for (const side of ['inside', 'outside'] as const) {
      for (const role of ROLES) {
        const { client, actor } = callers.get(role)!;
        const shared = sharedWorlds.get(side)!;
        const expected = await expectedAnswer(actor, routeCase, shared);
        const label = `${role}, ${side === 'inside' ? 'trong phạm vi' : 'tỉnh khác'}`;
        if (expected === 'granted') {
          const world = routeCase.changes ? new AccessWorld(t, owner, places.get(side)!) : shared;
          const request = await routeCase.request(world);
          const response = await client.inject(request);
          expect(response.statusCode, `${label}: ${describeRequest(request)} → ${response.body.slice(0, 300)}`).toBeLessThan(300);
          tally.granted += 1;
          continue;
        }
        const request = await routeCase.request(shared);
        const before = request.method === 'GET' ? 0 : await auditRows();
        const response = await client.inject(request);
        const detail = `${label}: ${describeRequest(request)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
        if (expected === 'refused row') {
          // A dry run answers with its list of errors; a file refused whole answers 400 naming the row.
          const body = response.json();
          if (response.statusCode === 200) expect(body.errorCount ?? body.errors?.length, detail).toBeGreaterThan(0);
          else expect(response.statusCode, detail).toBe(400);
          expect(JSON.stringify(body), detail).toMatch(/phạm vi/);
          tally.refusedRow += 1;
        } else {
          expect(response.statusCode, detail).toBe(expected);
          expect(response.json().error.id, detail).toBe(expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
          if (expected === 404) tally.notFound += 1;
          else tally.forbidden += 1;
        }
        if (request.method !== 'GET') expect(await auditRows(), `${detail}: a refused change leaves no audit row`).toBe(before);
      }
    }
    // The positive control: whatever else, the administrator of the whole country is always let through.
    expect(await expectedAnswer(callers.get('admin')!.actor, routeCase, sharedWorlds.get('outside')!)).toBe('granted');
  });
});
