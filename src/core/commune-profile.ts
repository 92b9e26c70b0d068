/** What an administrator records about a commune besides its territory: its area class and weak-unit designations. */

/** The area a commune lies in; more than one may apply (a mountain border commune). */
export const AREA_FLAGS = ['dong_bang', 'mien_nui', 'bien_gioi', 'hai_dao', 'dan_toc', 'dac_biet_kho_khan'] as const;
export type AreaFlag = (typeof AREA_FLAGS)[number];

/** The fields a commune can be designated weak or lagging in. */
export const WEAK_FIELDS = [
  'xay_dung_dang',
  'chinh_quyen',
  'kinh_te',
  'tai_chinh_ngan_sach',
  'dat_dai_moi_truong',
  'an_ninh_trat_tu',
  'khieu_nai_to_cao',
  'doan_ket_noi_bo',
  'van_hoa_xa_hoi',
  'khac',
] as const;
export type WeakField = (typeof WEAK_FIELDS)[number];

/** Relaxed standards (Decree 33/2023, art. 8) apply outside the plains. */
export function isDisadvantagedArea(flags: readonly AreaFlag[]): boolean {
  return flags.length > 0 && !flags.includes('dong_bang');
}
