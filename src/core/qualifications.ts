import { foldForMatching, normalizeText } from './text.js';

export interface LevelInfo<C extends string> {
  code: C;
  labelVi: string;
  labelEn: string;
}

/** `level: null` means the cell was blank or said "không", which is not an error. */
export type LevelParseResult<C extends string> = { ok: true; level: C | null } | { ok: false; message: string };

/** A qualification ladder, lowest level first. */
export interface QualificationScale<C extends string> {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly levels: readonly LevelInfo<C>[];
  readonly codes: readonly C[];
  isLevel(value: unknown): value is C;
  labelVi(level: C): string;
  labelEn(level: C): string;
  /** Negative when a is lower than b, 0 when equal, positive when higher. */
  compareLevel(a: C, b: C): number;
  /** A missing level never meets a minimum. */
  atLeast(level: C | null | undefined, min: C): boolean;
  highestLevel(levels: Iterable<C | null | undefined>): C | null;
  parse(text: string | null | undefined): LevelParseResult<C>;
}

/** undefined: not recognised; null: recognised as "no level". */
type Recogniser<C extends string> = (key: string) => C | null | undefined;

const NO_LEVEL_WORDS = ['khong', 'khong co', 'chua', 'chua co', 'chua hoc', 'chua qua dao tao'];

function defineScale<C extends string>(def: {
  nameVi: string;
  nameEn: string;
  levels: readonly LevelInfo<C>[];
  recognise: Recogniser<C>;
  acceptedHint: string;
}): QualificationScale<C> {
  const codes = def.levels.map((l) => l.code);
  const byCode = new Map<string, LevelInfo<C> & { rank: number }>(def.levels.map((l, rank) => [l.code, { ...l, rank }]));
  const infoOf = (level: C) => {
    const found = byCode.get(level);
    if (!found) throw new RangeError(`Unknown ${def.nameEn} level: ${JSON.stringify(level)}`);
    return found;
  };
  const rankOf = (level: C) => infoOf(level).rank;

  return {
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    levels: def.levels,
    codes,
    isLevel: (value): value is C => typeof value === 'string' && byCode.has(value),
    labelVi: (level) => infoOf(level).labelVi,
    labelEn: (level) => infoOf(level).labelEn,
    compareLevel: (a, b) => rankOf(a) - rankOf(b),
    atLeast: (level, min) => level !== null && level !== undefined && rankOf(level) >= rankOf(min),
    highestLevel(levels) {
      let best: C | null = null;
      for (const level of levels) {
        if (level !== null && level !== undefined && (best === null || rankOf(level) > rankOf(best))) best = level;
      }
      return best;
    },
    parse(text) {
      const key = foldForMatching(text ?? '');
      if (key === '') return { ok: true, level: null };
      const level = def.recognise(key);
      if (level === undefined) {
        const typed = normalizeText(text ?? '');
        return { ok: false, message: `Không nhận ra ${def.nameVi} «${typed}». Giá trị hợp lệ: ${def.acceptedHint}.` };
      }
      return { ok: true, level };
    },
  };
}

function startsWithWord(key: string, word: string): boolean {
  return key === word || key.startsWith(`${word} `);
}

/**
 * Offices add words around the level ("Chứng chỉ QLNN ngạch chuyên viên",
 * "Đại học Luật"): leading filler words are dropped, then the longest alias
 * that starts the remaining text wins.
 */
function aliasRecogniser<C extends string>(aliases: Record<string, C | null>, fillerPrefixes: readonly string[] = []): Recogniser<C> {
  const byLength = Object.keys(aliases).sort((a, b) => b.length - a.length);
  const fillers = [...fillerPrefixes].sort((a, b) => b.length - a.length);
  return (rawKey) => {
    let key = rawKey;
    for (let stripped = true; stripped; ) {
      stripped = false;
      for (const filler of fillers) {
        if (key.startsWith(`${filler} `)) {
          key = key.slice(filler.length + 1);
          stripped = true;
        }
      }
    }
    const alias = byLength.find((a) => startsWithWord(key, a));
    return alias === undefined ? undefined : aliases[alias];
  };
}

function noLevelAliases<C extends string>(): Record<string, C | null> {
  return Object.fromEntries(NO_LEVEL_WORDS.map((w) => [w, null]));
}

// --- Professional education (trình độ chuyên môn) ---------------------------

const PROFESSIONAL_LEVELS = [
  { code: 'none', labelVi: 'Chưa qua đào tạo', labelEn: 'No training' },
  { code: 'thpt', labelVi: 'Tốt nghiệp THPT', labelEn: 'Upper secondary school' },
  { code: 'trung_cap', labelVi: 'Trung cấp', labelEn: 'Intermediate vocational' },
  { code: 'cao_dang', labelVi: 'Cao đẳng', labelEn: 'College' },
  { code: 'dai_hoc', labelVi: 'Đại học', labelEn: "Bachelor's degree" },
  { code: 'thac_si', labelVi: 'Thạc sĩ', labelEn: "Master's degree" },
  { code: 'tien_si', labelVi: 'Tiến sĩ', labelEn: 'Doctorate' },
] as const;
export type ProfessionalLevel = (typeof PROFESSIONAL_LEVELS)[number]['code'];

export const professionalEducation: QualificationScale<ProfessionalLevel> = defineScale<ProfessionalLevel>({
  nameVi: 'trình độ chuyên môn',
  nameEn: 'professional education',
  levels: PROFESSIONAL_LEVELS,
  acceptedHint: 'THPT (12/12, 10/10), Trung cấp (TC), Cao đẳng (CĐ), Đại học (ĐH, Cử nhân, Kỹ sư, Bác sĩ), Thạc sĩ (ThS), Tiến sĩ (TS), Chưa qua đào tạo',
  recognise: aliasRecogniser<ProfessionalLevel>(
    {
      khong: 'none',
      'khong co': 'none',
      chua: 'none',
      'chua co': 'none',
      'chua qua dao tao': 'none',
      'chua dao tao': 'none',
      thpt: 'thpt',
      ptth: 'thpt',
      'pho thong': 'thpt',
      '12/12': 'thpt',
      // The ten-year general-education system in the North until 1980s.
      '10/10': 'thpt',
      'trung cap': 'trung_cap',
      tc: 'trung_cap',
      'trung hoc chuyen nghiep': 'trung_cap',
      thcn: 'trung_cap',
      'cao dang': 'cao_dang',
      cd: 'cao_dang',
      'dai hoc': 'dai_hoc',
      dh: 'dai_hoc',
      'cu nhan': 'dai_hoc',
      cn: 'dai_hoc',
      'ky su': 'dai_hoc',
      ks: 'dai_hoc',
      'bac si': 'dai_hoc',
      'bac sy': 'dai_hoc',
      bs: 'dai_hoc',
      'duoc si': 'dai_hoc',
      'duoc sy': 'dai_hoc',
      'kien truc su': 'dai_hoc',
      'thac si': 'thac_si',
      'thac sy': 'thac_si',
      ths: 'thac_si',
      'cao hoc': 'thac_si',
      'tien si': 'tien_si',
      'tien sy': 'tien_si',
      ts: 'tien_si',
      tskh: 'tien_si',
    },
    ['bang', 'trinh do', 'tot nghiep'],
  ),
});

// --- Political theory (lý luận chính trị) -----------------------------------

const POLITICAL_THEORY_LEVELS = [
  { code: 'so_cap', labelVi: 'Sơ cấp', labelEn: 'Elementary' },
  { code: 'trung_cap', labelVi: 'Trung cấp', labelEn: 'Intermediate' },
  { code: 'cao_cap', labelVi: 'Cao cấp, cử nhân', labelEn: 'Advanced or bachelor' },
] as const;
export type PoliticalTheoryLevel = (typeof POLITICAL_THEORY_LEVELS)[number]['code'];

export const politicalTheory: QualificationScale<PoliticalTheoryLevel> = defineScale<PoliticalTheoryLevel>({
  nameVi: 'trình độ lý luận chính trị',
  nameEn: 'political theory',
  levels: POLITICAL_THEORY_LEVELS,
  acceptedHint: 'Sơ cấp (SC), Trung cấp (TC), Cao cấp (CC), Cử nhân chính trị (CNCT); để trống nếu chưa có',
  recognise: aliasRecogniser<PoliticalTheoryLevel>(
    {
      ...noLevelAliases<PoliticalTheoryLevel>(),
      'so cap': 'so_cap',
      sc: 'so_cap',
      scllct: 'so_cap',
      'trung cap': 'trung_cap',
      tc: 'trung_cap',
      tcllct: 'trung_cap',
      tcct: 'trung_cap',
      'cao cap': 'cao_cap',
      cc: 'cao_cap',
      ccllct: 'cao_cap',
      ccct: 'cao_cap',
      // A bachelor's degree in politics ranks with advanced political theory.
      'cu nhan': 'cao_cap',
      cn: 'cao_cap',
      cnct: 'cao_cap',
    },
    ['bang', 'trinh do', 'ly luan chinh tri', 'llct'],
  ),
});

// --- State management (quản lý nhà nước) -------------------------------------

const STATE_MANAGEMENT_LEVELS = [
  { code: 'chuyen_vien', labelVi: 'Chuyên viên', labelEn: 'Officer' },
  { code: 'chuyen_vien_chinh', labelVi: 'Chuyên viên chính', labelEn: 'Principal officer' },
  { code: 'chuyen_vien_cao_cap', labelVi: 'Chuyên viên cao cấp', labelEn: 'Senior officer' },
] as const;
export type StateManagementLevel = (typeof STATE_MANAGEMENT_LEVELS)[number]['code'];

export const stateManagement: QualificationScale<StateManagementLevel> = defineScale<StateManagementLevel>({
  nameVi: 'trình độ quản lý nhà nước',
  nameEn: 'state management',
  levels: STATE_MANAGEMENT_LEVELS,
  acceptedHint: 'Chuyên viên (CV), Chuyên viên chính (CVC), Chuyên viên cao cấp (CVCC), có thể ghi "QLNN ngạch chuyên viên"; để trống nếu chưa có',
  recognise: aliasRecogniser<StateManagementLevel>(
    {
      ...noLevelAliases<StateManagementLevel>(),
      'chuyen vien': 'chuyen_vien',
      cv: 'chuyen_vien',
      'chuyen vien chinh': 'chuyen_vien_chinh',
      cvc: 'chuyen_vien_chinh',
      'chuyen vien cao cap': 'chuyen_vien_cao_cap',
      cvcc: 'chuyen_vien_cao_cap',
    },
    ['chung chi', 'boi duong', 'chuong trinh', 'kien thuc', 'quan ly nha nuoc', 'qlnn', 'ngach', 'tuong duong'],
  ),
});

// --- Information technology (ứng dụng công nghệ thông tin) -------------------

const IT_LEVELS = [
  { code: 'co_ban', labelVi: 'Cơ bản', labelEn: 'Basic' },
  { code: 'nang_cao', labelVi: 'Nâng cao', labelEn: 'Advanced' },
] as const;
export type ItLevel = (typeof IT_LEVELS)[number]['code'];

export const itSkill: QualificationScale<ItLevel> = defineScale<ItLevel>({
  nameVi: 'trình độ tin học',
  nameEn: 'IT skills',
  levels: IT_LEVELS,
  acceptedHint: 'Ứng dụng CNTT cơ bản, Ứng dụng CNTT nâng cao, Tin học A/B/C (tính là cơ bản); để trống nếu chưa có',
  recognise: aliasRecogniser<ItLevel>(
    {
      ...noLevelAliases<ItLevel>(),
      'co ban': 'co_ban',
      'nang cao': 'nang_cao',
      // The old national A/B/C certificates count as the basic standard
      // (Joint Circular 17/2016/TTLT-BGDĐT-BTTTT, art. 23 — not confirmed).
      a: 'co_ban',
      b: 'co_ban',
      c: 'co_ban',
      'van phong': 'co_ban',
    },
    ['chung chi', 'chuan', 'ky nang', 'su dung', 'ung dung', 'ud', 'cong nghe thong tin', 'cntt', 'tin hoc', 'trinh do'],
  ),
});

// --- Foreign language (ngoại ngữ) --------------------------------------------

const FOREIGN_LANGUAGE_LEVELS = [
  { code: 'a1', labelVi: 'Bậc 1 (A1)', labelEn: 'CEFR A1' },
  { code: 'a2', labelVi: 'Bậc 2 (A2)', labelEn: 'CEFR A2' },
  { code: 'b1', labelVi: 'Bậc 3 (B1)', labelEn: 'CEFR B1' },
  { code: 'b2', labelVi: 'Bậc 4 (B2)', labelEn: 'CEFR B2' },
  { code: 'c1', labelVi: 'Bậc 5 (C1)', labelEn: 'CEFR C1' },
  { code: 'c2', labelVi: 'Bậc 6 (C2)', labelEn: 'CEFR C2' },
] as const;
export type ForeignLanguageLevel = (typeof FOREIGN_LANGUAGE_LEVELS)[number]['code'];

const LANGUAGE_BY_STEP: readonly ForeignLanguageLevel[] = FOREIGN_LANGUAGE_LEVELS.map((l) => l.code);
// Old A/B/C certificates, as commonly equated with the six-level framework
// (Official Letter 6089/BGDĐT-GDTX, 2014 — not confirmed).
const OLD_CERTIFICATE: Record<string, ForeignLanguageLevel> = { a: 'a1', b: 'a2', c: 'b1' };
const NO_LEVEL = new Set(NO_LEVEL_WORDS);

/** Finds every level named in the text ("Tiếng Anh B1", "Bậc 3/6", "Anh văn C") and keeps the highest. */
function recogniseForeignLanguage(key: string): ForeignLanguageLevel | null | undefined {
  if (NO_LEVEL.has(key)) return null;
  let highest = -1;
  const found = (level: ForeignLanguageLevel | undefined) => {
    if (level) highest = Math.max(highest, LANGUAGE_BY_STEP.indexOf(level));
  };
  const words = key.split(' ');
  words.forEach((word, i) => {
    const cefr = /^([abc])([12])$/.exec(word);
    if (cefr) found(LANGUAGE_BY_STEP.find((l) => l === `${cefr[1]}${cefr[2]}`));
    const step = /^([1-6])(?:\/6)?$/.exec(word);
    if (step && words[i - 1] === 'bac') found(LANGUAGE_BY_STEP[Number(step[1]) - 1]);
    found(OLD_CERTIFICATE[word]);
  });
  return LANGUAGE_BY_STEP[highest];
}

export const foreignLanguage: QualificationScale<ForeignLanguageLevel> = defineScale<ForeignLanguageLevel>({
  nameVi: 'trình độ ngoại ngữ',
  nameEn: 'foreign language',
  levels: FOREIGN_LANGUAGE_LEVELS,
  acceptedHint: 'A1, A2, B1, B2, C1, C2 (hoặc Bậc 1–6), chứng chỉ A/B/C cũ (tính là A1/A2/B1), ví dụ "Tiếng Anh B1"; để trống nếu chưa có',
  recognise: recogniseForeignLanguage,
});
