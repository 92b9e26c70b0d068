import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;

async function addInstructor(fullName: string): Promise<string> {
  const created = await province.inject({ method: 'POST', url: '/api/training/instructors', payload: { owningUnitId: units.province, fullName } });
  expect(created.statusCode, created.body).toBe(201);
  return (created.json() as { id: string }).id;
}

async function registerNames(client: SignedInClient): Promise<string[]> {
  const response = await client.inject({ method: 'GET', url: '/api/training/instructors' });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { fullName: string }[] }).items.map((item) => item.fullName);
}

async function auditActions(instructorId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'training_instructor')
    .where('entity_id', '=', instructorId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
});

afterAll(async () => {
  await t.close();
});

describe('the instructor register', () => {
  it('corrects an instructor (NFC, blanks become empty) and removes one never assigned, audited', async () => {
    const id = await addInstructor('Hoàng Văn Giảng');
    const updated = await province.inject({
      method: 'PUT',
      url: `/api/training/instructors/${id}`,
      payload: { owningUnitId: units.province, fullName: 'Hoa\u0300ng Văn Giảng', workUnit: 'Trường Chính trị tỉnh', position: '  ' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toEqual({
      id,
      owningUnitId: units.province,
      fullName: 'Hoàng Văn Giảng',
      workUnit: 'Trường Chính trị tỉnh',
      position: null,
      abilities: { edit: true },
    });
    expect(await registerNames(province)).toEqual(['Hoàng Văn Giảng']);
    // A commune uses the province's instructors and is told, with each, that it may not change them.
    const commune = await t.asUser('commune', units.communeA);
    const seen = (await commune.inject({ method: 'GET', url: '/api/training/instructors' })).json().items;
    expect(seen).toEqual([expect.objectContaining({ id, abilities: { edit: false } })]);

    const removed = await province.inject({ method: 'DELETE', url: `/api/training/instructors/${id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await registerNames(province)).toEqual([]);
    expect(await auditActions(id)).toEqual(['training_instructor.create', 'training_instructor.update', 'training_instructor.delete']);
  });

  it('refuses to remove an instructor who went on a guidance visit, saying why', async () => {
    const id = await addInstructor('Đỗ Thị Hướng');
    const visit = await province.inject({
      method: 'POST',
      url: '/api/training/visits',
      payload: { communeId: units.communeA, visitedOn: '2025-04-05', officerIds: [id] },
    });
    expect(visit.statusCode, visit.body).toBe(201);

    const refused = await province.inject({ method: 'DELETE', url: `/api/training/instructors/${id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      id: 'TRAINING_INSTRUCTOR_IN_USE',
      message: 'Đỗ Thị Hướng đã được phân công giảng dạy hoặc đi hướng dẫn nghiệp vụ, không thể xóa khỏi danh sách',
    });
    expect(await registerNames(province)).toContain('Đỗ Thị Hướng');
  });

  it('refuses to remove an instructor booked for a class session', async () => {
    const id = await addInstructor('Lê Văn Dạy');
    const programme = await province.inject({
      method: 'POST',
      url: '/api/training/programmes',
      payload: { owningUnitId: units.province, name: 'Bồi dưỡng kỹ năng', form: 'short_course', outcome: 'none' },
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const created = await province.inject({
      method: 'POST',
      url: '/api/training/classes',
      payload: {
        programmeId: programme.json().id,
        unitId: units.province,
        name: 'Lớp kỹ năng 2025',
        startDate: '2025-05-05',
        endDate: '2025-05-06',
        capacity: 20,
        sessions: [{ date: '2025-05-05', startTime: '08:00', endTime: '11:00', instructorIds: [id] }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    const refused = await province.inject({ method: 'DELETE', url: `/api/training/instructors/${id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.id).toBe('TRAINING_INSTRUCTOR_IN_USE');
  });

  it("lets a commune read the province's register but not change it, and hides it from another province", async () => {
    const id = await addInstructor('Phan Văn Tỉnh');
    const commune = await t.asUser('commune', units.communeA);
    expect(await registerNames(commune)).toContain('Phan Văn Tỉnh');
    const edit = await commune.inject({
      method: 'PUT',
      url: `/api/training/instructors/${id}`,
      payload: { owningUnitId: units.province, fullName: 'Đổi tên' },
    });
    expect(edit.statusCode).toBe(403);

    const other = await t.asUser('province', units.otherProvince);
    const hidden = await other.inject({ method: 'DELETE', url: `/api/training/instructors/${id}` });
    expect(hidden.statusCode).toBe(404);
    expect(await registerNames(province)).toContain('Phan Văn Tỉnh');
  });
});
