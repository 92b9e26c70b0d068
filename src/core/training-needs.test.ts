import { describe, it, expect } from 'vitest';
import { assessCompliance, type ComplianceResult, type PostFacts } from './compliance.js';
import type { PoliticalTheoryLevel, ProfessionalLevel } from './qualifications.js';
import { STANDARD_RULES } from './standard-sets.js';
import type { TitleCode } from './titles.js';
import { COURSE_TYPES, closingCourseType } from './course-types.js';
import { DEFAULT_FOCUS_FIELDS, proposeTrainees, quotasFromPlan, type FocusField, type TraineeProposal, type TrainingCandidate } from './training-needs.js';

const REVIEW_DATE = '2025-08-01';

function assessed(titleCode: TitleCode, professional: ProfessionalLevel, theory: PoliticalTheoryLevel | null, more: Partial<PostFacts> = {}): ComplianceResult {
  return assessCompliance({
    person: { sex: 'male', birthDate: '1968-01-10', birthPrecision: 'day' },
    post: { titleCode, startDate: '2025-07-01', ...more },
    levelsOnDate: { professional, politicalTheory: theory, stateManagement: null },
    areaClass: 'plains',
    date: REVIEW_DATE,
    rules: STANDARD_RULES,
  });
}

function candidate(personId: string, compliance: ComplianceResult[], more: Partial<TrainingCandidate> = {}): TrainingCandidate {
  return {
    personId,
    posts: compliance.map((c) => c.titleCode),
    compliance,
    firstTermInPartyCommittee: false,
    alreadyTrainedCourseTypes: [],
    ...more,
  };
}

function focus(...codes: FocusField['code'][]): FocusField[] {
  return DEFAULT_FOCUS_FIELDS.filter((f) => codes.includes(f.code));
}

function brief(proposals: TraineeProposal[]): [string, string, string, number][] {
  return proposals.map((p) => [p.personId, p.courseType, p.reason, p.priority]);
}

describe('course catalogue', () => {
  it('names the least course that closes a gap', () => {
    expect(closingCourseType({ scale: 'political_theory', level: 'so_cap' })).toBe('trung_cap_llct');
    expect(closingCourseType({ scale: 'political_theory', level: 'trung_cap' })).toBe('trung_cap_llct');
    expect(closingCourseType({ scale: 'political_theory', level: 'cao_cap' })).toBe('cao_cap_llct');
    expect(closingCourseType({ scale: 'professional', level: 'trung_cap' })).toBe('dai_hoc');
    expect(closingCourseType({ scale: 'professional', level: 'thac_si' })).toBeUndefined();
    expect(closingCourseType({ scale: 'state_management', level: 'chuyen_vien' })).toBe('qlnn_chuyen_vien');
    expect(closingCourseType({ scale: 'state_management', level: 'chuyen_vien_chinh' })).toBe('qlnn_chuyen_vien_chinh');
    expect(closingCourseType({ scale: 'state_management', level: 'chuyen_vien_cao_cap' })).toBeUndefined();
  });

  it('has a course for each focus field the article lists, and every mapped title is a key post', () => {
    const codes = COURSE_TYPES.map((c) => c.code);
    expect(DEFAULT_FOCUS_FIELDS.map((f) => [f.code, codes.includes(f.courseType)])).toEqual([
      ['xay_dung_dang', true],
      ['tai_chinh', true],
      ['dat_dai', true],
      ['tu_phap', true],
      ['ldtbxh', true],
    ]);
    expect(COURSE_TYPES.find((c) => c.code === 'trung_cap_llct')?.nameVi).toBe('Trung cấp lý luận chính trị');
  });
});

describe('proposeTrainees', () => {
  it('proposes the trung cấp course to a Vice-chair with sơ cấp political theory, and the year’s land course', () => {
    const viceChair = candidate('a', [assessed('pho_chu_tich_ubnd', 'dai_hoc', 'so_cap')]);
    expect(proposeTrainees({ year: 2025, people: [viceChair], focusFields: focus('dat_dai', 'xay_dung_dang') })).toEqual([
      {
        personId: 'a',
        courseType: 'trung_cap_llct',
        reason: 'gap',
        reasonText: 'Lý luận chính trị: sơ cấp, cần trung cấp trở lên (Phó Chủ tịch UBND)',
        reasonTextEn: "Political theory: elementary, intermediate or higher required (Vice-chair of the People's Committee)",
        priority: 1,
        titleCodes: ['pho_chu_tich_ubnd'],
      },
      {
        personId: 'a',
        courseType: 'dat_dai',
        reason: 'focus_field',
        reasonText: 'Lĩnh vực trọng tâm năm 2025: Quản lý đất đai (Phó Chủ tịch UBND)',
        reasonTextEn: "Focus field for 2025: Land management (Vice-chair of the People's Committee)",
        priority: 3,
        titleCodes: ['pho_chu_tich_ubnd'],
      },
    ]);
  });

  it('does not propose a course the person is enrolled in or has completed, nor a lower one it makes useless', () => {
    const gap = [assessed('pho_chu_tich_ubnd', 'dai_hoc', 'so_cap')];
    const enrolled = candidate('b', gap, { alreadyTrainedCourseTypes: ['trung_cap_llct'] });
    const inCaoCap = candidate('c', gap, { alreadyTrainedCourseTypes: ['cao_cap_llct'] });
    const landDone = candidate('d', gap, { alreadyTrainedCourseTypes: ['dat_dai'] });
    expect(brief(proposeTrainees({ year: 2025, people: [enrolled, inCaoCap, landDone], focusFields: focus('dat_dai') }))).toEqual([
      ['d', 'trung_cap_llct', 'gap', 1],
      ['b', 'dat_dai', 'focus_field', 3],
      ['c', 'dat_dai', 'focus_field', 3],
    ]);
  });

  it('gives a new Party Secretary who also chairs the Council one place per course, naming both posts', () => {
    const secretary = candidate('e', [assessed('bi_thu_dang_uy', 'dai_hoc', 'so_cap'), assessed('chu_tich_hdnd', 'dai_hoc', 'so_cap')], {
      firstTermInPartyCommittee: true,
    });
    const proposals = proposeTrainees({ year: 2025, people: [secretary], focusFields: focus('xay_dung_dang', 'tai_chinh') });
    expect(brief(proposals)).toEqual([
      ['e', 'trung_cap_llct', 'gap', 1],
      ['e', 'boi_duong_bi_thu_moi', 'first_term', 2],
      ['e', 'xay_dung_dang', 'focus_field', 3],
      ['e', 'tai_chinh', 'focus_field', 3],
    ]);
    expect(proposals[0]?.reasonText).toBe('Lý luận chính trị: sơ cấp, cần trung cấp trở lên (Bí thư, Chủ tịch HĐND)');
    expect(proposals[0]?.titleCodes).toEqual(['bi_thu_dang_uy', 'chu_tich_hdnd']);
    expect(proposals[1]?.reasonText).toBe('Lần đầu tham gia cấp ủy: bồi dưỡng kỹ năng, phương pháp, nghiệp vụ công tác Đảng (Bí thư)');
  });

  it('keeps the most urgent reason when a province maps a focus field to a course already called for', () => {
    const partyWork: FocusField = { code: 'xay_dung_dang', courseType: 'boi_duong_bi_thu_moi', titleCodes: ['pho_bi_thu_dang_uy'] };
    const deputy = candidate('f', [assessed('pho_bi_thu_dang_uy', 'dai_hoc', 'trung_cap')], { firstTermInPartyCommittee: true });
    expect(brief(proposeTrainees({ year: 2026, people: [deputy], focusFields: [partyWork] }))).toEqual([['f', 'boi_duong_bi_thu_moi', 'first_term', 2]]);
  });

  it('leaves a field-of-study gap to the compliance screen, even for someone already studying', () => {
    const lawRules = STANDARD_RULES.map((r) => (r.id === 'CV-03-2025/chu-chot' ? { ...r, professionalFields: ['Luật'] } : r));
    const engineer = assessCompliance({
      person: { sex: 'male', birthDate: '1975-03-15', birthPrecision: 'day' },
      post: { titleCode: 'chu_tich_ubnd', startDate: '2025-07-01' },
      levelsOnDate: { professional: 'dai_hoc', professionalField: 'Kỹ sư xây dựng', politicalTheory: 'trung_cap', stateManagement: null },
      areaClass: 'plains',
      date: REVIEW_DATE,
      rules: lawRules,
    });
    expect(engineer.gaps.map((g) => g.kind)).toEqual(['professional']);
    const studying = candidate('i', [engineer], { alreadyTrainedCourseTypes: ['dai_hoc', 'trung_cap_llct'] });
    expect(proposeTrainees({ year: 2025, people: [studying], focusFields: [] })).toEqual([]);
  });

  it('offers the new-secretary course only to secretaries and deputy secretaries', () => {
    const chair = candidate('g', [assessed('chu_tich_ubnd', 'dai_hoc', 'trung_cap')], { firstTermInPartyCommittee: true });
    expect(proposeTrainees({ year: 2025, people: [chair], focusFields: [] })).toEqual([]);
  });

  it('proposes no course for a gap no course closes: too little working time left', () => {
    // Born 10/01/1968: 55 months left on 01/07/2025, 60 needed for a first election.
    const chair = candidate('h', [assessed('chu_tich_ubnd', 'dai_hoc', 'trung_cap', { isFirstAppointment: true })]);
    expect(chair.compliance[0]?.status).toBe('does_not_meet');
    expect(brief(proposeTrainees({ year: 2025, people: [chair], focusFields: focus('tu_phap') }))).toEqual([['h', 'tu_phap', 'focus_field', 3]]);
  });

  it('orders gaps first, then first terms, then focus fields, keeping the order of people within each', () => {
    const late = candidate('late', [assessed('chu_tich_ubnd', 'dai_hoc', 'trung_cap')]);
    const early = candidate('early', [assessed('pho_bi_thu_dang_uy', 'cao_dang', 'trung_cap')], { firstTermInPartyCommittee: true });
    expect(brief(proposeTrainees({ year: 2025, people: [late, early], focusFields: focus('ldtbxh', 'xay_dung_dang') }))).toEqual([
      ['early', 'dai_hoc', 'gap', 1],
      ['early', 'boi_duong_bi_thu_moi', 'first_term', 2],
      ['late', 'ldtbxh', 'focus_field', 3],
      ['early', 'xay_dung_dang', 'focus_field', 3],
    ]);
  });
});

describe('quotasFromPlan', () => {
  it('counts places by course type, field and unit, once per person and course', () => {
    const place = (personId: string, courseType: TraineeProposal['courseType']) => ({ personId, courseType });
    const unitOf = (personId: string) => (personId.startsWith('qs') ? 'Xã Quỳnh Sơn' : 'Xã Quảng Minh');
    const quotas = quotasFromPlan(
      [
        place('qs1', 'trung_cap_llct'),
        place('qs1', 'dat_dai'),
        place('qs2', 'trung_cap_llct'),
        place('qs2', 'trung_cap_llct'),
        place('qm1', 'boi_duong_bi_thu_moi'),
        place('qm1', 'xay_dung_dang'),
        place('qm2', 'dai_hoc'),
      ],
      unitOf,
    );
    expect(quotas).toEqual({
      places: 6,
      people: 4,
      byCourseType: [
        { courseType: 'trung_cap_llct', count: 2 },
        { courseType: 'dai_hoc', count: 1 },
        { courseType: 'boi_duong_bi_thu_moi', count: 1 },
        { courseType: 'xay_dung_dang', count: 1 },
        { courseType: 'dat_dai', count: 1 },
      ],
      byField: [
        { field: 'ly_luan_chinh_tri', count: 2 },
        { field: 'chuyen_mon', count: 1 },
        { field: 'xay_dung_dang', count: 2 },
        { field: 'dat_dai', count: 1 },
      ],
      byUnit: [
        {
          unitId: 'Xã Quảng Minh',
          places: 3,
          byCourseType: [
            { courseType: 'dai_hoc', count: 1 },
            { courseType: 'boi_duong_bi_thu_moi', count: 1 },
            { courseType: 'xay_dung_dang', count: 1 },
          ],
        },
        {
          unitId: 'Xã Quỳnh Sơn',
          places: 3,
          byCourseType: [
            { courseType: 'trung_cap_llct', count: 2 },
            { courseType: 'dat_dai', count: 1 },
          ],
        },
      ],
    });
  });
});
