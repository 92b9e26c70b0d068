import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeCompliance, type AssessedPost } from '../../core/compliance.js';
import { addDays, addMonths } from '../../core/dates.js';
import { retirementDate } from '../../core/retirement.js';
import { COMMUNE_TITLES, isKeyTitle, type TitleCode } from '../../core/titles.js';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import type { Actor } from '../access/actor.js';
import { nameColumns } from '../cadres/cadre-values.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import { personStatus } from './assessment.js';
import { coreSummary } from './compliance.presenter.js';
import { type AssessmentScope, ComplianceRepository } from './compliance.repository.js';
import { explainPosts } from './explain.js';
import { StandardsService } from './standards.service.js';

/*
 * The summary judges people in one SQL statement; the explanation judges them
 * in JavaScript with core's assessCompliance. For a few hundred generated
 * people, posts, qualifications and communes, on dates either side of every
 * change of standard, both must reach the same status, the same gap kinds and
 * the same figures. Every rule kind is covered: levels, general education,
 * field of study, state management, and the age rules at a first appointment
 * and at re-election.
 */

let t: TestApp;
let units: CadreTerritory;
let admin: Actor;

const DATES = ['2019-06-30', '2021-12-31', '2023-07-31', '2023-08-01', '2024-06-30', '2025-06-30', '2025-07-01', '2025-08-01', '2026-03-01'];
const PEOPLE = 320;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)]!;
}

function randomDate(next: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(next() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(next() * 12);
  const day = pick(next, [1, 1, 2, 15, 28]);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const KEY_TITLES = COMMUNE_TITLES.filter((title) => title.isKey).map((title) => title.code);
const OTHER_TITLES: TitleCode[] = ['chu_tich_mttq', 'chu_tich_hoi_phu_nu', 'tu_phap_ho_tich'];
const PROFESSIONAL = ['none', 'thpt', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'];
const THEORY = ['so_cap', 'trung_cap', 'cao_cap'];
const STATE_MANAGEMENT = ['chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap'];
const MAJORS = ['Luật kinh tế', 'Kỹ sư xây dựng', 'Hành chính công', 'ĐẠI HỌC LUAT', null, ' '];

async function generatePeople(): Promise<void> {
  const next = random(20251124);
  const cadres = new CadresRepository(t.db);
  const communes = [units.communeA, units.communeB, units.oldUnit, units.newUnit, units.zeroUnit];
  for (let i = 0; i < PEOPLE; i += 1) {
    const birth = next() < 0.05 ? null : randomDate(next, 1955, 1992);
    const id = await cadres.insertCadre(t.db, {
      ...nameColumns(`Người Thử ${i}`),
      gender: next() < 0.08 ? null : pick(next, ['nam', 'nu'] as const),
      birth_date: birth,
      birth_date_precision: birth === null ? null : next() < 0.1 ? 'year' : 'day',
      ethnicity_code: null,
      religion: null,
      home_town: null,
      personal_id: null,
      party_joined_on: null,
      party_joined_precision: null,
      phone: null,
      email: null,
      discipline: null,
      owning_unit_id: units.communeA,
    });
    const postCount = 1 + Math.floor(next() * 3);
    for (let p = 0; p < postCount; p += 1) {
      const titleCode = next() < 0.8 ? pick(next, KEY_TITLES) : pick(next, OTHER_TITLES);
      const unitId = pick(next, communes);
      let start = randomDate(next, 2003, 2026);
      // Some hold the same post over two periods: a re-election, an appointment or a rotation.
      if (next() < 0.45) {
        const earlier = randomDate(next, 1998, 2019);
        if (start <= earlier) start = addDays(earlier, 400);
        await cadres.insertPost(t.db, post(id, unitId, titleCode, earlier, addDays(start, -1), 'bau_cu'));
      }
      const end = next() < 0.15 ? randomDate(next, 2020, 2027) : null;
      await cadres.insertPost(
        t.db,
        post(
          id,
          unitId,
          titleCode,
          start,
          end !== null && end >= start ? end : null,
          pick(next, ['bau_cu', 'bau_cu', 'bo_nhiem', 'luan_chuyen', null] as const),
        ),
      );
    }
    const qualificationCount = Math.floor(next() * 5);
    for (let q = 0; q < qualificationCount; q += 1) {
      const kind = pick(next, ['professional', 'professional', 'political_theory', 'state_management'] as const);
      const level = kind === 'professional' ? pick(next, PROFESSIONAL) : kind === 'political_theory' ? pick(next, THEORY) : pick(next, STATE_MANAGEMENT);
      const obtained = next() < 0.3 ? null : randomDate(next, 1990, 2026);
      await cadres.insertQualification(t.db, {
        cadre_id: id,
        kind,
        level,
        major: kind === 'professional' ? pick(next, MAJORS) : null,
        institution: null,
        study_mode: null,
        language: null,
        obtained_on: obtained,
        obtained_precision: obtained === null ? null : 'day',
        source: 'declared',
        source_ref: null,
        note: null,
      });
    }
  }
}

function post(
  cadreId: string,
  unitId: string,
  titleCode: TitleCode,
  start: string,
  end: string | null,
  howObtained: 'bau_cu' | 'bo_nhiem' | 'luan_chuyen' | null,
) {
  return {
    cadre_id: cadreId,
    unit_id: unitId,
    title_code: titleCode,
    is_key: isKeyTitle(titleCode),
    start_date: start,
    start_date_precision: 'day' as const,
    end_date: end,
    term: null,
    how_obtained: howObtained,
    concurrent: false,
    note: null,
  };
}

/**
 * People appointed or re-elected with working time left right at the
 * minimum, a month either side, on the first of a month or later in it:
 * where counting whole months decides.
 */
async function generateBoundaryPeople(): Promise<void> {
  const next = random(7);
  const cadres = new CadresRepository(t.db);
  for (let i = 0; i < 80; i += 1) {
    const gender = i % 2 === 0 ? ('nam' as const) : ('nu' as const);
    const birth = randomDate(next, gender === 'nam' ? 1962 : 1967, gender === 'nam' ? 1968 : 1973);
    const retiresFrom = retirementDate(gender === 'nam' ? 'male' : 'female', birth).retiresFrom;
    const reelection = i % 4 >= 2;
    const months = (reelection ? 48 : 60) + pick(next, [-1, 0, 0, 1]);
    const start = addDays(addMonths(retiresFrom, -months), pick(next, [0, 0, 1, 14]));
    const titleCode = reelection ? pick(next, ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'] as const) : pick(next, KEY_TITLES);
    const unitId = pick(next, [units.communeA, units.communeB]);
    const id = await cadres.insertCadre(t.db, {
      ...nameColumns(`Người Ranh Giới ${i}`),
      gender,
      birth_date: birth,
      birth_date_precision: 'day',
      ethnicity_code: null,
      religion: null,
      home_town: null,
      personal_id: null,
      party_joined_on: null,
      party_joined_precision: null,
      phone: null,
      email: null,
      discipline: null,
      owning_unit_id: unitId,
    });
    if (reelection) await cadres.insertPost(t.db, post(id, unitId, titleCode, addDays(start, -1800), addDays(start, -1), 'bau_cu'));
    await cadres.insertPost(t.db, post(id, unitId, titleCode, start, null, 'bau_cu'));
    for (const [kind, level] of [
      ['professional', 'dai_hoc'],
      ['political_theory', 'cao_cap'],
      ['state_management', 'chuyen_vien'],
    ] as const) {
      await cadres.insertQualification(t.db, {
        cadre_id: id,
        kind,
        level,
        major: kind === 'professional' ? 'Luật; Kinh tế' : null,
        institution: null,
        study_mode: null,
        language: null,
        obtained_on: null,
        obtained_precision: null,
        source: 'declared',
        source_ref: null,
        note: null,
      });
    }
  }
}

/** Provincial rules that exercise what the shipped sets do not: a field of study, state management, a non-key post. */
async function addTestRules(): Promise<void> {
  const standards = new StandardsService(t.context);
  await standards.createSet(admin, {
    code: 'PARITY',
    nameVi: 'Bộ thử',
    nameEn: 'Test set',
    scope: 'provincial',
    legalBasis: 'Văn bản thử',
    confirmed: false,
    note: '',
  });
  const base = {
    setCode: 'PARITY',
    validTo: null,
    professionalFields: [],
    minProfessional: null,
    minPoliticalTheory: null,
    minStateManagement: null,
    requireHighSchool: false,
    minMonthsLeftAtFirstAppointment: null,
    minMonthsLeftAtReElection: null,
    confirmed: false,
    legalBasis: 'Văn bản thử',
    note: '',
    changeNote: 'Thử',
  } as const;
  await standards.addRule(admin, {
    ...base,
    code: 'PARITY/chu-tich-luat',
    appliesTo: { kind: 'titles', codes: ['chu_tich_ubnd', 'pho_chu_tich_ubnd'] },
    validFrom: '2024-01-01',
    validTo: '2024-12-31',
    areaClass: 'any',
    minProfessional: 'dai_hoc',
    professionalFields: ['Luật', 'Hành chính'],
    minStateManagement: 'chuyen_vien',
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: 60,
  });
  await standards.addRule(admin, {
    ...base,
    code: 'PARITY/ubnd-vung-kho-khan',
    appliesTo: { kind: 'group', group: 'committee' },
    validFrom: '2025-07-01',
    areaClass: 'disadvantaged',
    minPoliticalTheory: 'cao_cap',
    professionalFields: ['Kinh tế'],
    minMonthsLeftAtFirstAppointment: 72,
    minMonthsLeftAtReElection: 30,
  });
  await standards.addRule(admin, {
    ...base,
    code: 'PARITY/doan-the',
    appliesTo: { kind: 'group', group: 'mass_org' },
    validFrom: '2020-01-01',
    areaClass: 'any',
    minProfessional: 'trung_cap',
    minMonthsLeftAtFirstAppointment: 36,
  });
  await standards.setEnabled(admin, 'PARITY', true);
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  admin = {
    userId: (await t.createUser({ role: 'admin' })).id,
    username: 'admin',
    fullName: 'Quản trị',
    role: 'admin',
    unitId: t.countryUnitId,
    unitLevel: 'country',
    canViewSensitive: true,
    ip: null,
  };
  // Plains until the end of 2023, then a commune of ethnic minorities; a border and ethnic-minority ward after the reform; one commune unclassified.
  await t.db
    .insertInto('commune_area_class')
    .values([
      { commune_id: units.communeA, flags: ['dong_bang'], valid_from: null, valid_to: '2023-12-31', basis: null, note: null },
      { commune_id: units.communeA, flags: ['dan_toc'], valid_from: '2024-01-01', valid_to: null, basis: null, note: null },
      { commune_id: units.communeB, flags: ['mien_nui'], valid_from: null, valid_to: null, basis: null, note: null },
      { commune_id: units.oldUnit, flags: ['dong_bang'], valid_from: null, valid_to: '2025-06-30', basis: null, note: null },
      { commune_id: units.newUnit, flags: ['bien_gioi', 'dan_toc'], valid_from: '2025-07-01', valid_to: null, basis: null, note: null },
    ])
    .execute();
  await addTestRules();
  await generatePeople();
  await generateBoundaryPeople();
});

afterAll(async () => {
  await t.close();
});

describe('the SQL summary and core’s assessCompliance', () => {
  it.each(DATES.flatMap((date) => [[date, true, 'province'] as const, [date, false, 'province'] as const, [date, true, 'country'] as const]))(
    'agree on every person on %s (key posts only: %s, summary of the %s)',
    async (asOf, keyOnly, root) => {
      const repository = new ComplianceRepository();
      const scope: AssessmentScope = await repository.scope(t.db, {
        actor: admin,
        rootId: root === 'country' ? t.countryUnitId : units.province,
        asOf,
        keyOnly,
      });

      const sqlPeople = await repository.people(t.db, scope, { status: null, gap: null, withMajor: true }, { offset: 0, limit: 10_000 });
      const explanation = await explainPosts(t.db, await repository.countedPostIds(t.db, scope), asOf);
      const jsStatus = new Map([...explanation.people].map(([id, entry]) => [id, personStatus(entry.posts.map((p) => p.result))]));
      expect(new Map(sqlPeople.map((row) => [row.cadre_id, row.status]))).toEqual(jsStatus);

      const assessed: AssessedPost[] = [...explanation.people.values()].flatMap((entry) =>
        entry.posts.map((p) => ({ personId: entry.person.id, levelsOnDate: entry.levels, compliance: p.result })),
      );
      const [total] = await repository.summary(t.db, scope, { withMajor: true });
      expect(coreSummary(total!, keyOnly)).toEqual(summarizeCompliance(assessed, { keyPostsOnly: keyOnly }));
      // Enough of each outcome for the comparison to mean something.
      expect(sqlPeople.length).toBeGreaterThan(40);
      const statuses = new Set(sqlPeople.map((row) => row.status));
      expect(statuses).toContain('meets');
      expect(statuses).toContain('does_not_meet');
      // Non-key posts have a standard only in the test set's mass-organisation rule: the chair of the Fatherland Front has none.
      if (!keyOnly) expect(statuses).toContain('no_standard');
    },
  );

  it('exercises every kind of gap on some date', async () => {
    const repository = new ComplianceRepository();
    const seen = new Set<string>();
    for (const asOf of DATES) {
      const [total] = await repository.summary(t.db, await repository.scope(t.db, { actor: admin, rootId: units.province, asOf, keyOnly: false }), {
        withMajor: true,
      });
      for (const [kind, count] of Object.entries(coreSummary(total!, false).peopleWithGap)) if (count > 0) seen.add(kind);
    }
    expect([...seen].sort()).toEqual(['age_appointment', 'age_reelection', 'high_school', 'political_theory', 'professional', 'state_management']);
  });
});
