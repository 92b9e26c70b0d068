import { describe, it, expect } from 'vitest';
import { BG_2020, CV03_2025, ND33_2023, QD04_2004, STANDARD_RULES, STANDARD_SETS, rulesOfSets } from './standard-sets.js';
import { areaClassFromFlags, findRuleConflicts, selectRule, validateStandardRule, type AreaClass, type StandardRule } from './standards.js';
import { COMMUNE_TITLES, type TitleCode } from './titles.js';

const KEY_TITLES = COMMUNE_TITLES.filter((t) => t.isKey).map((t) => t.code);
const NATIONAL_ONLY = rulesOfSets([QD04_2004, ND33_2023, CV03_2025]);

function ruleId(titleCode: TitleCode, date: string, areaClass: AreaClass | null, rules = STANDARD_RULES): string | null {
  return selectRule(rules, { titleCode, date, areaClass })?.id ?? null;
}

function rule(overrides: Partial<StandardRule> & Pick<StandardRule, 'id'>): StandardRule {
  return {
    setCode: 'TEST',
    scope: 'national',
    appliesTo: { kind: 'group', group: 'key' },
    validFrom: '2020-01-01',
    validTo: null,
    areaClass: 'any',
    minProfessional: 'dai_hoc',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: 60,
    minMonthsLeftAtReElection: 48,
    confirmed: true,
    legalBasis: 'Văn bản thử',
    note: '',
    ...overrides,
  };
}

describe('shipped standard sets', () => {
  it('judge every key title in both area classes on any date from 2004 on', () => {
    for (const date of ['2004-01-16', '2019-12-31', '2021-12-31', '2023-07-31', '2023-08-01', '2025-06-30', '2025-07-01', '2030-01-01']) {
      for (const titleCode of KEY_TITLES) {
        for (const areaClass of ['plains', 'disadvantaged'] as const) {
          expect(ruleId(titleCode, date, areaClass), `${titleCode} ${areaClass} ${date}`).not.toBeNull();
        }
      }
    }
  });

  it('have no standard for commune posts below the key ones, nor before Decision 04/2004', () => {
    for (const titleCode of ['chu_tich_mttq', 'bi_thu_doan_thanh_nien', 'tu_phap_ho_tich'] as const) {
      expect(ruleId(titleCode, '2024-06-30', 'plains')).toBeNull();
    }
    expect(ruleId('chu_tich_ubnd', '2004-01-15', 'plains')).toBeNull();
  });

  it('judge Bắc Giang plains communes in 2021 by the province’s own university + trung cấp standard', () => {
    const chosen = selectRule(STANDARD_RULES, { titleCode: 'chu_tich_ubnd', date: '2021-12-31', areaClass: 'plains' });
    expect(chosen).toMatchObject({
      id: 'BG-2020/dong-bang',
      scope: 'provincial',
      minProfessional: 'dai_hoc',
      minPoliticalTheory: 'trung_cap',
      confirmed: false,
    });
  });

  it('leave mountainous communes of 2021 to the mountain variant of Decision 04/2004', () => {
    expect(selectRule(STANDARD_RULES, { titleCode: 'bi_thu_dang_uy', date: '2021-12-31', areaClass: 'disadvantaged' })).toMatchObject({
      id: 'QD-04-2004/mien-nui',
      minProfessional: null,
      minPoliticalTheory: 'so_cap',
      requireHighSchool: false,
    });
  });

  it('switch from the provincial standard to Decree 33/2023 between 31/07/2023 and 01/08/2023', () => {
    expect(ruleId('pho_chu_tich_ubnd', '2023-07-31', 'plains')).toBe('BG-2020/dong-bang');
    expect(ruleId('pho_chu_tich_ubnd', '2023-08-01', 'plains')).toBe('ND-33-2023/hdnd-ubnd');
    expect(ruleId('pho_chu_tich_ubnd', '2023-07-31', 'plains', NATIONAL_ONLY)).toBe('QD-04-2004/dong-bang');
    expect(ruleId('pho_chu_tich_ubnd', '2023-07-31', 'disadvantaged')).toBe('QD-04-2004/mien-nui');
    expect(ruleId('pho_chu_tich_ubnd', '2023-08-01', 'disadvantaged')).toBe('ND-33-2023/hdnd-ubnd-vung-kho-khan');
  });

  it('switch to the two-level government standard between 30/06/2025 and 01/07/2025', () => {
    expect(ruleId('bi_thu_dang_uy', '2025-06-30', 'plains')).toBe('ND-33-2023/dang-uy');
    expect(ruleId('bi_thu_dang_uy', '2025-07-01', 'plains')).toBe('CV-03-2025/chu-chot');
    expect(ruleId('bi_thu_dang_uy', '2025-07-01', 'disadvantaged')).toBe('CV-03-2025/chu-chot');
  });

  it('under Decree 33/2023 lower only the professional minimum for disadvantaged areas', () => {
    const plains = selectRule(STANDARD_RULES, { titleCode: 'chu_tich_hdnd', date: '2024-06-30', areaClass: 'plains' });
    const mountains = selectRule(STANDARD_RULES, { titleCode: 'chu_tich_hdnd', date: '2024-06-30', areaClass: 'disadvantaged' });
    expect([plains?.minProfessional, plains?.minPoliticalTheory]).toEqual(['dai_hoc', 'trung_cap']);
    expect([mountains?.minProfessional, mountains?.minPoliticalTheory]).toEqual(['trung_cap', 'trung_cap']);
  });

  it('mark as confirmed only Decree 33/2023 for People’s Council and Committee leaders in general', () => {
    expect(STANDARD_RULES.filter((r) => r.confirmed).map((r) => r.id)).toEqual(['ND-33-2023/hdnd-ubnd']);
    for (const r of STANDARD_RULES.filter((x) => !x.confirmed)) expect(r.note, r.id).not.toBe('');
  });

  it('take the age minimums from the law: 60 months at a first appointment, 48 at re-election from 2023-08-01', () => {
    for (const r of STANDARD_RULES) expect(r.minMonthsLeftAtFirstAppointment, r.id).toBe(60);
    expect(STANDARD_RULES.filter((r) => r.minMonthsLeftAtReElection === 48).map((r) => r.setCode)).not.toContain(QD04_2004);
    expect(STANDARD_RULES.filter((r) => r.minMonthsLeftAtReElection === null).map((r) => r.setCode)).toEqual([QD04_2004, QD04_2004, BG_2020]);
  });

  it('are valid and free of conflicts, and every rule belongs to a listed set', () => {
    for (const r of STANDARD_RULES) expect(validateStandardRule(r), r.id).toEqual([]);
    expect(findRuleConflicts(STANDARD_RULES)).toEqual([]);
    const setCodes = STANDARD_SETS.map((s) => s.code);
    for (const r of STANDARD_RULES) expect(setCodes).toContain(r.setCode);
  });
});

describe('selectRule', () => {
  const byGroup = rule({ id: 'group', appliesTo: { kind: 'group', group: 'committee' } });
  const byKey = rule({ id: 'key' });
  const byTitle = rule({ id: 'title', appliesTo: { kind: 'titles', codes: ['chu_tich_ubnd'] } });
  const plains = rule({ id: 'plains', areaClass: 'plains' });

  it('prefers a rule listing the title over one naming its group, over one for all key titles', () => {
    expect(selectRule([byKey, byGroup, byTitle], { titleCode: 'chu_tich_ubnd', date: '2024-01-01', areaClass: 'plains' })?.id).toBe('title');
    expect(selectRule([byKey, byGroup, byTitle], { titleCode: 'pho_chu_tich_ubnd', date: '2024-01-01', areaClass: 'plains' })?.id).toBe('group');
    expect(selectRule([byKey, byGroup, byTitle], { titleCode: 'chu_tich_hdnd', date: '2024-01-01', areaClass: 'plains' })?.id).toBe('key');
  });

  it('prefers a rule for the commune’s area class over one for all areas', () => {
    expect(selectRule([byKey, plains], { titleCode: 'bi_thu_dang_uy', date: '2024-01-01', areaClass: 'plains' })?.id).toBe('plains');
    expect(selectRule([byKey, plains], { titleCode: 'bi_thu_dang_uy', date: '2024-01-01', areaClass: 'disadvantaged' })?.id).toBe('key');
  });

  it('applies only rules for all areas when the commune’s class is unknown', () => {
    expect(selectRule([byKey, plains], { titleCode: 'bi_thu_dang_uy', date: '2024-01-01', areaClass: null })?.id).toBe('key');
    expect(selectRule([plains], { titleCode: 'bi_thu_dang_uy', date: '2024-01-01', areaClass: null })).toBeNull();
  });

  it('lets a provincial rule replace a national one even when it names titles less precisely', () => {
    const provincial = rule({ id: 'province', scope: 'provincial' });
    expect(selectRule([byTitle, provincial], { titleCode: 'chu_tich_ubnd', date: '2024-01-01', areaClass: 'plains' })?.id).toBe('province');
  });

  it('counts both ends of a period as in force', () => {
    const closed = rule({ id: 'closed', validFrom: '2021-01-01', validTo: '2021-12-31' });
    const query = { titleCode: 'chu_tich_ubnd', areaClass: 'plains' } as const;
    expect(selectRule([closed], { ...query, date: '2020-12-31' })).toBeNull();
    expect(selectRule([closed], { ...query, date: '2021-01-01' })?.id).toBe('closed');
    expect(selectRule([closed], { ...query, date: '2021-12-31' })?.id).toBe('closed');
    expect(selectRule([closed], { ...query, date: '2022-01-01' })).toBeNull();
  });

  it('settles a tie by the later start, then by id, whatever the order of the list', () => {
    const older = rule({ id: 'b-older', validFrom: '2020-01-01' });
    const newer = rule({ id: 'c-newer', validFrom: '2022-01-01' });
    const twin = rule({ id: 'a-twin', validFrom: '2022-01-01' });
    const query = { titleCode: 'chu_tich_ubnd', date: '2024-01-01', areaClass: 'plains' } as const;
    expect(selectRule([older, newer], query)?.id).toBe('c-newer');
    expect(selectRule([newer, older], query)?.id).toBe('c-newer');
    expect(selectRule([newer, twin], query)?.id).toBe('a-twin');
    expect(selectRule([twin, newer], query)?.id).toBe('a-twin');
  });
});

describe('findRuleConflicts', () => {
  it('reports two rules an admin left open for the same titles, area and period', () => {
    const first = rule({ id: 'BG-2026/a', appliesTo: { kind: 'titles', codes: ['bi_thu_dang_uy', 'chu_tich_ubnd'] } });
    const second = rule({ id: 'BG-2026/b', appliesTo: { kind: 'titles', codes: ['chu_tich_ubnd'] }, validFrom: '2026-01-01' });
    expect(findRuleConflicts([first, second])).toEqual([
      {
        ruleIds: ['BG-2026/a', 'BG-2026/b'],
        message:
          'Tiêu chuẩn «BG-2026/a» và «BG-2026/b» cùng áp dụng cho Bí thư, Chủ tịch UBND (Mọi địa bàn) trong khoảng thời gian trùng nhau; hãy kết thúc hiệu lực của một tiêu chuẩn trước khi tiêu chuẩn kia bắt đầu.',
      },
    ]);
  });

  it('accepts a new version that starts the day after the old one ends, and rules that precedence separates', () => {
    const old = rule({ id: 'v1', validTo: '2025-12-31' });
    const next = rule({ id: 'v2', validFrom: '2026-01-01' });
    const plains = rule({ id: 'plains', areaClass: 'plains' });
    const party = rule({ id: 'party', appliesTo: { kind: 'group', group: 'party' } });
    expect(findRuleConflicts([old, next, plains, party])).toEqual([]);
  });
});

describe('validateStandardRule', () => {
  it('explains in Vietnamese what an admin must fix', () => {
    const bad = rule({
      id: ' ',
      appliesTo: { kind: 'titles', codes: [] },
      validFrom: '2025-07-01',
      validTo: '2025-06-30',
      minMonthsLeftAtReElection: 47.5,
      legalBasis: '',
    });
    expect(validateStandardRule(bad)).toEqual([
      'Thiếu mã tiêu chuẩn.',
      'Thiếu căn cứ pháp lý.',
      'Chưa chọn chức danh áp dụng.',
      'Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.',
      'Số tháng công tác còn lại khi tái cử phải là số nguyên từ 0 đến 600.',
    ]);
  });

  it('rejects unknown titles and levels that come in as untyped JSON', () => {
    const bad = {
      ...rule({ id: 'x' }),
      appliesTo: { kind: 'titles', codes: ['chu_tich_ubnd', 'chu_tich_ubnd', 'truong_thon'] },
      minPoliticalTheory: 'dai_hoc',
      validFrom: '2025-02-30',
    } as unknown as StandardRule;
    expect(validateStandardRule(bad)).toEqual([
      'Chức danh không có trong danh mục: truong_thon.',
      'Một chức danh được chọn hai lần.',
      'Ngày bắt đầu hiệu lực không hợp lệ.',
      'Trình độ lý luận chính trị tối thiểu không hợp lệ.',
    ]);
  });
});

describe('areaClassFromFlags', () => {
  it('reads the commune’s recorded flags', () => {
    expect(areaClassFromFlags(['dong_bang'])).toBe('plains');
    expect(areaClassFromFlags(['mien_nui'])).toBe('disadvantaged');
    expect(areaClassFromFlags(['dong_bang', 'dan_toc'])).toBe('disadvantaged');
    expect(areaClassFromFlags([])).toBeNull();
  });
});
