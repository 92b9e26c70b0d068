import { describe, it, expect } from 'vitest';
import { foreignLanguage, itSkill, politicalTheory, professionalEducation, stateManagement, type LevelParseResult } from './qualifications.js';

function levelOf<C extends string>(result: LevelParseResult<C>): C | null {
  if (!result.ok) throw new Error(`expected a level, got: ${result.message}`);
  return result.level;
}

describe('professional education scale', () => {
  it('orders levels low to high as in Decree 33/2023 practice', () => {
    expect(professionalEducation.codes).toEqual(['none', 'thpt', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si']);
    expect(professionalEducation.compareLevel('trung_cap', 'cao_dang')).toBeLessThan(0);
    expect(professionalEducation.compareLevel('thac_si', 'dai_hoc')).toBeGreaterThan(0);
    expect(professionalEducation.compareLevel('dai_hoc', 'dai_hoc')).toBe(0);
  });

  it('checks the university standard for key titles', () => {
    expect(professionalEducation.atLeast('dai_hoc', 'dai_hoc')).toBe(true);
    expect(professionalEducation.atLeast('thac_si', 'dai_hoc')).toBe(true);
    expect(professionalEducation.atLeast('tien_si', 'dai_hoc')).toBe(true);
    expect(professionalEducation.atLeast('cao_dang', 'dai_hoc')).toBe(false);
    expect(professionalEducation.atLeast('thpt', 'trung_cap')).toBe(false);
  });

  it('never lets a missing level meet a minimum', () => {
    expect(professionalEducation.atLeast(null, 'none')).toBe(false);
    expect(professionalEducation.atLeast(undefined, 'trung_cap')).toBe(false);
  });

  it('finds the highest of several degrees, skipping blanks', () => {
    expect(professionalEducation.highestLevel(['dai_hoc', null, 'thac_si', 'cao_dang', undefined])).toBe('thac_si');
    expect(professionalEducation.highestLevel([null, undefined])).toBeNull();
    expect(professionalEducation.highestLevel([])).toBeNull();
  });

  it('labels levels in Vietnamese and English', () => {
    expect(professionalEducation.labelVi('thac_si')).toBe('Thạc sĩ');
    expect(professionalEducation.labelEn('thac_si')).toBe("Master's degree");
    expect(professionalEducation.levels.every((l) => l.labelVi !== '' && l.labelEn !== '')).toBe(true);
  });

  it('knows its own codes', () => {
    expect(professionalEducation.isLevel('dai_hoc')).toBe(true);
    expect(professionalEducation.isLevel('cao_cap')).toBe(false);
    expect(professionalEducation.isLevel(3)).toBe(false);
  });

  it('refuses to compare an unknown code instead of guessing', () => {
    expect(() => professionalEducation.compareLevel('dai_hoc', 'cu_nhan' as never)).toThrow(RangeError);
  });

  it.each([
    ['ĐH', 'dai_hoc'],
    ['Đại học', 'dai_hoc'],
    ['đại học', 'dai_hoc'],
    ['ĐẠI HỌC', 'dai_hoc'],
    ['Đại học Luật', 'dai_hoc'],
    ['ĐH-Kinh tế', 'dai_hoc'],
    ['Tốt nghiệp đại học', 'dai_hoc'],
    ['Cử nhân', 'dai_hoc'],
    ['Cử nhân Kinh tế', 'dai_hoc'],
    ['Kỹ sư', 'dai_hoc'],
    ['Kỹ sư nông nghiệp', 'dai_hoc'],
    ['Bác sĩ', 'dai_hoc'],
    ['Bác sỹ', 'dai_hoc'],
    ['Thạc sỹ', 'thac_si'],
    ['Thạc sĩ', 'thac_si'],
    ['Thạc sĩ Quản lý kinh tế', 'thac_si'],
    ['ThS', 'thac_si'],
    ['Th.S', 'thac_si'],
    ['Tiến sỹ', 'tien_si'],
    ['Tiến sĩ', 'tien_si'],
    ['TS', 'tien_si'],
    ['Cao đẳng', 'cao_dang'],
    ['CĐ', 'cao_dang'],
    ['Trung cấp', 'trung_cap'],
    ['TC', 'trung_cap'],
    ['THPT', 'thpt'],
    ['12/12', 'thpt'],
    ['10/10', 'thpt'],
    ['Chưa qua đào tạo', 'none'],
  ])('reads %j as %s', (text, level) => {
    expect(levelOf(professionalEducation.parse(text))).toBe(level);
  });

  it('reads NFD input, stray spaces and non-breaking spaces', () => {
    expect(levelOf(professionalEducation.parse('Thạc sĩ'.normalize('NFD')))).toBe('thac_si');
    expect(levelOf(professionalEducation.parse('  Đại\u00A0  học  '))).toBe('dai_hoc');
    expect(levelOf(professionalEducation.parse('\tĐH\n'))).toBe('dai_hoc');
  });

  it('treats a blank cell as no level, not an error', () => {
    expect(professionalEducation.parse('')).toEqual({ ok: true, level: null });
    expect(professionalEducation.parse('   ')).toEqual({ ok: true, level: null });
    expect(professionalEducation.parse(null)).toEqual({ ok: true, level: null });
    expect(professionalEducation.parse(undefined)).toEqual({ ok: true, level: null });
  });

  it('rejects unknown text with a Vietnamese message listing accepted values', () => {
    const r = professionalEducation.parse('Đang học');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('Không nhận ra trình độ chuyên môn «Đang học»');
      expect(r.message).toContain('Đại học (ĐH, Cử nhân, Kỹ sư, Bác sĩ)');
      expect(r.message).toContain('Thạc sĩ (ThS)');
    }
  });

  it('does not read a word that merely begins like an abbreviation', () => {
    expect(professionalEducation.parse('TSKT').ok).toBe(false);
    expect(professionalEducation.parse('Dhaka').ok).toBe(false);
  });
});

describe('political theory scale', () => {
  it('orders sơ cấp < trung cấp < cao cấp', () => {
    expect(politicalTheory.codes).toEqual(['so_cap', 'trung_cap', 'cao_cap']);
    expect(politicalTheory.compareLevel('so_cap', 'trung_cap')).toBeLessThan(0);
    expect(politicalTheory.compareLevel('cao_cap', 'trung_cap')).toBeGreaterThan(0);
  });

  it('checks the intermediate standard for HĐND/UBND chairs (Decree 33/2023 art. 8)', () => {
    expect(politicalTheory.atLeast('trung_cap', 'trung_cap')).toBe(true);
    expect(politicalTheory.atLeast('cao_cap', 'trung_cap')).toBe(true);
    expect(politicalTheory.atLeast('so_cap', 'trung_cap')).toBe(false);
    expect(politicalTheory.atLeast(null, 'so_cap')).toBe(false);
  });

  it.each([
    ['Sơ cấp', 'so_cap'],
    ['SC', 'so_cap'],
    ['Trung cấp', 'trung_cap'],
    ['TC', 'trung_cap'],
    ['Trung cấp lý luận chính trị', 'trung_cap'],
    ['TCLLCT', 'trung_cap'],
    ['Trung cấp LLCT - hành chính', 'trung_cap'],
    ['Cao cấp', 'cao_cap'],
    ['CC', 'cao_cap'],
    ['Cao cấp lý luận chính trị', 'cao_cap'],
    ['Lý luận chính trị cao cấp', 'cao_cap'],
    ['CCLLCT', 'cao_cap'],
    ['Cử nhân chính trị', 'cao_cap'],
    ['Cử nhân', 'cao_cap'],
    ['CNCT', 'cao_cap'],
    ['cử nhân chính trị'.normalize('NFD'), 'cao_cap'],
  ])('reads %j as %s', (text, level) => {
    expect(levelOf(politicalTheory.parse(text))).toBe(level);
  });

  it('reads "không" and "chưa có" as no level', () => {
    expect(politicalTheory.parse('Không')).toEqual({ ok: true, level: null });
    expect(politicalTheory.parse('Chưa có')).toEqual({ ok: true, level: null });
  });

  it('rejects unknown text listing the accepted values', () => {
    const r = politicalTheory.parse('Đại học');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe(
        'Không nhận ra trình độ lý luận chính trị «Đại học». Giá trị hợp lệ: Sơ cấp (SC), Trung cấp (TC), Cao cấp (CC), Cử nhân chính trị (CNCT); để trống nếu chưa có.',
      );
    }
  });

  it('labels cao cấp together with cử nhân', () => {
    expect(politicalTheory.labelVi('cao_cap')).toBe('Cao cấp, cử nhân');
  });
});

describe('state management scale', () => {
  it('orders chuyên viên < chuyên viên chính < chuyên viên cao cấp', () => {
    expect(stateManagement.codes).toEqual(['chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap']);
    expect(stateManagement.atLeast('chuyen_vien_chinh', 'chuyen_vien')).toBe(true);
    expect(stateManagement.atLeast('chuyen_vien', 'chuyen_vien_chinh')).toBe(false);
    expect(stateManagement.highestLevel(['chuyen_vien_cao_cap', 'chuyen_vien'])).toBe('chuyen_vien_cao_cap');
  });

  it.each([
    ['Chuyên viên', 'chuyen_vien'],
    ['CV', 'chuyen_vien'],
    ['Chuyên viên chính', 'chuyen_vien_chinh'],
    ['CVC', 'chuyen_vien_chinh'],
    ['Chuyên viên cao cấp', 'chuyen_vien_cao_cap'],
    ['CVCC', 'chuyen_vien_cao_cap'],
    ['Quản lý nhà nước ngạch chuyên viên', 'chuyen_vien'],
    ['QLNN ngạch chuyên viên chính', 'chuyen_vien_chinh'],
    ['Chứng chỉ bồi dưỡng QLNN ngạch CVCC', 'chuyen_vien_cao_cap'],
    ['Ngạch chuyên viên', 'chuyen_vien'],
    ['  chuyên   viên   chính ', 'chuyen_vien_chinh'],
  ])('reads %j as %s', (text, level) => {
    expect(levelOf(stateManagement.parse(text))).toBe(level);
  });

  it('rejects "Cán sự" with the accepted values', () => {
    const r = stateManagement.parse('Cán sự');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Chuyên viên chính (CVC)');
  });
});

describe('IT scale', () => {
  it('orders cơ bản < nâng cao', () => {
    expect(itSkill.codes).toEqual(['co_ban', 'nang_cao']);
    expect(itSkill.atLeast('nang_cao', 'co_ban')).toBe(true);
    expect(itSkill.atLeast('co_ban', 'nang_cao')).toBe(false);
  });

  it.each([
    ['Cơ bản', 'co_ban'],
    ['Ứng dụng CNTT cơ bản', 'co_ban'],
    ['Chứng chỉ ứng dụng CNTT cơ bản', 'co_ban'],
    ['Chuẩn kỹ năng sử dụng CNTT cơ bản', 'co_ban'],
    ['Nâng cao', 'nang_cao'],
    ['Ứng dụng CNTT nâng cao', 'nang_cao'],
    ['Tin học A', 'co_ban'],
    ['Tin học B', 'co_ban'],
    ['Chứng chỉ tin học C', 'co_ban'],
    ['Tin học văn phòng', 'co_ban'],
  ])('reads %j as %s', (text, level) => {
    expect(levelOf(itSkill.parse(text))).toBe(level);
  });

  it('rejects "Tin học" with no level', () => {
    expect(itSkill.parse('Tin học').ok).toBe(false);
  });
});

describe('foreign language scale', () => {
  it('follows the six-level framework A1 < … < C2', () => {
    expect(foreignLanguage.codes).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
    expect(foreignLanguage.atLeast('b1', 'a2')).toBe(true);
    expect(foreignLanguage.atLeast('a2', 'b1')).toBe(false);
    expect(foreignLanguage.labelVi('b1')).toBe('Bậc 3 (B1)');
  });

  it.each([
    ['B1', 'b1'],
    ['b2', 'b2'],
    ['Tiếng Anh B1', 'b1'],
    ['Tiếng Pháp A2', 'a2'],
    ['Bậc 3', 'b1'],
    ['Bậc 4/6', 'b2'],
    ['Chứng chỉ A', 'a1'],
    ['Anh văn B', 'a2'],
    ['Tiếng Anh trình độ C', 'b1'],
    ['C2', 'c2'],
    ['Tiếng Anh B1, tiếng Trung A2', 'b1'],
  ])('reads %j as %s', (text, level) => {
    expect(levelOf(foreignLanguage.parse(text))).toBe(level);
  });

  it('reads blanks and "không" as no level', () => {
    expect(foreignLanguage.parse('')).toEqual({ ok: true, level: null });
    expect(foreignLanguage.parse('Không')).toEqual({ ok: true, level: null });
  });

  it('rejects text without a level', () => {
    const r = foreignLanguage.parse('Tiếng Anh');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('A1, A2, B1, B2, C1, C2');
    expect(foreignLanguage.parse('Bậc 7').ok).toBe(false);
  });
});
