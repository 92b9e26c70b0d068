import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

/**
 * What a certificate changes beyond the class: the holder's compliance and
 * the unit's summary, from the certificate date and not before — read
 * through the same (cached) endpoints officers use.
 */
let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;
let binh: string;
let classId: string;

const DAY_BEFORE = '2025-03-19';
const CERTIFICATE_DAY = '2025-03-20';

interface ClassDetail {
  sessions: { id: string }[];
  tests: { id: string }[];
}

async function complianceOn(asOf: string): Promise<{ status: string; gaps: string[] }> {
  const response = await province.inject({ method: 'GET', url: `/api/cadres/${binh}/compliance?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as { status: string; posts: { gaps: { kind: string }[] }[] };
  return { status: body.status, gaps: body.posts.flatMap((post) => post.gaps.map((gap) => gap.kind)) };
}

async function meetingOn(asOf: string): Promise<{ total: number; meeting: number }> {
  const response = await province.inject({ method: 'GET', url: `/api/compliance/summary?unitId=${units.communeA}&asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as { totalPeople: number; meeting: number };
  return { total: body.totalPeople, meeting: body.meeting };
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
  await province.inject({ method: 'POST', url: `/api/communes/${units.communeA}/area-classes`, payload: { flags: ['dong_bang'], validFrom: null } });

  const person = await province.inject({
    method: 'POST',
    url: '/api/cadres',
    payload: { fullName: 'Trần Văn Bình', gender: 'nam', birthDate: '1975-03-15', owningUnitId: units.communeA },
  });
  expect(person.statusCode, person.body).toBe(201);
  binh = person.json().id;
  for (const [url, payload] of [
    [`/api/cadres/${binh}/posts`, { unitId: units.communeA, titleCode: 'pho_chu_tich_ubnd', startDate: '2021-06-25' }],
    [`/api/cadres/${binh}/qualifications`, { kind: 'professional', level: 'dai_hoc', obtainedOn: '1998-06-30' }],
    [`/api/cadres/${binh}/qualifications`, { kind: 'political_theory', level: 'so_cap', obtainedOn: '2010-01-10' }],
  ] as const) {
    const response = await province.inject({ method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
  }

  const programme = await province.inject({
    method: 'POST',
    url: '/api/training/programmes',
    payload: {
      owningUnitId: units.province,
      name: 'Trung cấp lý luận chính trị - hành chính',
      form: 'formal_degree',
      outcome: 'qualification',
      grants: { scale: 'political_theory', level: 'trung_cap' },
      courseType: 'trung_cap_llct',
    },
  });
  expect(programme.statusCode, programme.body).toBe(201);
  const created = await province.inject({
    method: 'POST',
    url: '/api/training/classes',
    payload: {
      programmeId: programme.json().id,
      unitId: units.province,
      name: 'Lớp Trung cấp LLCT khóa 3',
      startDate: '2025-03-10',
      endDate: CERTIFICATE_DAY,
      capacity: 30,
      sessions: [{ date: '2025-03-10', startTime: '07:30', endTime: '11:30' }],
      tests: [{ name: 'Thi cuối khóa', heldOn: '2025-03-19' }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  classId = created.json().id;
  const detail = created.json() as ClassDetail;
  for (const [method, url, payload] of [
    ['POST', `/api/training/classes/${classId}/enrolments`, { people: [{ cadreId: binh }] }],
    ['PUT', `/api/training/classes/${classId}/sessions/${detail.sessions[0]!.id}/attendance`, { records: [{ cadreId: binh, status: 'present' }] }],
    ['PUT', `/api/training/classes/${classId}/tests/${detail.tests[0]!.id}/scores`, { scores: [{ cadreId: binh, score: 8 }] }],
  ] as const) {
    const response = await province.inject({ method, url, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
  }
});

afterAll(async () => {
  await t.close();
});

describe('a Trung cấp LLCT certificate', () => {
  it('before it is issued, the vice-chair lacks political theory and the commune counts him as not meeting', async () => {
    expect(await complianceOn(CERTIFICATE_DAY)).toEqual({ status: 'does_not_meet', gaps: ['political_theory'] });
    expect(await meetingOn(CERTIFICATE_DAY)).toEqual({ total: 1, meeting: 0 });
  });

  it('once issued, makes him meet the standard from its date and not before, in his record and in the summary', async () => {
    const issued = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/certificates`,
      payload: { cadreId: binh, number: 'TCLLCT-003', issuedOn: CERTIFICATE_DAY },
    });
    expect(issued.statusCode, issued.body).toBe(201);

    expect(await complianceOn(DAY_BEFORE)).toEqual({ status: 'does_not_meet', gaps: ['political_theory'] });
    expect(await complianceOn(CERTIFICATE_DAY)).toEqual({ status: 'meets', gaps: [] });
    expect(await meetingOn(DAY_BEFORE)).toEqual({ total: 1, meeting: 0 });
    expect(await meetingOn(CERTIFICATE_DAY)).toEqual({ total: 1, meeting: 1 });
  });

  it('revoked, takes the level back: he no longer meets the standard on any date', async () => {
    const certificate = (await province.inject({ method: 'GET', url: `/api/training/classes/${classId}` })).json().certificates[0] as { id: string };
    const revoked = await province.inject({
      method: 'POST',
      url: `/api/training/certificates/${certificate.id}/revoke`,
      payload: { reason: 'Cấp nhầm người' },
    });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);

    expect(await complianceOn(CERTIFICATE_DAY)).toEqual({ status: 'does_not_meet', gaps: ['political_theory'] });
    expect(await meetingOn(CERTIFICATE_DAY)).toEqual({ total: 1, meeting: 0 });
  });
});
