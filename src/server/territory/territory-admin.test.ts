import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestApp, createTestApp } from '../../../test/helpers.js';
import type { Actor } from '../access/actor.js';
import { connectDatabase } from '../db/database.js';
import { TerritoryService, ensureOfficialTerritoryLoaded } from './territory.service.js';

/** Administrators correct what the lists could not say: effective dates and lineage. */

let t: TestApp;
let admin: SignedInClient;
let viewer: SignedInClient;

interface Change {
  id: string;
  kind: string;
  effectiveDate: string;
  originalDate: string;
  dateSource: string;
  dateBasis: string;
  unit: { code: string; name: string };
}

async function unitByCode(code: string, asOf: string, level?: string) {
  const response = await viewer.inject({ method: 'GET', url: `/api/units/by-code/${code}?asOf=${asOf}${level ? `&level=${level}` : ''}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; name: string; path: string; validFrom: string | null; validTo: string | null };
}

async function changesOf(unitId: string): Promise<Change[]> {
  const response = await viewer.inject({ method: 'GET', url: `/api/units/${unitId}` });
  return (response.json() as { changes: Change[] }).changes;
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureOfficialTerritoryLoaded(t.db, { info: () => undefined, warn: () => undefined });
  admin = await t.asUser('admin');
  viewer = await t.asUser('viewer');
});

afterAll(async () => {
  await t.close();
});

describe('correcting an effective date', () => {
  it('lists the changes whose date is only the date of the list, for review', async () => {
    const response = await viewer.inject({ method: 'GET', url: '/api/territory/changes?dateSource=list&from=2025-03-01&to=2025-03-01&pageSize=5' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: Change[]; total: number };
    expect(body.total).toBe(563 + 575 + 4);
    expect(body.items[0]!.dateBasis).toBe('Ngày áp dụng danh mục vn-admin-units-2024.csv (01/03/2025); ngày hiệu lực thực tế chưa rõ');
  });

  it('moves a dissolved district and the communes that moved with it, and records who did it', async () => {
    const yenDung = await unitByCode('221', '2024-06-01', 'district');
    const [ended] = await changesOf(yenDung.id);
    const response = await admin.inject({
      method: 'PATCH',
      url: `/api/territory/changes/${ended!.id}`,
      payload: { effectiveDate: '2024-12-01', basis: 'Đối chiếu văn bản (thử nghiệm)' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const corrected = (response.json() as { items: Change[] }).items;
    expect(corrected.length).toBeGreaterThan(17);
    expect(corrected.every((change) => change.effectiveDate === '2024-12-01' && change.dateSource === 'admin')).toBe(true);
    expect((await unitByCode('221', '2024-11-30', 'district')).validTo).toBe('2024-11-30');
    expect((await unitByCode('07702', '2024-12-01')).path).toBe('Tỉnh Bắc Giang › Thành phố Bắc Giang');
    expect((await unitByCode('07702', '2024-11-30')).path).toBe('Tỉnh Bắc Giang › Huyện Yên Dũng');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'admin_unit_change').where('entity_id', '=', ended!.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a date that contradicts the rest of the history, and keeps nothing', async () => {
    const quangMinh = await unitByCode('07792', '2025-03-01');
    const changed = (await changesOf(quangMinh.id)).find((change) => change.kind === 'changed')!;
    const response = await admin.inject({
      method: 'PATCH',
      url: `/api/territory/changes/${changed.id}`,
      payload: { effectiveDate: '2025-08-01', basis: 'Sai' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('trạng thái mới đã kết thúc ngày 30/06/2025');
    expect((await changesOf(quangMinh.id)).find((change) => change.kind === 'changed')!.effectiveDate).toBe('2024-02-01');
  });

  it('refuses a move of a commune into a district before that district existed', async () => {
    const chuWard = await unitByCode('07525', '2025-03-01');
    const moved = (await changesOf(chuWard.id)).find((change) => change.kind === 'changed')!;
    const response = await admin.inject({ method: 'PATCH', url: `/api/territory/changes/${moved.id}`, payload: { effectiveDate: '2024-06-01', basis: 'Sai' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/^Không thể đổi ngày hiệu lực thành 01\/06\/2024: .*thuộc đơn vị cấp trên mã 224/);
  });

  it('is for administrators only', async () => {
    const response = await viewer.inject({ method: 'PATCH', url: '/api/territory/changes/1', payload: { effectiveDate: '2024-12-01', basis: 'x' } });
    expect(response.statusCode).toBe(403);
  });
});

describe('lineage an administrator adds', () => {
  it('gives the officer of the successor the records of the predecessor, until it is removed', async () => {
    const laoHo = await unitByCode('07684', '2023-06-01');
    const tanAnTown = await unitByCode('07682', '2025-01-01');
    const tanAnWard2025 = await unitByCode('07682', '2025-07-01');
    const scopeOf = async (root: string) => (await t.db.selectFrom('unit_scope').select('unit_id').where('root_id', '=', root).execute()).map((r) => r.unit_id);
    expect(await scopeOf(tanAnWard2025.id)).not.toContain(laoHo.id);

    const response = await admin.inject({
      method: 'POST',
      url: '/api/units/lineage',
      payload: { predecessorId: laoHo.id, successorId: tanAnTown.id, effectiveDate: '2025-01-01', kind: 'whole', note: 'Theo Nghị quyết 1191/NQ-UBTVQH15' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as { createdLineageId: string; predecessors: { unit: { code: string } }[] };
    expect(created.predecessors.map((p) => p.unit.code)).toContain('07684');
    expect(await scopeOf(tanAnWard2025.id)).toContain(laoHo.id);

    const removed = await admin.inject({ method: 'DELETE', url: `/api/units/lineage/${created.createdLineageId}` });
    expect(removed.statusCode).toBe(204);
    expect(await scopeOf(tanAnWard2025.id)).not.toContain(laoHo.id);
  });

  it('removes lineage with a single database connection: every read inside the transaction uses it', async () => {
    const single = connectDatabase(t.connectionString, { maxConnections: 1 });
    try {
      const service = new TerritoryService({ ...t.context, db: single.db });
      const actor: Actor = {
        userId: admin.userId,
        username: admin.username,
        fullName: 'Quản trị',
        role: 'admin',
        unitId: t.countryUnitId,
        unitLevel: 'country',
        canViewSensitive: true,
        ip: null,
      };
      const laoHo = await unitByCode('07684', '2023-06-01');
      const tanAnTown = await unitByCode('07682', '2025-01-01');
      const created = await service.addLineage(actor, { predecessorId: laoHo.id, successorId: tanAnTown.id, effectiveDate: '2025-01-01', kind: 'whole' });
      await service.removeLineage(actor, created.createdLineageId);
      expect((await service.lineage(tanAnTown.id)).predecessors.map((p) => p.unit.code)).not.toContain('07684');
    } finally {
      await single.destroy();
    }
  });

  it('refuses lineage that would make a unit its own ancestor', async () => {
    const quynhSon = await unitByCode('07702', '2024-01-01');
    const tanAnTown = await unitByCode('07682', '2024-01-01');
    const first = await admin.inject({
      method: 'POST',
      url: '/api/units/lineage',
      payload: { predecessorId: quynhSon.id, successorId: tanAnTown.id, effectiveDate: '2024-01-01', kind: 'part' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const back = await admin.inject({
      method: 'POST',
      url: '/api/units/lineage',
      payload: { predecessorId: tanAnTown.id, successorId: quynhSon.id, effectiveDate: '2024-06-01', kind: 'part' },
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toMatch(/^Không thể thêm quan hệ kế thừa: Quan hệ kế thừa tạo vòng lặp qua đơn vị mã 0770[02]$/);
  });

  it('refuses a successor that did not exist on the date', async () => {
    const quynhSon = await unitByCode('07702', '2025-06-30');
    const tanAn = await unitByCode('07682', '2025-07-01');
    const response = await admin.inject({
      method: 'POST',
      url: '/api/units/lineage',
      payload: { predecessorId: quynhSon.id, successorId: tanAn.id, effectiveDate: '2025-06-01', kind: 'part' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ: body.effectiveDate: Đơn vị kế thừa không có hiệu lực ngày 01/06/2025');
  });
});
