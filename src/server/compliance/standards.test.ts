import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_RULES, STANDARD_SETS } from '../../core/standard-sets.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { ruleOfRow } from './standard-rules.js';
import { StandardsRepository } from './standards.repository.js';

let t: TestApp;
let admin: SignedInClient;
let officer: SignedInClient;

interface RuleItem {
  id: string;
  code: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  superseded: boolean;
  [field: string]: unknown;
}

async function rulesOf(code: string, history = false): Promise<RuleItem[]> {
  const response = await officer.inject({ method: 'GET', url: `/api/standards/rules?code=${encodeURIComponent(code)}&history=${history}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

function editable(rule: RuleItem) {
  const {
    appliesTo,
    validTo,
    areaClass,
    minProfessional,
    professionalFields,
    minPoliticalTheory,
    minStateManagement,
    requireHighSchool,
    minMonthsLeftAtFirstAppointment,
    minMonthsLeftAtReElection,
    confirmed,
    legalBasis,
    note,
  } = rule;
  return {
    appliesTo,
    validTo,
    areaClass,
    minProfessional,
    professionalFields,
    minPoliticalTheory,
    minStateManagement,
    requireHighSchool,
    minMonthsLeftAtFirstAppointment,
    minMonthsLeftAtReElection,
    confirmed,
    legalBasis,
    note,
  };
}

function newVersion(code: string, body: Record<string, unknown>, client: SignedInClient = admin) {
  return client.inject({ method: 'POST', url: `/api/standards/rules/${encodeURIComponent(code)}/versions`, payload: body });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asUser('admin');
  officer = await t.asUser('province', t.countryUnitId);
});

afterAll(async () => {
  await t.close();
});

describe('the shipped standards', () => {
  it('are stored by the migration exactly as src/core/standard-sets.ts ships them, all enabled', async () => {
    const rows = await new StandardsRepository().listRules(t.db, { setCode: null, code: null, withSuperseded: true });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(rows.map(ruleOfRow).sort(byId)).toEqual([...STANDARD_RULES].sort(byId));
    const sets = (await officer.inject({ method: 'GET', url: '/api/standards/sets' })).json().items;
    expect(
      sets.map((set: { code: string; enabled: boolean; nameVi: string; confirmed: boolean }) => [set.code, set.nameVi, set.confirmed, set.enabled]),
    ).toEqual(STANDARD_SETS.map((set) => [set.code, set.nameVi, set.confirmed, true]));
  });

  it('list the legal basis and whether each rule was confirmed, for every signed-in user', async () => {
    const [rule] = await rulesOf('ND-33-2023/hdnd-ubnd');
    expect(rule).toMatchObject({
      version: 1,
      setCode: 'ND-33-2023',
      appliesToText: 'Chủ tịch HĐND, Phó Chủ tịch HĐND, Chủ tịch UBND, Phó Chủ tịch UBND',
      minProfessional: 'dai_hoc',
      minPoliticalTheory: 'trung_cap',
      minMonthsLeftAtFirstAppointment: 60,
      minMonthsLeftAtReElection: 48,
      confirmed: true,
      superseded: false,
    });
    expect(rule?.legalBasis).toContain('Nghị định 33/2023/NĐ-CP, Điều 8');
  });
});

describe('editing a rule', () => {
  it('makes a new version from a date: the old one keeps judging the dates before, and both are audited', async () => {
    const [current] = await rulesOf('CV-03-2025/chu-chot');
    const response = await newVersion('CV-03-2025/chu-chot', {
      ...editable(current!),
      minPoliticalTheory: 'cao_cap',
      confirmed: true,
      effectiveFrom: '2026-01-01',
      changeNote: 'Hướng dẫn mới về tiêu chuẩn lý luận chính trị',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ code: 'CV-03-2025/chu-chot', version: 2, validFrom: '2026-01-01', validTo: null, minPoliticalTheory: 'cao_cap' });
    expect((await rulesOf('CV-03-2025/chu-chot')).map((rule) => [rule.version, rule.validFrom, rule.validTo, rule.minPoliticalTheory])).toEqual([
      [1, '2025-07-01', '2025-12-31', 'trung_cap'],
      [2, '2026-01-01', null, 'cao_cap'],
    ]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'standard_rule').where('entity_id', '=', 'CV-03-2025/chu-chot').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'new_version',
      before: expect.objectContaining({ version: 1, validTo: null }),
      after: expect.objectContaining({ version: 2 }),
    });
  });

  it('corrects a version from its first day by superseding it, kept in the history', async () => {
    const [, latest] = await rulesOf('CV-03-2025/chu-chot');
    const response = await newVersion('CV-03-2025/chu-chot', {
      ...editable(latest!),
      note: 'Đã đối chiếu văn bản',
      effectiveFrom: '2026-01-01',
      changeNote: 'Sửa ghi chú',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await rulesOf('CV-03-2025/chu-chot')).map((rule) => rule.version)).toEqual([1, 3]);
    expect((await rulesOf('CV-03-2025/chu-chot', true)).map((rule) => [rule.version, rule.superseded])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it('refuses to change what came before the current version', async () => {
    const [, latest] = await rulesOf('CV-03-2025/chu-chot');
    const response = await newVersion('CV-03-2025/chu-chot', { ...editable(latest!), effectiveFrom: '2025-09-01', changeNote: 'Thử' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('01/01/2026');
  });

  it('refuses a rule that conflicts with one in force, with core’s explanation', async () => {
    const [rule] = await rulesOf('ND-33-2023/dang-uy');
    // Naming a council title too makes it overlap the council and committee rule, same scope, area and period.
    const response = await newVersion('ND-33-2023/dang-uy', {
      ...editable(rule!),
      appliesTo: { kind: 'titles', codes: ['bi_thu_dang_uy', 'chu_tich_hdnd'] },
      effectiveFrom: '2024-01-01',
      changeNote: 'Thử xung đột',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ id: 'CONFLICT', details: { conflicts: [{ ruleIds: ['ND-33-2023/hdnd-ubnd', 'ND-33-2023/dang-uy'] }] } });
    expect(response.json().error.message).toContain('trong khoảng thời gian trùng nhau');
    expect((await rulesOf('ND-33-2023/dang-uy')).map((r) => r.version)).toEqual([1]);
  });

  it('explains in Vietnamese what is wrong with a rule', async () => {
    const [rule] = await rulesOf('ND-33-2023/dang-uy');
    const response = await newVersion('ND-33-2023/dang-uy', { ...editable(rule!), validTo: '2024-01-01', effectiveFrom: '2024-06-01', changeNote: 'Thử' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.');
  });

  it('is for administrators only', async () => {
    const [rule] = await rulesOf('ND-33-2023/dang-uy');
    const response = await newVersion('ND-33-2023/dang-uy', { ...editable(rule!), effectiveFrom: '2024-06-01', changeNote: 'Thử' }, officer);
    expect(response.statusCode).toBe(403);
    expect((await officer.inject({ method: 'PATCH', url: '/api/standards/sets/BG-2020', payload: { enabled: false } })).statusCode).toBe(403);
  });
});

describe('sets', () => {
  it('are turned off and on by an administrator, audited', async () => {
    const off = await admin.inject({ method: 'PATCH', url: '/api/standards/sets/BG-2020', payload: { enabled: false } });
    expect(off.json()).toMatchObject({ code: 'BG-2020', enabled: false });
    const on = await admin.inject({ method: 'PATCH', url: '/api/standards/sets/BG-2020', payload: { enabled: true } });
    expect(on.json()).toMatchObject({ enabled: true });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('entity', '=', 'standard_set').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'disable', summary: 'Tắt bộ tiêu chuẩn Tiêu chuẩn cán bộ chủ chốt cấp xã của tỉnh Bắc Giang, nhiệm kỳ 2020–2025' },
      { action: 'enable', summary: 'Bật bộ tiêu chuẩn Tiêu chuẩn cán bộ chủ chốt cấp xã của tỉnh Bắc Giang, nhiệm kỳ 2020–2025' },
    ]);
  });

  it('are created off; one whose rules conflict with those in force cannot be turned on', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/standards/sets',
      payload: {
        code: 'BG-2026',
        nameVi: 'Tiêu chuẩn của tỉnh từ năm 2026',
        nameEn: 'Provincial standard from 2026',
        scope: 'provincial',
        legalBasis: 'Quy định của Tỉnh ủy',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ enabled: false, ruleCount: 0 });
    const body = {
      setCode: 'BG-2026',
      appliesTo: { kind: 'group', group: 'key' },
      validTo: null,
      areaClass: 'plains',
      minProfessional: 'dai_hoc',
      professionalFields: [],
      minPoliticalTheory: 'trung_cap',
      minStateManagement: null,
      requireHighSchool: true,
      minMonthsLeftAtFirstAppointment: 60,
      minMonthsLeftAtReElection: 48,
      confirmed: false,
      legalBasis: 'Quy định của Tỉnh ủy',
      note: '',
      changeNote: 'Ban hành',
    };
    const first = await admin.inject({ method: 'POST', url: '/api/standards/rules', payload: { ...body, code: 'BG-2026/dong-bang', validFrom: '2023-01-01' } });
    expect(first.statusCode, first.body).toBe(201);
    // It overlaps the province's 2020 set, also provincial, for all key titles of plains communes, in 2023.
    const enable = await admin.inject({ method: 'PATCH', url: '/api/standards/sets/BG-2026', payload: { enabled: true } });
    expect(enable.statusCode).toBe(409);
    expect(enable.json().error.details.conflicts[0].ruleIds).toEqual(['BG-2020/dong-bang', 'BG-2026/dong-bang']);
  });
});
