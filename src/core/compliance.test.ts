import { describe, it, expect } from 'vitest';
import {
  assessCompliance,
  describeSummaryVi,
  summarizeCompliance,
  type AssessComplianceInput,
  type AssessedPost,
  type LevelsOnDate,
  type PersonFacts,
  type PostFacts,
} from './compliance.js';
import type { PoliticalTheoryLevel, ProfessionalLevel } from './qualifications.js';
import { STANDARD_RULES } from './standard-sets.js';
import type { AreaClass } from './standards.js';
import type { TitleCode } from './titles.js';

function levels(professional: ProfessionalLevel | null, politicalTheory: PoliticalTheoryLevel | null, more: Partial<LevelsOnDate> = {}): LevelsOnDate {
  return { professional, politicalTheory, stateManagement: null, ...more };
}

const MAN_1975: PersonFacts = { sex: 'male', birthDate: '1975-03-15', birthPrecision: 'day' };

function assess(
  post: PostFacts,
  levelsOnDate: LevelsOnDate,
  date: string,
  areaClass: AreaClass | null = 'plains',
  person: PersonFacts = MAN_1975,
  rules: AssessComplianceInput['rules'] = STANDARD_RULES,
) {
  return assessCompliance({ person, post, levelsOnDate, areaClass, date, rules });
}

function post(titleCode: TitleCode, startDate: string, more: Partial<PostFacts> = {}): PostFacts {
  return { titleCode, startDate, ...more };
}

describe('a man born 20/05/1966, first elected Chair of the People’s Committee on 25/06/2021', () => {
  // Born 05/1966: 62 years (Decree 135, Appendix I), reached on 20/05/2028,
  // so he is in post until 31/05/2028: 83 whole months from 25/06/2021.
  const man: PersonFacts = { sex: 'male', birthDate: '1966-05-20', birthPrecision: 'day' };
  const chair = post('chu_tich_ubnd', '2021-06-25', { isFirstAppointment: true });

  it('meets the Bắc Giang standard at the end of 2021: university, trung cấp, 83 ≥ 60 months', () => {
    expect(assess(chair, levels('dai_hoc', 'trung_cap'), '2021-12-31', 'plains', man)).toEqual({
      titleCode: 'chu_tich_ubnd',
      date: '2021-12-31',
      status: 'meets',
      rule: {
        id: 'BG-2020/dong-bang',
        set: 'BG-2020',
        legalBasis: 'Tiêu chuẩn cán bộ chủ chốt cấp xã nhiệm kỳ 2020–2025 của Tỉnh ủy Bắc Giang, xã đồng bằng',
        confirmed: false,
      },
      gaps: [],
      noStandardReason: null,
    });
  });

  it('shows the 83 months when the province asks for more', () => {
    const stricter = STANDARD_RULES.map((r) => (r.id === 'BG-2020/dong-bang' ? { ...r, minMonthsLeftAtFirstAppointment: 84 } : r));
    expect(assess(chair, levels('dai_hoc', 'trung_cap'), '2021-12-31', 'plains', man, stricter).gaps).toEqual([
      {
        kind: 'age_appointment',
        message: 'Tuổi khi bổ nhiệm lần đầu (25/06/2021): còn 83 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 84 tháng',
        messageEn: 'Age at first appointment (25/06/2021): 83 months of service left before retirement age, at least 84 required',
        required: 84,
        actual: 83,
        ruleId: 'BG-2020/dong-bang',
      },
    ]);
  });

  it('could have been first appointed on 01/06/2023 (exactly 60 months) but not on 01/06/2024 (48 months)', () => {
    const in2023 = post('chu_tich_ubnd', '2023-06-01', { isFirstAppointment: true });
    expect(assess(in2023, levels('dai_hoc', 'trung_cap'), '2023-12-31', 'plains', man).status).toBe('meets');

    const in2024 = post('chu_tich_ubnd', '2024-06-01', { isFirstAppointment: true });
    const result = assess(in2024, levels('dai_hoc', 'trung_cap'), '2024-12-31', 'plains', man);
    expect(result.status).toBe('does_not_meet');
    expect(result.gaps).toEqual([
      {
        kind: 'age_appointment',
        message: 'Tuổi khi bổ nhiệm lần đầu (01/06/2024): còn 48 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 60 tháng',
        messageEn: 'Age at first appointment (01/06/2024): 48 months of service left before retirement age, at least 60 required',
        required: 60,
        actual: 48,
        ruleId: 'ND-33-2023/hdnd-ubnd',
      },
    ]);
  });

  it('is not judged on age when the post is not a first appointment', () => {
    const continuing = post('chu_tich_ubnd', '2024-06-01');
    expect(assess(continuing, levels('dai_hoc', 'trung_cap'), '2024-12-31', 'plains', man).status).toBe('meets');
  });
});

describe('a woman born 02/11/1969, re-elected Standing Deputy Secretary at a 2025 congress', () => {
  // Born 11/1969: 57 years (Appendix I, row 2026), reached on 02/11/2026; in
  // post until 30/11/2026. From 01/07/2025 (month of the congress): 17 months.
  const woman: PersonFacts = { sex: 'female', birthDate: '1969-11-02', birthPrecision: 'day' };
  const deputy = post('pho_bi_thu_thuong_truc', '2025-07-15', { isReelection: true, congressDate: '2025-07-15' });

  it('does not meet the 48-month re-election rule: 17 months left', () => {
    const result = assess(deputy, levels('thac_si', 'cao_cap'), '2025-08-01', 'plains', woman);
    expect(result.status).toBe('does_not_meet');
    expect(result.rule?.id).toBe('CV-03-2025/chu-chot');
    expect(result.gaps).toEqual([
      {
        kind: 'age_reelection',
        message: 'Tuổi tái cử cấp ủy (đại hội tháng 07/2025): còn 17 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 48 tháng',
        messageEn: 'Age for re-election to the party committee (congress 07/2025): 17 months of service left before retirement age, at least 48 required',
        required: 48,
        actual: 17,
        ruleId: 'CV-03-2025/chu-chot',
      },
    ]);
  });

  it('counts from the first day of the congress month, under the rule in force at the congress', () => {
    const mayCongress = post('pho_bi_thu_thuong_truc', '2025-05-20', { isReelection: true, congressDate: '2025-05-20' });
    const gap = assess(mayCongress, levels('thac_si', 'cao_cap'), '2025-08-01', 'plains', woman).gaps[0];
    expect(gap).toMatchObject({ actual: 19, ruleId: 'ND-33-2023/dang-uy' });
  });

  it('says so when only her year of birth is known (1 January counts, 56y8m, in post until 30/09/2025)', () => {
    const yearOnly: PersonFacts = { sex: 'female', birthDate: '1969-01-01', birthPrecision: 'year' };
    expect(assess(deputy, levels('thac_si', 'cao_cap'), '2025-08-01', 'plains', yearOnly).gaps[0]?.message).toBe(
      'Tuổi tái cử cấp ủy (đại hội tháng 07/2025): còn 3 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 48 tháng (chỉ biết năm sinh, tính từ 01/01/1969)',
    );
  });

  it('names the missing data when sex or birth date is not recorded', () => {
    const unknown: PersonFacts = { sex: 'female', birthDate: null, birthPrecision: null };
    expect(assess(deputy, levels('thac_si', 'cao_cap'), '2025-08-01', 'plains', unknown).gaps).toEqual([
      {
        kind: 'age_reelection',
        message: 'Tuổi tái cử cấp ủy (đại hội tháng 07/2025): chưa có thông tin giới tính, ngày sinh, cần còn tối thiểu 48 tháng công tác',
        messageEn: 'Age for re-election to the party committee (congress 07/2025): sex or date of birth not recorded, at least 48 months of service required',
        required: 48,
        actual: null,
        ruleId: 'CV-03-2025/chu-chot',
      },
    ]);
  });

  it('has no age rule to meet at a 2020 congress: none was recorded before 2025', () => {
    const in2020 = post('pho_bi_thu_thuong_truc', '2020-08-10', { isReelection: true, congressDate: '2020-08-10' });
    expect(assess(in2020, levels('thac_si', 'cao_cap'), '2021-12-31', 'plains', woman).status).toBe('meets');
  });
});

describe('a Vice-chair of the People’s Committee with sơ cấp political theory in 2024', () => {
  const viceChair = post('pho_chu_tich_ubnd', '2021-06-25');

  it('does not meet in a plains commune, and the course that closes the gap is named', () => {
    expect(assess(viceChair, levels('dai_hoc', 'so_cap'), '2024-06-30', 'plains')).toEqual({
      titleCode: 'pho_chu_tich_ubnd',
      date: '2024-06-30',
      status: 'does_not_meet',
      rule: {
        id: 'ND-33-2023/hdnd-ubnd',
        set: 'ND-33-2023',
        legalBasis: expect.stringContaining('Nghị định 33/2023/NĐ-CP, Điều 8'),
        confirmed: true,
      },
      gaps: [
        {
          kind: 'political_theory',
          message: 'Lý luận chính trị: sơ cấp, cần trung cấp trở lên',
          messageEn: 'Political theory: elementary, intermediate or higher required',
          required: 'trung_cap',
          actual: 'so_cap',
          closingCourse: 'trung_cap_llct',
          ruleId: 'ND-33-2023/hdnd-ubnd',
        },
      ],
      noStandardReason: null,
    });
  });

  it('with a trung cấp diploma misses two things in the plains, only political theory in the mountains', () => {
    const plains = assess(viceChair, levels('trung_cap', 'so_cap', { highSchool: true }), '2024-06-30', 'plains');
    expect(plains.gaps.map((g) => [g.message, g.closingCourse])).toEqual([
      ['Trình độ chuyên môn: trung cấp, cần đại học trở lên', 'dai_hoc'],
      ['Lý luận chính trị: sơ cấp, cần trung cấp trở lên', 'trung_cap_llct'],
    ]);
    const mountains = assess(viceChair, levels('trung_cap', 'so_cap', { highSchool: true }), '2024-06-30', 'disadvantaged');
    expect(mountains.rule).toMatchObject({ id: 'ND-33-2023/hdnd-ubnd-vung-kho-khan', confirmed: false });
    expect(mountains.gaps.map((g) => g.message)).toEqual(['Lý luận chính trị: sơ cấp, cần trung cấp trở lên']);
  });

  it('says what is not recorded rather than guessing', () => {
    const result = assess(viceChair, levels(null, null), '2024-06-30', 'plains');
    expect(result.gaps.map((g) => [g.kind, g.message, g.actual])).toEqual([
      ['high_school', 'Trình độ giáo dục phổ thông: chưa có thông tin, cần tốt nghiệp THPT', null],
      ['professional', 'Trình độ chuyên môn: chưa có thông tin, cần đại học trở lên', null],
      ['political_theory', 'Lý luận chính trị: chưa có thông tin, cần trung cấp trở lên', null],
    ]);
  });

  it('reads high-school graduation from a university degree, and takes a recorded "no" over it', () => {
    expect(assess(viceChair, levels('dai_hoc', 'trung_cap'), '2024-06-30', 'plains').status).toBe('meets');
    expect(assess(viceChair, levels('dai_hoc', 'trung_cap', { highSchool: false }), '2024-06-30', 'plains').gaps).toEqual([
      {
        kind: 'high_school',
        message: 'Trình độ giáo dục phổ thông: chưa tốt nghiệp THPT, cần tốt nghiệp THPT',
        messageEn: 'General education: not an upper secondary graduate, upper secondary graduation required',
        required: true,
        actual: false,
        ruleId: 'ND-33-2023/hdnd-ubnd',
      },
    ]);
  });
});

describe('rules with a field of study or a state-management level', () => {
  const lawRule = STANDARD_RULES.map((r) =>
    r.id === 'ND-33-2023/hdnd-ubnd' ? { ...r, professionalFields: ['Luật', 'Hành chính'], minStateManagement: 'chuyen_vien' as const } : r,
  );
  const chair = post('chu_tich_ubnd', '2021-06-25');

  it('accepts any listed field inside the recorded one, without diacritics', () => {
    const lawyer = levels('dai_hoc', 'trung_cap', { professionalField: 'Đại học LUAT kinh tế', stateManagement: 'chuyen_vien_chinh' });
    expect(assess(chair, lawyer, '2024-06-30', 'plains', MAN_1975, lawRule).status).toBe('meets');
  });

  it('names the field and the state-management course that is missing', () => {
    const engineer = levels('dai_hoc', 'trung_cap', { professionalField: 'Kỹ sư nông nghiệp' });
    expect(assess(chair, engineer, '2024-06-30', 'plains', MAN_1975, lawRule).gaps.map((g) => [g.message, g.closingCourse])).toEqual([
      ['Chuyên ngành đào tạo: Kỹ sư nông nghiệp, cần chuyên ngành Luật hoặc Hành chính', undefined],
      ['Quản lý nhà nước: chưa có thông tin, cần chuyên viên trở lên', 'qlnn_chuyen_vien'],
    ]);
  });

  it('does not add a field gap to a missing degree', () => {
    const noDegree = levels('trung_cap', 'trung_cap', { highSchool: true, stateManagement: 'chuyen_vien' });
    expect(assess(chair, noDegree, '2024-06-30', 'plains', MAN_1975, lawRule).gaps.map((g) => g.message)).toEqual([
      'Trình độ chuyên môn: trung cấp, cần đại học trở lên',
    ]);
  });
});

describe('no standard', () => {
  it('for a post below the key ones', () => {
    expect(assess(post('chu_tich_mttq', '2021-06-25'), levels('dai_hoc', 'trung_cap'), '2021-12-31')).toEqual({
      titleCode: 'chu_tich_mttq',
      date: '2021-12-31',
      status: 'no_standard',
      rule: null,
      gaps: [],
      noStandardReason: {
        code: 'no_rule',
        message: 'Chưa có tiêu chuẩn cho chức danh Chủ tịch MTTQ tại ngày 31/12/2021',
        messageEn: 'No standard for Chair of the Vietnam Fatherland Front Committee on 31/12/2021',
      },
    });
  });

  it('when the commune’s area class is missing and every rule in force depends on it', () => {
    const result = assess(post('chu_tich_ubnd', '2021-06-25'), levels('dai_hoc', 'trung_cap'), '2021-12-31', null);
    expect(result.status).toBe('no_standard');
    expect(result.noStandardReason?.code).toBe('area_unknown');
    expect(result.noStandardReason?.message).toBe(
      'Chưa xác định địa bàn của xã (đồng bằng hay miền núi, vùng khó khăn) để chọn tiêu chuẩn cho chức danh Chủ tịch UBND tại ngày 31/12/2021',
    );
    // Decree 33/2023 has a rule for all areas, so the same gap is judged in 2024.
    expect(assess(post('chu_tich_ubnd', '2021-06-25'), levels('dai_hoc', 'trung_cap'), '2024-06-30', null).status).toBe('meets');
  });
});

describe('the 31/07/2023 – 01/08/2023 boundary', () => {
  const chair = post('chu_tich_hdnd', '2021-06-25');

  it('a trung cấp graduate of a plains commune met Decision 04/2004 but not Decree 33/2023', () => {
    const nationalOnly = STANDARD_RULES.filter((r) => r.setCode !== 'BG-2020');
    const trungCap = levels('trung_cap', 'trung_cap', { highSchool: true });
    expect(assess(chair, trungCap, '2023-07-31', 'plains', MAN_1975, nationalOnly)).toMatchObject({
      status: 'meets',
      rule: { id: 'QD-04-2004/dong-bang' },
    });
    expect(assess(chair, trungCap, '2023-08-01', 'plains', MAN_1975, nationalOnly)).toMatchObject({
      status: 'does_not_meet',
      rule: { id: 'ND-33-2023/hdnd-ubnd' },
      gaps: [{ kind: 'professional', message: 'Trình độ chuyên môn: trung cấp, cần đại học trở lên' }],
    });
    // In Bắc Giang the province's own standard already required a degree.
    expect(assess(chair, trungCap, '2023-07-31', 'plains')).toMatchObject({ status: 'does_not_meet', rule: { id: 'BG-2020/dong-bang' } });
  });

  it('a mountain commune leader with sơ cấp political theory and no high-school diploma falls short from 01/08/2023', () => {
    const mountain = levels('trung_cap', 'so_cap', { highSchool: false });
    expect(assess(chair, mountain, '2023-07-31', 'disadvantaged')).toMatchObject({ status: 'meets', rule: { id: 'QD-04-2004/mien-nui' } });
    expect(assess(chair, mountain, '2023-08-01', 'disadvantaged').gaps.map((g) => g.kind)).toEqual(['high_school', 'political_theory']);
  });

  it('judges a 2021 first appointment by the 2021 rule, not by Decree 33/2023', () => {
    const noAgeRuleBefore2023 = STANDARD_RULES.map((r) => (r.setCode === 'BG-2020' ? { ...r, minMonthsLeftAtFirstAppointment: null } : r));
    const man: PersonFacts = { sex: 'male', birthDate: '1964-01-10', birthPrecision: 'day' };
    const appointed2021 = post('chu_tich_hdnd', '2021-06-25', { isFirstAppointment: true });
    // Born 01/1964: 61y3m, in post until 30/04/2025: 46 months left on 25/06/2021.
    expect(assess(appointed2021, levels('dai_hoc', 'trung_cap'), '2024-01-01', 'plains', man, noAgeRuleBefore2023).status).toBe('meets');
    expect(assess(appointed2021, levels('dai_hoc', 'trung_cap'), '2024-01-01', 'plains', man).gaps).toMatchObject([
      { kind: 'age_appointment', actual: 46, ruleId: 'BG-2020/dong-bang' },
    ]);
  });
});

describe('a Party Secretary who is also Chair of the People’s Council', () => {
  // Born 10/01/1968: 62 years, in post until 31/01/2030: 55 months from 01/07/2025.
  const man: PersonFacts = { sex: 'male', birthDate: '1968-01-10', birthPrecision: 'day' };
  const both = levels('dai_hoc', 'trung_cap');
  const secretary = assess(post('bi_thu_dang_uy', '2025-07-01', { isReelection: true, congressDate: '2025-07-01' }), both, '2025-08-01', 'plains', man);
  const councilChair = assess(post('chu_tich_hdnd', '2025-07-01', { isFirstAppointment: true }), both, '2025-08-01', 'plains', man);

  it('may be re-elected (55 ≥ 48 months) but is short of a full term for a first election (55 < 60)', () => {
    expect(secretary.status).toBe('meets');
    expect(councilChair.gaps).toMatchObject([{ kind: 'age_appointment', actual: 55, required: 60 }]);
  });

  it('counts once and does not meet, because one of the posts does not', () => {
    const summary = summarizeCompliance([
      { personId: 'p1', levelsOnDate: both, compliance: secretary },
      { personId: 'p1', levelsOnDate: both, compliance: councilChair },
    ]);
    expect(summary).toMatchObject({ totalPeople: 1, meeting: 0, notMeeting: 1, withoutStandard: 0, meetingShare: 0, universityOrHigher: 1 });
    expect(summary.peopleWithGap.age_appointment).toBe(1);
  });
});

describe('summarizeCompliance', () => {
  it('reproduces the Bắc Giang city figures for 31/12/2021: 92 key cadres, 100% meet, 25 master’s, 11 cao cấp', () => {
    const posts: AssessedPost[] = [];
    for (let i = 0; i < 92; i++) {
      const personId = `tp-${i}`;
      const own = levels(i < 25 ? 'thac_si' : 'dai_hoc', i < 11 ? 'cao_cap' : 'trung_cap');
      // Every fourth person is Party Secretary and Council Chair at once; some also chair a mass organisation.
      const titles: TitleCode[] = i % 4 === 0 ? ['bi_thu_dang_uy', 'chu_tich_hdnd', 'chu_tich_hoi_cuu_chien_binh'] : ['pho_chu_tich_ubnd'];
      for (const titleCode of titles) {
        posts.push({ personId, levelsOnDate: own, compliance: assess(post(titleCode, '2021-06-25'), own, '2021-12-31') });
      }
    }
    const summary = summarizeCompliance(posts);
    expect(summary).toMatchObject({
      scope: 'key',
      totalPeople: 92,
      meeting: 92,
      notMeeting: 0,
      withoutStandard: 0,
      meetingShare: 1,
      universityOrHigher: 92,
      postgraduate: 25,
      advancedPoliticalTheory: 11,
    });
    expect(summary.professional.filter((row) => row.count > 0)).toEqual([
      { level: 'dai_hoc', count: 67 },
      { level: 'thac_si', count: 25 },
    ]);
    expect(summary.politicalTheory).toEqual([
      { level: 'so_cap', count: 0 },
      { level: 'trung_cap', count: 81 },
      { level: 'cao_cap', count: 11 },
      { level: null, count: 0 },
    ]);
    // Counting every post, the 23 who also chair the Veterans' Association hold a post without a standard.
    expect(summarizeCompliance(posts, { keyPostsOnly: false })).toMatchObject({ scope: 'all', totalPeople: 92, meeting: 69, withoutStandard: 23 });
  });

  it('writes the province’s sentence: 1.219 key cadres, 1.212 university or higher (99,4%), 76 cao cấp', () => {
    const posts: AssessedPost[] = Array.from({ length: 1219 }, (_, i) => {
      const own = levels(i < 1212 ? 'dai_hoc' : 'cao_dang', i < 76 ? 'cao_cap' : 'trung_cap');
      return { personId: String(i), levelsOnDate: own, compliance: assess(post('pho_chu_tich_ubnd', '2021-06-25'), own, '2021-12-31') };
    });
    const summary = summarizeCompliance(posts);
    expect(summary).toMatchObject({ totalPeople: 1219, universityOrHigher: 1212, advancedPoliticalTheory: 76, meeting: 1212, notMeeting: 7 });
    expect(summary.peopleWithGap.professional).toBe(7);
    expect(describeSummaryVi(summary)).toBe(
      '1.219 cán bộ chủ chốt, 1.212 người có trình độ từ đại học trở lên (99,4%), 76 người có trình độ cao cấp, cử nhân lý luận chính trị',
    );
  });

  it('has no share for a unit without key cadres', () => {
    const summary = summarizeCompliance([]);
    expect(summary).toMatchObject({ totalPeople: 0, meetingShare: null });
    expect(describeSummaryVi(summary)).toBe(
      '0 cán bộ chủ chốt, 0 người có trình độ từ đại học trở lên (—), 0 người có trình độ cao cấp, cử nhân lý luận chính trị',
    );
  });
});
