import { describe, it, expect } from 'vitest';
import { COMMUNE_TITLES, TITLE_GROUP_LABELS, compareTitles, isKeyTitle, isTitleCode, parseTitle, parseTitles, titleByCode, type TitleCode } from './titles.js';

function titleOf(text: string): TitleCode | null {
  const r = parseTitle(text);
  if (!r.ok) throw new Error(r.message);
  return r.title;
}

describe('commune title catalogue', () => {
  it('marks exactly the seven posts from Vice-chair of the People’s Committee upward as key', () => {
    expect(COMMUNE_TITLES.filter((t) => t.isKey).map((t) => t.code)).toEqual([
      'bi_thu_dang_uy',
      'pho_bi_thu_thuong_truc',
      'pho_bi_thu_dang_uy',
      'chu_tich_hdnd',
      'pho_chu_tich_hdnd',
      'chu_tich_ubnd',
      'pho_chu_tich_ubnd',
    ]);
  });

  it('keeps heads of the Front and mass organisations as non-key cadres', () => {
    for (const code of ['chu_tich_mttq', 'bi_thu_doan_thanh_nien', 'chu_tich_hoi_phu_nu', 'chu_tich_hoi_nong_dan', 'chu_tich_hoi_cuu_chien_binh'] as const) {
      expect(isKeyTitle(code)).toBe(false);
    }
    expect(titleByCode('chu_tich_mttq').group).toBe('front');
    expect(titleByCode('chu_tich_hoi_nong_dan').group).toBe('mass_org');
  });

  it('lists the six civil-servant titles of Decree 33/2023, without the commune police chief', () => {
    expect(COMMUNE_TITLES.filter((t) => t.group === 'civil_servant').map((t) => t.shortNameVi)).toEqual([
      'Chỉ huy trưởng QS',
      'Văn phòng - thống kê',
      'Địa chính - xây dựng',
      'Tài chính - kế toán',
      'Tư pháp - hộ tịch',
      'Văn hóa - xã hội',
    ]);
    expect(COMMUNE_TITLES.some((t) => t.nameVi.toLowerCase().includes('công an'))).toBe(false);
  });

  it('has unique codes and names in both languages for every title and group', () => {
    expect(new Set(COMMUNE_TITLES.map((t) => t.code)).size).toBe(COMMUNE_TITLES.length);
    for (const t of COMMUNE_TITLES) {
      expect(t.nameVi).not.toBe('');
      expect(t.nameEn).not.toBe('');
      expect(TITLE_GROUP_LABELS[t.group].vi).not.toBe('');
    }
  });

  it('recognises its codes', () => {
    expect(isTitleCode('chu_tich_ubnd')).toBe(true);
    expect(isTitleCode('truong_cong_an')).toBe(false);
    expect(isTitleCode(undefined)).toBe(false);
    expect(() => titleByCode('truong_cong_an' as TitleCode)).toThrow(RangeError);
  });

  it('sorts by protocol order', () => {
    const codes: TitleCode[] = ['pho_chu_tich_ubnd', 'chu_tich_mttq', 'bi_thu_dang_uy', 'chu_tich_hdnd'];
    expect(codes.sort(compareTitles)).toEqual(['bi_thu_dang_uy', 'chu_tich_hdnd', 'pho_chu_tich_ubnd', 'chu_tich_mttq']);
  });
});

describe('parseTitle', () => {
  it.each<[string, TitleCode]>([
    ['Bí thư Đảng ủy', 'bi_thu_dang_uy'],
    ['Bí thư ĐU', 'bi_thu_dang_uy'],
    ['BT', 'bi_thu_dang_uy'],
    ['Bí thư', 'bi_thu_dang_uy'],
    ['BÍ THƯ ĐẢNG ỦY XÃ QUẢNG MINH', 'bi_thu_dang_uy'],
    ['Bí thư Đảng uỷ', 'bi_thu_dang_uy'],
    ['PBT', 'pho_bi_thu_dang_uy'],
    ['Phó bí thư', 'pho_bi_thu_dang_uy'],
    ['Phó Bí thư Đảng ủy', 'pho_bi_thu_dang_uy'],
    ['P.BT ĐU', 'pho_bi_thu_dang_uy'],
    ['PBT TT', 'pho_bi_thu_thuong_truc'],
    ['Phó Bí thư Thường trực Đảng ủy', 'pho_bi_thu_thuong_truc'],
    ['Phó Bí thư Đảng ủy thường trực', 'pho_bi_thu_thuong_truc'],
    ['CT HĐND', 'chu_tich_hdnd'],
    ['Chủ tịch Hội đồng nhân dân', 'chu_tich_hdnd'],
    ['PCT HĐND', 'pho_chu_tich_hdnd'],
    ['Phó Chủ tịch HĐND xã', 'pho_chu_tich_hdnd'],
    ['CT UBND', 'chu_tich_ubnd'],
    ['Chủ tịch UBND', 'chu_tich_ubnd'],
    ['Chủ tịch Ủy ban nhân dân xã Nghĩa Hưng', 'chu_tich_ubnd'],
    ['Chủ tịch xã', 'chu_tich_ubnd'],
    ['PCT UBND', 'pho_chu_tich_ubnd'],
    ['P.CT UBND', 'pho_chu_tich_ubnd'],
    ['Phó Chủ tịch UBND phụ trách kinh tế', 'pho_chu_tich_ubnd'],
    ['Phó Chủ tịch phường', 'pho_chu_tich_ubnd'],
    ['Chủ tịch MTTQ', 'chu_tich_mttq'],
    ['Chủ tịch UB MTTQ', 'chu_tich_mttq'],
    ['Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'chu_tich_mttq'],
    ['Bí thư Đoàn', 'bi_thu_doan_thanh_nien'],
    ['Bí thư Đoàn TNCS HCM', 'bi_thu_doan_thanh_nien'],
    ['Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'bi_thu_doan_thanh_nien'],
    ['Chủ tịch Hội LHPN', 'chu_tich_hoi_phu_nu'],
    ['Chủ tịch Hội Phụ nữ', 'chu_tich_hoi_phu_nu'],
    ['CT Hội Liên hiệp Phụ nữ', 'chu_tich_hoi_phu_nu'],
    ['Chủ tịch Hội Nông dân', 'chu_tich_hoi_nong_dan'],
    ['CT HND', 'chu_tich_hoi_nong_dan'],
    ['Chủ tịch Hội Cựu chiến binh', 'chu_tich_hoi_cuu_chien_binh'],
    ['CT Hội CCB', 'chu_tich_hoi_cuu_chien_binh'],
    ['Chỉ huy trưởng Ban CHQS', 'chi_huy_truong_quan_su'],
    ['Chỉ huy trưởng Ban Chỉ huy Quân sự xã', 'chi_huy_truong_quan_su'],
    ['CHT BCHQS', 'chi_huy_truong_quan_su'],
    ['Chỉ huy trưởng', 'chi_huy_truong_quan_su'],
    ['Văn phòng - thống kê', 'van_phong_thong_ke'],
    ['VP-TK', 'van_phong_thong_ke'],
    ['Công chức Văn phòng - Thống kê', 'van_phong_thong_ke'],
    ['Địa chính - xây dựng - đô thị và môi trường', 'dia_chinh_xay_dung'],
    ['Địa chính - nông nghiệp - xây dựng và môi trường', 'dia_chinh_xay_dung'],
    ['ĐC-XD', 'dia_chinh_xay_dung'],
    ['Tài chính - kế toán', 'tai_chinh_ke_toan'],
    ['Kế toán', 'tai_chinh_ke_toan'],
    ['Tư pháp - hộ tịch', 'tu_phap_ho_tich'],
    ['TP-HT', 'tu_phap_ho_tich'],
    ['Văn hóa - xã hội', 'van_hoa_xa_hoi'],
    ['Văn hoá - Xã hội', 'van_hoa_xa_hoi'],
  ])('reads %j as %s', (text, code) => {
    expect(titleOf(text)).toBe(code);
  });

  it('reads NFD input and stray spaces', () => {
    expect(titleOf('  Phó   Chủ tịch\u00A0UBND '.normalize('NFD'))).toBe('pho_chu_tich_ubnd');
    expect(titleOf('Bí thư Đảng ủy'.normalize('NFD'))).toBe('bi_thu_dang_uy');
  });

  it('treats a blank cell as no title', () => {
    expect(parseTitle('')).toEqual({ ok: true, title: null });
    expect(parseTitle(' ')).toEqual({ ok: true, title: null });
    expect(parseTitle(null)).toEqual({ ok: true, title: null });
  });

  it('does not mistake other posts for commune posts', () => {
    for (const text of ['Bí thư chi bộ thôn', 'Phó Bí thư Đoàn', 'Văn phòng Đảng ủy', 'Trưởng Công an xã', 'Chủ tịch', 'Trưởng thôn']) {
      expect(parseTitle(text).ok).toBe(false);
    }
  });

  it('explains the accepted ways of writing a post', () => {
    const r = parseTitle('Trưởng Công an xã');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('Không nhận ra chức vụ «Trưởng Công an xã»');
      expect(r.message).toContain('Phó Chủ tịch UBND (PCT UBND)');
      expect(r.message).toContain('Phó Bí thư thường trực (PBT TT)');
    }
  });
});

describe('parseTitles', () => {
  it('reads concurrent posts joined by "kiêm" or commas, in protocol order', () => {
    expect(parseTitles('Bí thư Đảng ủy kiêm Chủ tịch HĐND')).toEqual({
      ok: true,
      titles: ['bi_thu_dang_uy', 'chu_tich_hdnd'],
    });
    expect(parseTitles('CT UBND, PBT')).toEqual({ ok: true, titles: ['pho_bi_thu_dang_uy', 'chu_tich_ubnd'] });
    expect(parseTitles('Phó Bí thư Đảng ủy; Chủ tịch UBND xã')).toEqual({
      ok: true,
      titles: ['pho_bi_thu_dang_uy', 'chu_tich_ubnd'],
    });
  });

  it('skips place names after a comma', () => {
    expect(parseTitles('Chủ tịch UBND xã Nghĩa Hưng, huyện Lạng Giang, tỉnh Bắc Giang')).toEqual({
      ok: true,
      titles: ['chu_tich_ubnd'],
    });
  });

  it('drops duplicates and blanks', () => {
    expect(parseTitles('PCT UBND, Phó Chủ tịch UBND, ')).toEqual({ ok: true, titles: ['pho_chu_tich_ubnd'] });
    expect(parseTitles('')).toEqual({ ok: true, titles: [] });
  });

  it('fails on the first post it cannot read', () => {
    const r = parseTitles('Bí thư Đảng ủy kiêm Trưởng thôn');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('«Trưởng thôn»');
  });
});
