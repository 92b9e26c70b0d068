import { foldForMatching, normalizeText } from './text.js';

export type TitleGroup = 'party' | 'council' | 'committee' | 'front' | 'mass_org' | 'civil_servant';

export const TITLE_GROUP_LABELS: Readonly<Record<TitleGroup, { vi: string; en: string }>> = {
  party: { vi: 'Đảng ủy', en: 'Party Committee' },
  council: { vi: 'Hội đồng nhân dân', en: "People's Council" },
  committee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  mass_org: { vi: 'Tổ chức chính trị - xã hội', en: 'Socio-political organisations' },
  civil_servant: { vi: 'Công chức cấp xã', en: 'Commune civil servants' },
};

export interface CommuneTitle {
  code: string;
  nameVi: string;
  shortNameVi: string;
  nameEn: string;
  group: TitleGroup;
  /** Key cadre (cán bộ chủ chốt): Vice-chair of the People's Committee and above. */
  isKey: boolean;
}

/**
 * Commune posts in protocol order, which is also the order of lists and
 * reports. Cadres per Decree 33/2023/NĐ-CP art. 4–5; the six civil-servant
 * titles per its art. 5 (the commune police chief is no longer one: the
 * post is held by regular police since the 2018 Law on People's Public Security).
 */
export const COMMUNE_TITLES = [
  {
    code: 'bi_thu_dang_uy',
    nameVi: 'Bí thư Đảng ủy',
    shortNameVi: 'Bí thư',
    nameEn: 'Secretary of the Party Committee',
    group: 'party',
    isKey: true,
  },
  {
    code: 'pho_bi_thu_thuong_truc',
    nameVi: 'Phó Bí thư thường trực Đảng ủy',
    shortNameVi: 'Phó Bí thư TT',
    nameEn: 'Standing Deputy Secretary of the Party Committee',
    group: 'party',
    isKey: true,
  },
  {
    code: 'pho_bi_thu_dang_uy',
    nameVi: 'Phó Bí thư Đảng ủy',
    shortNameVi: 'Phó Bí thư',
    nameEn: 'Deputy Secretary of the Party Committee',
    group: 'party',
    isKey: true,
  },
  {
    code: 'chu_tich_hdnd',
    nameVi: 'Chủ tịch Hội đồng nhân dân',
    shortNameVi: 'Chủ tịch HĐND',
    nameEn: "Chair of the People's Council",
    group: 'council',
    isKey: true,
  },
  {
    code: 'pho_chu_tich_hdnd',
    nameVi: 'Phó Chủ tịch Hội đồng nhân dân',
    shortNameVi: 'Phó Chủ tịch HĐND',
    nameEn: "Vice-chair of the People's Council",
    group: 'council',
    isKey: true,
  },
  {
    code: 'chu_tich_ubnd',
    nameVi: 'Chủ tịch Ủy ban nhân dân',
    shortNameVi: 'Chủ tịch UBND',
    nameEn: "Chair of the People's Committee",
    group: 'committee',
    isKey: true,
  },
  {
    code: 'pho_chu_tich_ubnd',
    nameVi: 'Phó Chủ tịch Ủy ban nhân dân',
    shortNameVi: 'Phó Chủ tịch UBND',
    nameEn: "Vice-chair of the People's Committee",
    group: 'committee',
    isKey: true,
  },
  {
    code: 'chu_tich_mttq',
    nameVi: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam',
    shortNameVi: 'Chủ tịch MTTQ',
    nameEn: 'Chair of the Vietnam Fatherland Front Committee',
    group: 'front',
    isKey: false,
  },
  {
    code: 'bi_thu_doan_thanh_nien',
    nameVi: 'Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    shortNameVi: 'Bí thư Đoàn',
    nameEn: 'Secretary of the Ho Chi Minh Communist Youth Union',
    group: 'mass_org',
    isKey: false,
  },
  {
    code: 'chu_tich_hoi_phu_nu',
    nameVi: 'Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam',
    shortNameVi: 'Chủ tịch Hội LHPN',
    nameEn: "Chair of the Women's Union",
    group: 'mass_org',
    isKey: false,
  },
  {
    code: 'chu_tich_hoi_nong_dan',
    nameVi: 'Chủ tịch Hội Nông dân Việt Nam',
    shortNameVi: 'Chủ tịch Hội Nông dân',
    nameEn: "Chair of the Farmers' Union",
    group: 'mass_org',
    isKey: false,
  },
  {
    code: 'chu_tich_hoi_cuu_chien_binh',
    nameVi: 'Chủ tịch Hội Cựu chiến binh Việt Nam',
    shortNameVi: 'Chủ tịch Hội CCB',
    nameEn: "Chair of the Veterans' Association",
    group: 'mass_org',
    isKey: false,
  },
  {
    code: 'chi_huy_truong_quan_su',
    nameVi: 'Chỉ huy trưởng Ban Chỉ huy Quân sự',
    shortNameVi: 'Chỉ huy trưởng QS',
    nameEn: 'Commander of the Military Command',
    group: 'civil_servant',
    isKey: false,
  },
  {
    code: 'van_phong_thong_ke',
    nameVi: 'Văn phòng - thống kê',
    shortNameVi: 'Văn phòng - thống kê',
    nameEn: 'Office and statistics',
    group: 'civil_servant',
    isKey: false,
  },
  {
    code: 'dia_chinh_xay_dung',
    nameVi: 'Địa chính - xây dựng - đô thị và môi trường (phường, thị trấn) hoặc địa chính - nông nghiệp - xây dựng và môi trường (xã)',
    shortNameVi: 'Địa chính - xây dựng',
    nameEn: 'Land administration, construction and environment',
    group: 'civil_servant',
    isKey: false,
  },
  {
    code: 'tai_chinh_ke_toan',
    nameVi: 'Tài chính - kế toán',
    shortNameVi: 'Tài chính - kế toán',
    nameEn: 'Finance and accounting',
    group: 'civil_servant',
    isKey: false,
  },
  {
    code: 'tu_phap_ho_tich',
    nameVi: 'Tư pháp - hộ tịch',
    shortNameVi: 'Tư pháp - hộ tịch',
    nameEn: 'Justice and civil status',
    group: 'civil_servant',
    isKey: false,
  },
  {
    code: 'van_hoa_xa_hoi',
    nameVi: 'Văn hóa - xã hội',
    shortNameVi: 'Văn hóa - xã hội',
    nameEn: 'Culture and social affairs',
    group: 'civil_servant',
    isKey: false,
  },
] as const satisfies readonly CommuneTitle[];

export type TitleCode = (typeof COMMUNE_TITLES)[number]['code'];

const TITLE_BY_CODE = new Map<string, CommuneTitle>(COMMUNE_TITLES.map((t) => [t.code, t]));

export function isTitleCode(value: unknown): value is TitleCode {
  return typeof value === 'string' && TITLE_BY_CODE.has(value);
}

export function titleByCode(code: TitleCode): CommuneTitle {
  const title = TITLE_BY_CODE.get(code);
  if (!title) throw new RangeError(`Unknown title code: ${JSON.stringify(code)}`);
  return title;
}

export function isKeyTitle(code: TitleCode): boolean {
  return titleByCode(code).isKey;
}

const PROTOCOL_RANK = new Map<string, number>(COMMUNE_TITLES.map((t, i) => [t.code, i]));

/** Protocol order, for sorting people by their highest post. */
export function compareTitles(a: TitleCode, b: TitleCode): number {
  const rank = (code: TitleCode) => {
    const r = PROTOCOL_RANK.get(code);
    if (r === undefined) throw new RangeError(`Unknown title code: ${JSON.stringify(code)}`);
    return r;
  };
  return rank(a) - rank(b);
}

export type TitleParseResult = { ok: true; title: TitleCode | null } | { ok: false; message: string };
export type TitlesParseResult = { ok: true; titles: TitleCode[] } | { ok: false; message: string };

// Abbreviations offices use, expanded word by word before matching.
const WORD_EXPANSIONS: Readonly<Record<string, string>> = {
  bt: 'bi thu',
  pbt: 'pho bi thu',
  ct: 'chu tich',
  pct: 'pho chu tich',
  tt: 'thuong truc',
  du: 'dang uy',
  'd/u': 'dang uy',
  ub: 'uy ban',
  ubmttq: 'mttq',
  mttqvn: 'mttq',
  mt: 'mttq',
  dtn: 'doan thanh nien',
  tn: 'thanh nien',
  tncs: 'thanh nien cong san',
  hcm: 'ho chi minh',
  hlhpn: 'hoi phu nu',
  lhpn: 'phu nu',
  hpn: 'hoi phu nu',
  pn: 'phu nu',
  hnd: 'hoi nong dan',
  nd: 'nong dan',
  hccb: 'hoi cuu chien binh',
  ccb: 'cuu chien binh',
  cht: 'chi huy truong',
  bchqs: 'ban chi huy quan su',
  chqs: 'chi huy quan su',
  bch: 'ban chi huy',
  qs: 'quan su',
  vp: 'van phong',
  tk: 'thong ke',
  dc: 'dia chinh',
  tc: 'tai chinh',
  kt: 'ke toan',
  tp: 'tu phap',
  ht: 'ho tich',
  vh: 'van hoa',
  xh: 'xa hoi',
};

const PHRASE_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/\buy ban nhan dan\b/g, 'ubnd'],
  [/\bhoi dong nhan dan\b/g, 'hdnd'],
  [/\b(?:uy ban )?(?:mat tran(?: to quoc)?|mttq)(?: viet nam)?\b/g, 'mttq'],
  [/\bthanh nien(?: cong san)?(?: ho chi minh)?\b/g, 'thanh nien'],
  [/\b(?:hoi )?(?:lien hiep )?phu nu(?: viet nam)?\b/g, 'hoi phu nu'],
  [/\b(?:hoi )?nong dan(?: viet nam)?\b/g, 'hoi nong dan'],
  [/\b(?:hoi )?cuu chien binh(?: viet nam)?\b/g, 'hoi cuu chien binh'],
  [/\b(?:ban )?(?:chi huy )?quan su\b/g, 'quan su'],
  [/^cong chuc /, ''],
];

const PLACE_WORDS = '(?:xa|phuong|thi tran|dac khu)';
// Short posts ("Bí thư", "Văn phòng") may only be followed by the place, so
// that "Bí thư chi bộ" or "Văn phòng Đảng ủy" are not mistaken for them.
const PLACE_TAIL = `(?: ${PLACE_WORDS}(?: .*)?)?$`;
// Posts naming their body may be followed by anything: "PCT UBND phụ trách kinh tế".
const ANY_TAIL = '(?: .*)?$';

const TITLE_PATTERNS: readonly (readonly [RegExp, TitleCode])[] = [
  [new RegExp(`^pho bi thu (?:thuong truc(?: dang uy)?|dang uy thuong truc)${PLACE_TAIL}`), 'pho_bi_thu_thuong_truc'],
  [new RegExp(`^pho bi thu(?: dang uy)?${PLACE_TAIL}`), 'pho_bi_thu_dang_uy'],
  [new RegExp(`^bi thu(?: dang uy)?${PLACE_TAIL}`), 'bi_thu_dang_uy'],
  [new RegExp(`^bi thu doan(?: thanh nien)?${PLACE_TAIL}`), 'bi_thu_doan_thanh_nien'],
  [new RegExp(`^chu tich hdnd${ANY_TAIL}`), 'chu_tich_hdnd'],
  [new RegExp(`^pho chu tich(?: thuong truc)? hdnd${ANY_TAIL}`), 'pho_chu_tich_hdnd'],
  [new RegExp(`^chu tich ubnd${ANY_TAIL}`), 'chu_tich_ubnd'],
  // "Chủ tịch xã" is how everyone names the People's Committee chair.
  [new RegExp(`^chu tich ${PLACE_WORDS}(?: .*)?$`), 'chu_tich_ubnd'],
  [new RegExp(`^pho chu tich ubnd${ANY_TAIL}`), 'pho_chu_tich_ubnd'],
  [new RegExp(`^pho chu tich ${PLACE_WORDS}(?: .*)?$`), 'pho_chu_tich_ubnd'],
  [new RegExp(`^chu tich mttq${ANY_TAIL}`), 'chu_tich_mttq'],
  [new RegExp(`^chu tich hoi phu nu${ANY_TAIL}`), 'chu_tich_hoi_phu_nu'],
  [new RegExp(`^chu tich hoi nong dan${ANY_TAIL}`), 'chu_tich_hoi_nong_dan'],
  [new RegExp(`^chu tich hoi cuu chien binh${ANY_TAIL}`), 'chu_tich_hoi_cuu_chien_binh'],
  [new RegExp(`^chi huy truong(?: quan su${ANY_TAIL}|${PLACE_TAIL})`), 'chi_huy_truong_quan_su'],
  [new RegExp(`^van phong(?: thong ke)?${PLACE_TAIL}`), 'van_phong_thong_ke'],
  [/^dia chinh(?: .*)?$/, 'dia_chinh_xay_dung'],
  [new RegExp(`^(?:tai chinh(?: ke toan)?|ke toan(?: tai chinh)?)${PLACE_TAIL}`), 'tai_chinh_ke_toan'],
  [new RegExp(`^tu phap(?: ho tich)?${PLACE_TAIL}`), 'tu_phap_ho_tich'],
  [new RegExp(`^van hoa(?: xa hoi)?${PLACE_TAIL}`), 'van_hoa_xa_hoi'],
];

const ACCEPTED_TITLES =
  'Bí thư Đảng ủy (BT, Bí thư ĐU), Phó Bí thư thường trực (PBT TT), Phó Bí thư (PBT), ' +
  'Chủ tịch HĐND (CT HĐND), Phó Chủ tịch HĐND (PCT HĐND), Chủ tịch UBND (CT UBND), Phó Chủ tịch UBND (PCT UBND), ' +
  'Chủ tịch MTTQ, Bí thư Đoàn TN, Chủ tịch Hội LHPN, Chủ tịch Hội Nông dân, Chủ tịch Hội CCB, ' +
  'Chỉ huy trưởng Ban CHQS, Văn phòng - thống kê, Địa chính - xây dựng, Tài chính - kế toán, Tư pháp - hộ tịch, Văn hóa - xã hội';

function canonicalTitleKey(text: string): string {
  let key = foldForMatching(text)
    .split(' ')
    .map((word) => WORD_EXPANSIONS[word] ?? word)
    .join(' ');
  for (const [pattern, replacement] of PHRASE_REWRITES) key = key.replace(pattern, replacement);
  return key;
}

function unrecognised(text: string): { ok: false; message: string } {
  return { ok: false, message: `Không nhận ra chức vụ «${normalizeText(text)}». Có thể ghi: ${ACCEPTED_TITLES}.` };
}

/** Reads one post as offices write it ("PCT UBND", "Bí thư ĐU xã Quảng Minh"). Blank → null. */
export function parseTitle(text: string | null | undefined): TitleParseResult {
  const key = canonicalTitleKey(text ?? '');
  if (key === '') return { ok: true, title: null };
  const match = TITLE_PATTERNS.find(([pattern]) => pattern.test(key));
  return match ? { ok: true, title: match[1] } : unrecognised(text ?? '');
}

const CONCURRENT_SEPARATOR = /[,;+]|\s(?:kiêm|kiem)\s/iu;
const PLACE_ONLY = /^(?:xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tp|tinh)\b/;

/**
 * Reads a cell that may hold concurrent posts, e.g. "Bí thư Đảng ủy kiêm
 * Chủ tịch HĐND" or "PBT, CT UBND xã Nghĩa Hưng, huyện Lạng Giang". Place
 * names after a comma are skipped; the result is in protocol order without
 * duplicates.
 */
export function parseTitles(text: string | null | undefined): TitlesParseResult {
  const titles = new Set<TitleCode>();
  for (const part of normalizeText(text ?? '').split(CONCURRENT_SEPARATOR)) {
    if (PLACE_ONLY.test(foldForMatching(part))) continue;
    const result = parseTitle(part);
    if (!result.ok) return result;
    if (result.title) titles.add(result.title);
  }
  return { ok: true, titles: [...titles].sort(compareTitles) };
}
