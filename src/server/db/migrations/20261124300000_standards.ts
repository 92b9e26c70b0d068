import { type Kysely, sql } from 'kysely';

/*
 * Standards as data (Decree 33/2023/NĐ-CP art. 8 and its predecessors): named
 * sets of rules that administrators enable, disable and edit. A rule is kept
 * as versions: a new version starts where the previous one ends, or, when it
 * corrects a version from its first day, replaces it (`superseded_at`); no
 * version is ever deleted or rewritten.
 *
 * The seed below is a copy of the shipped values in src/core/standard-sets.ts
 * (migrations never import app code); standards.test.ts checks that both agree.
 * `applies_to_titles` lists every title a rule covers, expanded from the title
 * catalogue, so that SQL joins rules to posts without knowing the catalogue.
 */

const SHIPPED_SETS = [
  {
    code: 'QD-04-2004',
    name_vi: 'Quyết định 04/2004/QĐ-BNV',
    name_en: 'Decision 04/2004/QĐ-BNV',
    scope: 'national',
    legal_basis: 'Quyết định 04/2004/QĐ-BNV ngày 16/01/2004 của Bộ Nội vụ quy định tiêu chuẩn cụ thể đối với cán bộ, công chức xã, phường, thị trấn',
    confirmed: false,
    note: 'Các mức trình độ được nhập theo mô tả chung (đồng bằng cao hơn miền núi), chưa đối chiếu văn bản gốc; ngày bắt đầu lấy theo ngày ký.',
  },
  {
    code: 'BG-2020',
    name_vi: 'Tiêu chuẩn cán bộ chủ chốt cấp xã của tỉnh Bắc Giang, nhiệm kỳ 2020–2025',
    name_en: 'Bắc Giang standard for key commune cadres, 2020–2025 term',
    scope: 'provincial',
    legal_basis: 'Quy định của Tỉnh ủy Bắc Giang về tiêu chuẩn cán bộ chủ chốt cấp xã nhiệm kỳ 2020–2025 (số, ngày văn bản chưa xác định)',
    confirmed: false,
    note: 'Dựng lại từ báo cáo của Thành ủy Bắc Giang: sau đại hội nhiệm kỳ 2020–2025, 100% cán bộ chủ chốt "bảo đảm tiêu chuẩn chuyên môn đại học và lý luận chính trị từ trung cấp trở lên". Chỉ dùng cho tỉnh Bắc Giang; tỉnh khác tắt bộ này.',
  },
  {
    code: 'ND-33-2023',
    name_vi: 'Nghị định 33/2023/NĐ-CP',
    name_en: 'Decree 33/2023/NĐ-CP',
    scope: 'national',
    legal_basis: 'Nghị định 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ quy định về cán bộ, công chức cấp xã, Điều 8 (hiệu lực từ 01/8/2023)',
    confirmed: true,
    note: 'Tiêu chuẩn lý luận chính trị của Bí thư, Phó Bí thư theo quy định của Đảng và mức chuyên môn hạ cho vùng khó khăn do tỉnh quyết định: chưa xác nhận.',
  },
  {
    code: 'CV-03-2025',
    name_vi: 'Công văn 03/CV-BCĐ năm 2025 (chính quyền địa phương hai cấp)',
    name_en: 'Official Dispatch 03/CV-BCĐ, 2025 (two-level local government)',
    scope: 'national',
    legal_basis: 'Công văn 03/CV-BCĐ năm 2025 của Ban Chỉ đạo: từ 01/7/2025 tiêu chuẩn lãnh đạo cấp xã theo tiêu chuẩn lãnh đạo cấp huyện trước đây',
    confirmed: false,
    note: 'Chi tiết tiêu chuẩn chưa xác nhận. Tạm giữ mức đại học và trung cấp lý luận chính trị; tiêu chuẩn cấp huyện trước đây thường yêu cầu cao cấp lý luận chính trị với bí thư, chủ tịch — quản trị viên nâng mức khi có văn bản.',
  },
];

const SHIPPED_RULES = [
  {
    code: 'QD-04-2004/dong-bang',
    set_code: 'QD-04-2004',
    scope: 'national',
    applies_kind: 'group',
    title_codes: [],
    title_group: 'key',
    applies_to_titles: [
      'bi_thu_dang_uy',
      'pho_bi_thu_thuong_truc',
      'pho_bi_thu_dang_uy',
      'chu_tich_hdnd',
      'pho_chu_tich_hdnd',
      'chu_tich_ubnd',
      'pho_chu_tich_ubnd',
    ],
    title_specificity: 0,
    valid_from: '2004-01-16',
    valid_to: '2023-07-31',
    area_class: 'plains',
    min_professional: 'trung_cap',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: null,
    confirmed: false,
    legal_basis: 'Quyết định 04/2004/QĐ-BNV, tiêu chuẩn cán bộ chủ chốt xã ở đồng bằng, đô thị',
    note: 'Trung cấp chuyên môn và trung cấp lý luận chính trị: chưa đối chiếu văn bản gốc. Quyết định đặt giới hạn tuổi khi giữ chức lần đầu (chưa mã hóa); yêu cầu còn trọn một nhiệm kỳ lấy theo chỉ thị đại hội của Đảng (Chỉ thị 35-CT/TW năm 2019, chưa xác nhận). Mức tuổi tái cử trước năm 2025 chưa nhập.',
  },
  {
    code: 'QD-04-2004/mien-nui',
    set_code: 'QD-04-2004',
    scope: 'national',
    applies_kind: 'group',
    title_codes: [],
    title_group: 'key',
    applies_to_titles: [
      'bi_thu_dang_uy',
      'pho_bi_thu_thuong_truc',
      'pho_bi_thu_dang_uy',
      'chu_tich_hdnd',
      'pho_chu_tich_hdnd',
      'chu_tich_ubnd',
      'pho_chu_tich_ubnd',
    ],
    title_specificity: 0,
    valid_from: '2004-01-16',
    valid_to: '2023-07-31',
    area_class: 'disadvantaged',
    min_professional: null,
    professional_fields: [],
    min_political_theory: 'so_cap',
    min_state_management: null,
    require_high_school: false,
    min_months_first_appointment: 60,
    min_months_reelection: null,
    confirmed: false,
    legal_basis: 'Quyết định 04/2004/QĐ-BNV, tiêu chuẩn cán bộ chủ chốt xã ở miền núi, vùng cao',
    note: 'Biến thể miền núi thấp hơn đồng bằng: tốt nghiệp trung học cơ sở, sơ cấp chuyên môn và sơ cấp lý luận chính trị (chưa đối chiếu văn bản gốc). Thang trình độ chuyên môn của hệ thống không có bậc sơ cấp nên không đặt mức chuyên môn tối thiểu.',
  },
  {
    code: 'BG-2020/dong-bang',
    set_code: 'BG-2020',
    scope: 'provincial',
    applies_kind: 'group',
    title_codes: [],
    title_group: 'key',
    applies_to_titles: [
      'bi_thu_dang_uy',
      'pho_bi_thu_thuong_truc',
      'pho_bi_thu_dang_uy',
      'chu_tich_hdnd',
      'pho_chu_tich_hdnd',
      'chu_tich_ubnd',
      'pho_chu_tich_ubnd',
    ],
    title_specificity: 0,
    valid_from: '2020-01-01',
    valid_to: '2023-07-31',
    area_class: 'plains',
    min_professional: 'dai_hoc',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: null,
    confirmed: false,
    legal_basis: 'Tiêu chuẩn cán bộ chủ chốt cấp xã nhiệm kỳ 2020–2025 của Tỉnh ủy Bắc Giang, xã đồng bằng',
    note: 'Đại học và trung cấp lý luận chính trị trở lên, như Thành ủy Bắc Giang báo cáo (2021); thay Quyết định 04/2004/QĐ-BNV ở xã đồng bằng của tỉnh cho đến khi Nghị định 33/2023/NĐ-CP có hiệu lực. Văn bản, phạm vi (toàn tỉnh hay riêng thành phố) và thời điểm bắt đầu chưa xác nhận.',
  },
  {
    code: 'ND-33-2023/dang-uy',
    set_code: 'ND-33-2023',
    scope: 'national',
    applies_kind: 'titles',
    title_codes: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'],
    title_group: null,
    applies_to_titles: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'],
    title_specificity: 2,
    valid_from: '2023-08-01',
    valid_to: '2025-06-30',
    area_class: 'any',
    min_professional: 'dai_hoc',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: 48,
    confirmed: false,
    legal_basis:
      'Nghị định 33/2023/NĐ-CP, Điều 8: tốt nghiệp THPT, đại học trở lên; lý luận chính trị theo quy định của Đảng; còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 tháng) khi bổ nhiệm, bầu lần đầu (Nghị định 33/2023/NĐ-CP); tái cử cấp ủy còn ít nhất 48 tháng công tác tính đến tháng đại hội (Chỉ thị 45-CT/TW ngày 14/4/2025)',
    note: 'Nghị định dẫn chiếu quy định của Đảng về lý luận chính trị của Bí thư, Phó Bí thư; mức trung cấp trở lên là giả định, chưa xác nhận.',
  },
  {
    code: 'ND-33-2023/dang-uy-vung-kho-khan',
    set_code: 'ND-33-2023',
    scope: 'national',
    applies_kind: 'titles',
    title_codes: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'],
    title_group: null,
    applies_to_titles: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'],
    title_specificity: 2,
    valid_from: '2023-08-01',
    valid_to: '2025-06-30',
    area_class: 'disadvantaged',
    min_professional: 'trung_cap',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: 48,
    confirmed: false,
    legal_basis:
      'Nghị định 33/2023/NĐ-CP, Điều 8: vùng miền núi, biên giới, hải đảo, dân tộc thiểu số, đặc biệt khó khăn, tỉnh có thể hạ chuyên môn xuống trung cấp; còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 tháng) khi bổ nhiệm, bầu lần đầu (Nghị định 33/2023/NĐ-CP); tái cử cấp ủy còn ít nhất 48 tháng công tác tính đến tháng đại hội (Chỉ thị 45-CT/TW ngày 14/4/2025)',
    note: 'Giả định tỉnh đã quyết định hạ chuẩn chuyên môn xuống trung cấp; nếu tỉnh không hạ, quản trị viên xóa tiêu chuẩn này. Lý luận chính trị như tiêu chuẩn chung, chưa xác nhận.',
  },
  {
    code: 'ND-33-2023/hdnd-ubnd',
    set_code: 'ND-33-2023',
    scope: 'national',
    applies_kind: 'titles',
    title_codes: ['chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
    title_group: null,
    applies_to_titles: ['chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
    title_specificity: 2,
    valid_from: '2023-08-01',
    valid_to: '2025-06-30',
    area_class: 'any',
    min_professional: 'dai_hoc',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: 48,
    confirmed: true,
    legal_basis:
      'Nghị định 33/2023/NĐ-CP, Điều 8: tốt nghiệp THPT, đại học trở lên, trung cấp lý luận chính trị trở lên; còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 tháng) khi bổ nhiệm, bầu lần đầu (Nghị định 33/2023/NĐ-CP); tái cử cấp ủy còn ít nhất 48 tháng công tác tính đến tháng đại hội (Chỉ thị 45-CT/TW ngày 14/4/2025)',
    note: '',
  },
  {
    code: 'ND-33-2023/hdnd-ubnd-vung-kho-khan',
    set_code: 'ND-33-2023',
    scope: 'national',
    applies_kind: 'titles',
    title_codes: ['chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
    title_group: null,
    applies_to_titles: ['chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
    title_specificity: 2,
    valid_from: '2023-08-01',
    valid_to: '2025-06-30',
    area_class: 'disadvantaged',
    min_professional: 'trung_cap',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: 48,
    confirmed: false,
    legal_basis:
      'Nghị định 33/2023/NĐ-CP, Điều 8: vùng miền núi, biên giới, hải đảo, dân tộc thiểu số, đặc biệt khó khăn, tỉnh có thể hạ chuyên môn xuống trung cấp; còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 tháng) khi bổ nhiệm, bầu lần đầu (Nghị định 33/2023/NĐ-CP); tái cử cấp ủy còn ít nhất 48 tháng công tác tính đến tháng đại hội (Chỉ thị 45-CT/TW ngày 14/4/2025)',
    note: 'Giả định tỉnh đã quyết định hạ chuẩn chuyên môn xuống trung cấp; nếu tỉnh không hạ, quản trị viên xóa tiêu chuẩn này.',
  },
  {
    code: 'CV-03-2025/chu-chot',
    set_code: 'CV-03-2025',
    scope: 'national',
    applies_kind: 'group',
    title_codes: [],
    title_group: 'key',
    applies_to_titles: [
      'bi_thu_dang_uy',
      'pho_bi_thu_thuong_truc',
      'pho_bi_thu_dang_uy',
      'chu_tich_hdnd',
      'pho_chu_tich_hdnd',
      'chu_tich_ubnd',
      'pho_chu_tich_ubnd',
    ],
    title_specificity: 0,
    valid_from: '2025-07-01',
    valid_to: null,
    area_class: 'any',
    min_professional: 'dai_hoc',
    professional_fields: [],
    min_political_theory: 'trung_cap',
    min_state_management: null,
    require_high_school: true,
    min_months_first_appointment: 60,
    min_months_reelection: 48,
    confirmed: false,
    legal_basis:
      'Công văn 03/CV-BCĐ năm 2025: tiêu chuẩn lãnh đạo cấp xã theo tiêu chuẩn lãnh đạo cấp huyện trước đây; tái cử cấp ủy còn ít nhất 48 tháng công tác tính đến tháng đại hội (Chỉ thị 45-CT/TW ngày 14/4/2025)',
    note: 'Chi tiết chưa xác nhận: tạm giữ đại học và trung cấp lý luận chính trị trở lên; tiêu chuẩn cấp huyện trước đây thường yêu cầu cao cấp lý luận chính trị với bí thư.',
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('standard_set')
    .addColumn('code', 'text', (col) => col.primaryKey().check(sql`code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'`))
    .addColumn('name_vi', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('national', 'provincial')`))
    .addColumn('legal_basis', 'text', (col) => col.notNull())
    .addColumn('confirmed', 'boolean', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('enabled', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('standard_rule')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (col) => col.notNull().check(sql`code ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{0,79}$'`))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('set_code', 'text', (col) => col.notNull().references('standard_set.code'))
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('national', 'provincial')`))
    .addColumn('applies_kind', 'text', (col) => col.notNull().check(sql`applies_kind in ('titles', 'group')`))
    .addColumn('title_codes', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('title_group', 'text')
    .addColumn('applies_to_titles', sql`text[]`, (col) => col.notNull())
    // 2 when titles are listed, 1 for a body's group, 0 for all key titles: the order selectRule uses.
    .addColumn('title_specificity', 'smallint', (col) => col.notNull().check(sql`title_specificity in (0, 1, 2)`))
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('area_class', 'text', (col) => col.notNull().check(sql`area_class in ('plains', 'disadvantaged', 'any')`))
    .addColumn('min_professional', 'text')
    .addColumn('professional_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('min_political_theory', 'text')
    .addColumn('min_state_management', 'text')
    .addColumn('require_high_school', 'boolean', (col) => col.notNull())
    .addColumn('min_months_first_appointment', 'integer')
    .addColumn('min_months_reelection', 'integer')
    .addColumn('confirmed', 'boolean', (col) => col.notNull())
    .addColumn('legal_basis', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('change_note', 'text')
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'bigint', (col) => col.references('app_user.id'))
    .addCheckConstraint('standard_rule_period', sql`valid_to is null or valid_to >= valid_from`)
    .addCheckConstraint(
      'standard_rule_titles',
      sql`(applies_kind = 'titles' and cardinality(title_codes) > 0 and title_group is null) or (applies_kind = 'group' and title_group is not null and cardinality(title_codes) = 0)`,
    )
    .addUniqueConstraint('standard_rule_code_version', ['code', 'version'])
    .execute();
  await sql`create index standard_rule_set_idx on standard_rule (set_code, code, version)`.execute(db);

  await db.insertInto('standard_set').values(SHIPPED_SETS).execute();
  await db
    .insertInto('standard_rule')
    .values(
      SHIPPED_RULES.map((rule) => ({
        ...rule,
        version: 1,
        title_codes: sql`${rule.title_codes}::text[]`,
        applies_to_titles: sql`${rule.applies_to_titles}::text[]`,
        professional_fields: sql`${rule.professional_fields}::text[]`,
        change_note: 'Dữ liệu tiêu chuẩn kèm theo phần mềm',
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('standard_rule').execute();
  await db.schema.dropTable('standard_set').execute();
}
