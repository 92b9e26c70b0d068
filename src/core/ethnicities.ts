import { foldForMatching, normalizeText } from './text.js';

export interface Ethnicity {
  /** Two-digit code of the national list (Decision 121-TCTK/PPCĐ, 1979), used by the GSO and the population database. */
  code: string;
  nameVi: string;
  /** Other spellings offices write. */
  aliases: readonly string[];
}

/** The 54 ethnic groups of Vietnam, in the order of the national code list. */
export const ETHNICITIES: readonly Ethnicity[] = [
  { code: '01', nameVi: 'Kinh', aliases: ['Việt'] },
  { code: '02', nameVi: 'Tày', aliases: [] },
  { code: '03', nameVi: 'Thái', aliases: [] },
  { code: '04', nameVi: 'Hoa', aliases: ['Hán'] },
  { code: '05', nameVi: 'Khmer', aliases: ['Khơ-me', 'Khơ me', 'Khơme', 'Khmer Krom'] },
  { code: '06', nameVi: 'Mường', aliases: [] },
  { code: '07', nameVi: 'Nùng', aliases: [] },
  { code: '08', nameVi: 'Mông', aliases: ["H'Mông", 'Hmông', 'Hmong', 'Mèo'] },
  { code: '09', nameVi: 'Dao', aliases: [] },
  { code: '10', nameVi: 'Gia Rai', aliases: ['Gia-rai', 'Jrai', 'Giarai'] },
  { code: '11', nameVi: 'Ngái', aliases: [] },
  { code: '12', nameVi: 'Ê Đê', aliases: ['Ê-đê', 'Êđê', 'Rhade'] },
  { code: '13', nameVi: 'Ba Na', aliases: ['Ba-na', 'Bahnar'] },
  { code: '14', nameVi: 'Xơ Đăng', aliases: ['Xơ-đăng', 'Xê Đăng', 'Sedang'] },
  { code: '15', nameVi: 'Sán Chay', aliases: ['Cao Lan', 'Sán Chỉ', 'Cao Lan - Sán Chỉ'] },
  { code: '16', nameVi: 'Cơ Ho', aliases: ['Cơ-ho', 'Kơ Ho', "K'Ho", 'Koho'] },
  { code: '17', nameVi: 'Chăm', aliases: ['Chàm'] },
  { code: '18', nameVi: 'Sán Dìu', aliases: [] },
  { code: '19', nameVi: 'Hrê', aliases: ["H'rê", 'Hre'] },
  { code: '20', nameVi: 'Mnông', aliases: ["M'Nông", 'Mơ Nông'] },
  { code: '21', nameVi: 'Ra Glai', aliases: ['Ra-glai', 'Raglai', 'Rắc Lây'] },
  { code: '22', nameVi: 'Xtiêng', aliases: ["X'tiêng", 'Xơ Tiêng', 'Stiêng'] },
  { code: '23', nameVi: 'Bru - Vân Kiều', aliases: ['Bru Vân Kiều', 'Vân Kiều', 'Bru'] },
  { code: '24', nameVi: 'Thổ', aliases: [] },
  { code: '25', nameVi: 'Giáy', aliases: [] },
  { code: '26', nameVi: 'Cơ Tu', aliases: ['Cơ-tu', 'Ca Tu', 'Katu'] },
  { code: '27', nameVi: 'Giẻ - Triêng', aliases: ['Gié Triêng', 'Giẻ Triêng', 'Gié - Triêng'] },
  { code: '28', nameVi: 'Mạ', aliases: [] },
  { code: '29', nameVi: 'Khơ Mú', aliases: ['Khơ-mú', 'Khơmú', 'Khmu', 'Xá Cẩu'] },
  { code: '30', nameVi: 'Co', aliases: ['Cor'] },
  { code: '31', nameVi: 'Tà Ôi', aliases: ['Tà-ôi', 'Pa Cô', 'Pa Kô'] },
  { code: '32', nameVi: 'Chơ Ro', aliases: ['Chơ-ro', 'Châu Ro'] },
  { code: '33', nameVi: 'Kháng', aliases: [] },
  { code: '34', nameVi: 'Xinh Mun', aliases: ['Xinh-mun'] },
  { code: '35', nameVi: 'Hà Nhì', aliases: [] },
  { code: '36', nameVi: 'Chu Ru', aliases: ['Chu-ru'] },
  { code: '37', nameVi: 'Lào', aliases: [] },
  { code: '38', nameVi: 'La Chí', aliases: [] },
  { code: '39', nameVi: 'La Ha', aliases: [] },
  { code: '40', nameVi: 'Phù Lá', aliases: [] },
  { code: '41', nameVi: 'La Hủ', aliases: [] },
  { code: '42', nameVi: 'Lự', aliases: [] },
  { code: '43', nameVi: 'Lô Lô', aliases: [] },
  { code: '44', nameVi: 'Chứt', aliases: [] },
  { code: '45', nameVi: 'Mảng', aliases: [] },
  { code: '46', nameVi: 'Pà Thẻn', aliases: ['Pà Hưng'] },
  { code: '47', nameVi: 'Cờ Lao', aliases: ['Co Lao', 'Cơ Lao'] },
  { code: '48', nameVi: 'Cống', aliases: [] },
  { code: '49', nameVi: 'Bố Y', aliases: [] },
  { code: '50', nameVi: 'Si La', aliases: [] },
  { code: '51', nameVi: 'Pu Péo', aliases: [] },
  { code: '52', nameVi: 'Brâu', aliases: [] },
  { code: '53', nameVi: 'Ơ Đu', aliases: [] },
  { code: '54', nameVi: 'Rơ Măm', aliases: [] },
];

// Spacing and hyphens vary ("Gia-rai", "Gia Rai", "Giarai"), notes in brackets are dropped ("Kinh (Việt)"): compare without them.
function ethnicityKey(text: string): string {
  return foldForMatching(text.replace(/\([^)]*\)/g, ' '))
    .replace(/^dan toc /, '')
    .replaceAll(' ', '');
}

const BY_KEY = new Map<string, Ethnicity>();
for (const ethnicity of ETHNICITIES) {
  for (const name of [ethnicity.nameVi, ...ethnicity.aliases]) BY_KEY.set(ethnicityKey(name), ethnicity);
}
const BY_CODE = new Map(ETHNICITIES.map((e) => [e.code, e]));

export function isEthnicityCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

export function ethnicityByCode(code: string): Ethnicity | undefined {
  return BY_CODE.get(code);
}

export type EthnicityParseResult = { ok: true; ethnicity: Ethnicity | null } | { ok: false; message: string };

/** "Kinh", "dân tộc Tày", "H'Mông", "Ê-đê", the two-digit code; blank → null. */
export function parseEthnicity(text: string | null | undefined): EthnicityParseResult {
  const typed = normalizeText(text ?? '');
  if (typed === '') return { ok: true, ethnicity: null };
  const byCode = BY_CODE.get(/^\d$/.test(typed) ? `0${typed}` : typed);
  const found = byCode ?? BY_KEY.get(ethnicityKey(typed));
  if (found) return { ok: true, ethnicity: found };
  return {
    ok: false,
    message: `Không nhận ra dân tộc «${typed}». Ghi tên một trong 54 dân tộc theo danh mục của Tổng cục Thống kê (ví dụ Kinh, Tày, Mông, Ê Đê) hoặc mã hai chữ số (01–54).`,
  };
}

/** Every ethnic group but the Kinh (code 01) is an ethnic minority in statistics (BM02/BNV). */
export function isEthnicMinority(code: string): boolean {
  return code !== '01' && BY_CODE.has(code);
}
