import { DEFAULT_APPOINTMENT_AGE_RULES } from './appointment-age.js';
import type { StandardRule, StandardSet } from './standards.js';
import type { TitleCode } from './titles.js';

/*
 * The standard sets the product ships with. They are seed data: admins edit
 * them (and add their province's own) in the database. Figures that were not
 * verified in the official text carry `confirmed: false` and say why in `note`.
 */

const PARTY_LEADERS: readonly TitleCode[] = ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'];
const COUNCIL_AND_COMMITTEE_LEADERS: readonly TitleCode[] = ['chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'];

const { firstAppointmentMonths, reElectionMonths } = DEFAULT_APPOINTMENT_AGE_RULES;

const FIRST_TERM_BASIS = 'còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 tháng) khi bổ nhiệm, bầu lần đầu (Nghị định 33/2023/NĐ-CP)';
const REELECTION_BASIS = 'tái cử cấp ủy còn ít nhất 48 tháng công tác tính đến tháng đại hội (Chỉ thị 45-CT/TW ngày 14/4/2025)';

export const QD04_2004 = 'QD-04-2004';
export const BG_2020 = 'BG-2020';
export const ND33_2023 = 'ND-33-2023';
export const CV03_2025 = 'CV-03-2025';

export const STANDARD_SETS: readonly StandardSet[] = [
  {
    code: QD04_2004,
    nameVi: 'Quyết định 04/2004/QĐ-BNV',
    nameEn: 'Decision 04/2004/QĐ-BNV',
    scope: 'national',
    legalBasis: 'Quyết định 04/2004/QĐ-BNV ngày 16/01/2004 của Bộ Nội vụ quy định tiêu chuẩn cụ thể đối với cán bộ, công chức xã, phường, thị trấn',
    confirmed: false,
    note: 'Các mức trình độ được nhập theo mô tả chung (đồng bằng cao hơn miền núi), chưa đối chiếu văn bản gốc; ngày bắt đầu lấy theo ngày ký.',
  },
  {
    code: BG_2020,
    nameVi: 'Tiêu chuẩn cán bộ chủ chốt cấp xã của tỉnh Bắc Giang, nhiệm kỳ 2020–2025',
    nameEn: 'Bắc Giang standard for key commune cadres, 2020–2025 term',
    scope: 'provincial',
    legalBasis: 'Quy định của Tỉnh ủy Bắc Giang về tiêu chuẩn cán bộ chủ chốt cấp xã nhiệm kỳ 2020–2025 (số, ngày văn bản chưa xác định)',
    confirmed: false,
    note: 'Dựng lại từ báo cáo của Thành ủy Bắc Giang: sau đại hội nhiệm kỳ 2020–2025, 100% cán bộ chủ chốt "bảo đảm tiêu chuẩn chuyên môn đại học và lý luận chính trị từ trung cấp trở lên". Chỉ dùng cho tỉnh Bắc Giang; tỉnh khác tắt bộ này.',
  },
  {
    code: ND33_2023,
    nameVi: 'Nghị định 33/2023/NĐ-CP',
    nameEn: 'Decree 33/2023/NĐ-CP',
    scope: 'national',
    legalBasis: 'Nghị định 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ quy định về cán bộ, công chức cấp xã, Điều 8 (hiệu lực từ 01/8/2023)',
    confirmed: true,
    note: 'Tiêu chuẩn lý luận chính trị của Bí thư, Phó Bí thư theo quy định của Đảng và mức chuyên môn hạ cho vùng khó khăn do tỉnh quyết định: chưa xác nhận.',
  },
  {
    code: CV03_2025,
    nameVi: 'Công văn 03/CV-BCĐ năm 2025 (chính quyền địa phương hai cấp)',
    nameEn: 'Official Dispatch 03/CV-BCĐ, 2025 (two-level local government)',
    scope: 'national',
    legalBasis: 'Công văn 03/CV-BCĐ năm 2025 của Ban Chỉ đạo: từ 01/7/2025 tiêu chuẩn lãnh đạo cấp xã theo tiêu chuẩn lãnh đạo cấp huyện trước đây',
    confirmed: false,
    note: 'Chi tiết tiêu chuẩn chưa xác nhận. Tạm giữ mức đại học và trung cấp lý luận chính trị; tiêu chuẩn cấp huyện trước đây thường yêu cầu cao cấp lý luận chính trị với bí thư, chủ tịch — quản trị viên nâng mức khi có văn bản.',
  },
];

export const STANDARD_RULES: readonly StandardRule[] = [
  {
    id: `${QD04_2004}/dong-bang`,
    setCode: QD04_2004,
    scope: 'national',
    appliesTo: { kind: 'group', group: 'key' },
    validFrom: '2004-01-16',
    validTo: '2023-07-31',
    areaClass: 'plains',
    minProfessional: 'trung_cap',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: null,
    confirmed: false,
    legalBasis: 'Quyết định 04/2004/QĐ-BNV, tiêu chuẩn cán bộ chủ chốt xã ở đồng bằng, đô thị',
    note:
      'Trung cấp chuyên môn và trung cấp lý luận chính trị: chưa đối chiếu văn bản gốc. Quyết định đặt giới hạn tuổi khi giữ chức lần đầu (chưa mã hóa); ' +
      'yêu cầu còn trọn một nhiệm kỳ lấy theo chỉ thị đại hội của Đảng (Chỉ thị 35-CT/TW năm 2019, chưa xác nhận). Mức tuổi tái cử trước năm 2025 chưa nhập.',
  },
  {
    id: `${QD04_2004}/mien-nui`,
    setCode: QD04_2004,
    scope: 'national',
    appliesTo: { kind: 'group', group: 'key' },
    validFrom: '2004-01-16',
    validTo: '2023-07-31',
    areaClass: 'disadvantaged',
    minProfessional: null,
    professionalFields: [],
    minPoliticalTheory: 'so_cap',
    minStateManagement: null,
    requireHighSchool: false,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: null,
    confirmed: false,
    legalBasis: 'Quyết định 04/2004/QĐ-BNV, tiêu chuẩn cán bộ chủ chốt xã ở miền núi, vùng cao',
    note:
      'Biến thể miền núi thấp hơn đồng bằng: tốt nghiệp trung học cơ sở, sơ cấp chuyên môn và sơ cấp lý luận chính trị (chưa đối chiếu văn bản gốc). ' +
      'Thang trình độ chuyên môn của hệ thống không có bậc sơ cấp nên không đặt mức chuyên môn tối thiểu.',
  },
  {
    id: `${BG_2020}/dong-bang`,
    setCode: BG_2020,
    scope: 'provincial',
    appliesTo: { kind: 'group', group: 'key' },
    validFrom: '2020-01-01',
    validTo: '2023-07-31',
    areaClass: 'plains',
    minProfessional: 'dai_hoc',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: null,
    confirmed: false,
    legalBasis: 'Tiêu chuẩn cán bộ chủ chốt cấp xã nhiệm kỳ 2020–2025 của Tỉnh ủy Bắc Giang, xã đồng bằng',
    note:
      'Đại học và trung cấp lý luận chính trị trở lên, như Thành ủy Bắc Giang báo cáo (2021); thay Quyết định 04/2004/QĐ-BNV ở xã đồng bằng của tỉnh cho đến khi Nghị định 33/2023/NĐ-CP có hiệu lực. ' +
      'Văn bản, phạm vi (toàn tỉnh hay riêng thành phố) và thời điểm bắt đầu chưa xác nhận.',
  },
  {
    id: `${ND33_2023}/dang-uy`,
    setCode: ND33_2023,
    scope: 'national',
    appliesTo: { kind: 'titles', codes: PARTY_LEADERS },
    validFrom: '2023-08-01',
    validTo: '2025-06-30',
    areaClass: 'any',
    minProfessional: 'dai_hoc',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: reElectionMonths,
    confirmed: false,
    legalBasis: `Nghị định 33/2023/NĐ-CP, Điều 8: tốt nghiệp THPT, đại học trở lên; lý luận chính trị theo quy định của Đảng; ${FIRST_TERM_BASIS}; ${REELECTION_BASIS}`,
    note: 'Nghị định dẫn chiếu quy định của Đảng về lý luận chính trị của Bí thư, Phó Bí thư; mức trung cấp trở lên là giả định, chưa xác nhận.',
  },
  {
    id: `${ND33_2023}/dang-uy-vung-kho-khan`,
    setCode: ND33_2023,
    scope: 'national',
    appliesTo: { kind: 'titles', codes: PARTY_LEADERS },
    validFrom: '2023-08-01',
    validTo: '2025-06-30',
    areaClass: 'disadvantaged',
    minProfessional: 'trung_cap',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: reElectionMonths,
    confirmed: false,
    legalBasis: `Nghị định 33/2023/NĐ-CP, Điều 8: vùng miền núi, biên giới, hải đảo, dân tộc thiểu số, đặc biệt khó khăn, tỉnh có thể hạ chuyên môn xuống trung cấp; ${FIRST_TERM_BASIS}; ${REELECTION_BASIS}`,
    note: 'Giả định tỉnh đã quyết định hạ chuẩn chuyên môn xuống trung cấp; nếu tỉnh không hạ, quản trị viên xóa tiêu chuẩn này. Lý luận chính trị như tiêu chuẩn chung, chưa xác nhận.',
  },
  {
    id: `${ND33_2023}/hdnd-ubnd`,
    setCode: ND33_2023,
    scope: 'national',
    appliesTo: { kind: 'titles', codes: COUNCIL_AND_COMMITTEE_LEADERS },
    validFrom: '2023-08-01',
    validTo: '2025-06-30',
    areaClass: 'any',
    minProfessional: 'dai_hoc',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: reElectionMonths,
    confirmed: true,
    legalBasis: `Nghị định 33/2023/NĐ-CP, Điều 8: tốt nghiệp THPT, đại học trở lên, trung cấp lý luận chính trị trở lên; ${FIRST_TERM_BASIS}; ${REELECTION_BASIS}`,
    note: '',
  },
  {
    id: `${ND33_2023}/hdnd-ubnd-vung-kho-khan`,
    setCode: ND33_2023,
    scope: 'national',
    appliesTo: { kind: 'titles', codes: COUNCIL_AND_COMMITTEE_LEADERS },
    validFrom: '2023-08-01',
    validTo: '2025-06-30',
    areaClass: 'disadvantaged',
    minProfessional: 'trung_cap',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: reElectionMonths,
    confirmed: false,
    legalBasis: `Nghị định 33/2023/NĐ-CP, Điều 8: vùng miền núi, biên giới, hải đảo, dân tộc thiểu số, đặc biệt khó khăn, tỉnh có thể hạ chuyên môn xuống trung cấp; ${FIRST_TERM_BASIS}; ${REELECTION_BASIS}`,
    note: 'Giả định tỉnh đã quyết định hạ chuẩn chuyên môn xuống trung cấp; nếu tỉnh không hạ, quản trị viên xóa tiêu chuẩn này.',
  },
  {
    id: `${CV03_2025}/chu-chot`,
    setCode: CV03_2025,
    scope: 'national',
    appliesTo: { kind: 'group', group: 'key' },
    validFrom: '2025-07-01',
    validTo: null,
    areaClass: 'any',
    minProfessional: 'dai_hoc',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: firstAppointmentMonths,
    minMonthsLeftAtReElection: reElectionMonths,
    confirmed: false,
    legalBasis: `Công văn 03/CV-BCĐ năm 2025: tiêu chuẩn lãnh đạo cấp xã theo tiêu chuẩn lãnh đạo cấp huyện trước đây; ${REELECTION_BASIS}`,
    note: 'Chi tiết chưa xác nhận: tạm giữ đại học và trung cấp lý luận chính trị trở lên; tiêu chuẩn cấp huyện trước đây thường yêu cầu cao cấp lý luận chính trị với bí thư.',
  },
];

/** The rules of the chosen sets, e.g. the national sets only for a province without its own standard. */
export function rulesOfSets(setCodes: readonly string[]): StandardRule[] {
  return STANDARD_RULES.filter((rule) => setCodes.includes(rule.setCode));
}
