import { type Kysely, sql } from 'kysely';

/*
 * Citizen petitions (đơn khiếu nại, tố cáo, kiến nghị, phản ánh) on the legal
 * clock, and the dialogues (đối thoại, tiếp xúc) held to settle them:
 * - legal_period: the periods of the laws as dated rules, editable by an
 *   administrator (Law 136/2025/QH15 amends them from 2026-07-01);
 * - work_calendar_day: the days off of state offices and the Saturdays worked
 *   in swaps, as announced each year, and for the years not yet announced,
 *   the Labour Code's holidays (Tết and Giỗ Tổ by the lunar calendar);
 * - petition and its petitioners, handlers, events, attachments;
 * - dialogue with its commitments and the petitions it took up.
 */

/** Days off as announced by the government's yearly notices (2020–2025), then computed from the Labour Code 2019, art. 112 (2026–2030). */
const CALENDAR_DAYS: ReadonlyArray<readonly [string, 'day_off' | 'working_day', string, 'announced' | 'statutory']> = [
  ['2020-01-01', 'day_off', 'Tết Dương lịch', 'announced'],
  ['2020-01-23', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2020-01-24', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2020-01-27', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2020-01-28', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2020-01-29', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2020-04-02', 'day_off', 'Giỗ Tổ Hùng Vương', 'announced'],
  ['2020-04-30', 'day_off', 'Ngày Chiến thắng', 'announced'],
  ['2020-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'announced'],
  ['2020-09-02', 'day_off', 'Quốc khánh', 'announced'],
  ['2021-01-01', 'day_off', 'Tết Dương lịch', 'announced'],
  ['2021-02-10', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2021-02-11', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2021-02-12', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2021-02-15', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2021-02-16', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2021-04-21', 'day_off', 'Giỗ Tổ Hùng Vương', 'announced'],
  ['2021-04-30', 'day_off', 'Ngày Chiến thắng', 'announced'],
  ['2021-05-03', 'day_off', 'Nghỉ bù Ngày Quốc tế Lao động', 'announced'],
  ['2021-09-02', 'day_off', 'Quốc khánh', 'announced'],
  ['2021-09-03', 'day_off', 'Quốc khánh', 'announced'],
  ['2022-01-03', 'day_off', 'Nghỉ bù Tết Dương lịch', 'announced'],
  ['2022-01-31', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2022-02-01', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2022-02-02', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2022-02-03', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2022-02-04', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2022-04-11', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'announced'],
  ['2022-05-02', 'day_off', 'Nghỉ bù Ngày Chiến thắng', 'announced'],
  ['2022-05-03', 'day_off', 'Nghỉ bù Ngày Quốc tế Lao động', 'announced'],
  ['2022-09-01', 'day_off', 'Quốc khánh', 'announced'],
  ['2022-09-02', 'day_off', 'Quốc khánh', 'announced'],
  ['2023-01-02', 'day_off', 'Nghỉ bù Tết Dương lịch', 'announced'],
  ['2023-01-20', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2023-01-23', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2023-01-24', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2023-01-25', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2023-01-26', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2023-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'announced'],
  ['2023-05-02', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'announced'],
  ['2023-05-03', 'day_off', 'Nghỉ bù Ngày Chiến thắng', 'announced'],
  ['2023-09-01', 'day_off', 'Quốc khánh', 'announced'],
  ['2023-09-04', 'day_off', 'Nghỉ bù Quốc khánh', 'announced'],
  ['2024-01-01', 'day_off', 'Tết Dương lịch', 'announced'],
  ['2024-02-08', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2024-02-09', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2024-02-12', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2024-02-13', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2024-02-14', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2024-04-18', 'day_off', 'Giỗ Tổ Hùng Vương', 'announced'],
  ['2024-04-29', 'day_off', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05)', 'announced'],
  ['2024-04-30', 'day_off', 'Ngày Chiến thắng', 'announced'],
  ['2024-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'announced'],
  ['2024-09-02', 'day_off', 'Quốc khánh', 'announced'],
  ['2024-09-03', 'day_off', 'Quốc khánh', 'announced'],
  ['2025-01-01', 'day_off', 'Tết Dương lịch', 'announced'],
  ['2025-01-27', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2025-01-28', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2025-01-29', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2025-01-30', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2025-01-31', 'day_off', 'Tết Nguyên đán', 'announced'],
  ['2025-04-07', 'day_off', 'Giỗ Tổ Hùng Vương', 'announced'],
  ['2025-04-30', 'day_off', 'Ngày Chiến thắng', 'announced'],
  ['2025-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'announced'],
  ['2025-05-02', 'day_off', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)', 'announced'],
  ['2025-09-01', 'day_off', 'Quốc khánh', 'announced'],
  ['2025-09-02', 'day_off', 'Quốc khánh', 'announced'],
  ['2024-05-04', 'working_day', 'Làm bù cho ngày nghỉ 29/04/2024', 'announced'],
  ['2025-04-26', 'working_day', 'Làm bù cho ngày nghỉ 02/05/2025', 'announced'],
  ['2026-01-01', 'day_off', 'Tết Dương lịch', 'statutory'],
  ['2026-02-16', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2026-02-17', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2026-02-18', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2026-02-19', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2026-02-20', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2026-04-27', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'statutory'],
  ['2026-04-30', 'day_off', 'Ngày Chiến thắng', 'statutory'],
  ['2026-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'statutory'],
  ['2026-09-02', 'day_off', 'Quốc khánh', 'statutory'],
  ['2026-09-03', 'day_off', 'Quốc khánh', 'statutory'],
  ['2027-01-01', 'day_off', 'Tết Dương lịch', 'statutory'],
  ['2027-02-05', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2027-02-08', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2027-02-09', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2027-02-10', 'day_off', 'Nghỉ bù Tết Nguyên đán', 'statutory'],
  ['2027-02-11', 'day_off', 'Nghỉ bù Tết Nguyên đán', 'statutory'],
  ['2027-04-16', 'day_off', 'Giỗ Tổ Hùng Vương', 'statutory'],
  ['2027-04-30', 'day_off', 'Ngày Chiến thắng', 'statutory'],
  ['2027-05-03', 'day_off', 'Nghỉ bù Ngày Quốc tế Lao động', 'statutory'],
  ['2027-09-02', 'day_off', 'Quốc khánh', 'statutory'],
  ['2027-09-03', 'day_off', 'Quốc khánh', 'statutory'],
  ['2028-01-03', 'day_off', 'Nghỉ bù Tết Dương lịch', 'statutory'],
  ['2028-01-25', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2028-01-26', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2028-01-27', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2028-01-28', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2028-01-31', 'day_off', 'Nghỉ bù Tết Nguyên đán', 'statutory'],
  ['2028-04-04', 'day_off', 'Giỗ Tổ Hùng Vương', 'statutory'],
  ['2028-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'statutory'],
  ['2028-05-02', 'day_off', 'Nghỉ bù Ngày Chiến thắng', 'statutory'],
  ['2028-09-01', 'day_off', 'Quốc khánh', 'statutory'],
  ['2028-09-04', 'day_off', 'Nghỉ bù Quốc khánh', 'statutory'],
  ['2029-01-01', 'day_off', 'Tết Dương lịch', 'statutory'],
  ['2029-02-12', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2029-02-13', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2029-02-14', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2029-02-15', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2029-02-16', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2029-04-23', 'day_off', 'Giỗ Tổ Hùng Vương', 'statutory'],
  ['2029-04-30', 'day_off', 'Ngày Chiến thắng', 'statutory'],
  ['2029-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'statutory'],
  ['2029-09-03', 'day_off', 'Quốc khánh', 'statutory'],
  ['2029-09-04', 'day_off', 'Nghỉ bù Quốc khánh', 'statutory'],
  ['2030-01-01', 'day_off', 'Tết Dương lịch', 'statutory'],
  ['2030-02-01', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2030-02-04', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2030-02-05', 'day_off', 'Tết Nguyên đán', 'statutory'],
  ['2030-02-06', 'day_off', 'Nghỉ bù Tết Nguyên đán', 'statutory'],
  ['2030-02-07', 'day_off', 'Nghỉ bù Tết Nguyên đán', 'statutory'],
  ['2030-04-12', 'day_off', 'Giỗ Tổ Hùng Vương', 'statutory'],
  ['2030-04-30', 'day_off', 'Ngày Chiến thắng', 'statutory'],
  ['2030-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'statutory'],
  ['2030-09-02', 'day_off', 'Quốc khánh', 'statutory'],
  ['2030-09-03', 'day_off', 'Quốc khánh', 'statutory'],
];

type Unit = 'calendar_days' | 'working_days' | 'times';

/** The periods as the laws set them; "ngày" read as calendar days (Civil Code 2015, art. 147–148) unless the law says "ngày làm việc". */
const LEGAL_PERIODS: ReadonlyArray<readonly [string, number, Unit, string, string]> = [
  ['complaint.acceptance', 10, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 27'],
  ['complaint.first.normal', 30, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 28'],
  ['complaint.first.complex', 45, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 28'],
  ['complaint.first.remote', 45, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 28'],
  ['complaint.first.remote_complex', 60, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 28'],
  ['complaint.second.normal', 45, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 37'],
  ['complaint.second.complex', 60, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 37'],
  ['complaint.second.remote', 60, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 37'],
  ['complaint.second.remote_complex', 70, 'calendar_days', '2012-07-01', 'Luật Khiếu nại 2011, Điều 37'],
  ['denunciation.screening', 7, 'working_days', '2019-01-01', 'Luật Tố cáo 2018, Điều 24'],
  ['denunciation.screening_several_places', 10, 'working_days', '2019-01-01', 'Luật Tố cáo 2018, Điều 24'],
  ['denunciation.settlement', 30, 'calendar_days', '2019-01-01', 'Luật Tố cáo 2018, Điều 30'],
  ['denunciation.extension', 30, 'calendar_days', '2019-01-01', 'Luật Tố cáo 2018, Điều 30'],
  ['denunciation.extensions.complex', 1, 'times', '2019-01-01', 'Luật Tố cáo 2018, Điều 30'],
  ['denunciation.extensions.especially_complex', 2, 'times', '2019-01-01', 'Luật Tố cáo 2018, Điều 30'],
  ['petition.answer', 10, 'working_days', '2014-07-01', 'Luật Tiếp công dân 2013, Điều 28'],
  ['over_level.report_back', 7, 'working_days', '2014-07-01', 'Luật Tiếp công dân 2013, Điều 26'],
];

const PETITION_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['dat_dai', 'Đất đai'],
  ['den_bu_gpmb', 'Bồi thường, giải phóng mặt bằng'],
  ['vi_pham_dat_dai', 'Vi phạm đất đai, trật tự xây dựng'],
  ['moi_truong', 'Môi trường'],
  ['chinh_sach_xa_hoi', 'Chính sách xã hội'],
  ['can_bo', 'Thái độ, hành vi của cán bộ, công chức'],
  ['tai_chinh', 'Tài chính, đóng góp của dân'],
  ['an_ninh_trat_tu', 'An ninh, trật tự'],
  ['ha_tang', 'Hạ tầng, giao thông, thủy lợi'],
  ['khac', 'Lĩnh vực khác'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legal_period')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('amount', 'integer', (col) => col.notNull().check(sql`amount between 0 and 3650`))
    .addColumn('unit', 'text', (col) => col.notNull().check(sql`unit in ('calendar_days', 'working_days', 'times')`))
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('basis', 'text', (col) => col.notNull().check(sql`length(basis) between 1 and 500`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('legal_period_dates', sql`valid_to is null or valid_to >= valid_from`)
    .addUniqueConstraint('legal_period_code_from', ['code', 'valid_from'])
    .execute();
  await db
    .insertInto('legal_period')
    .values(LEGAL_PERIODS.map(([code, amount, unit, validFrom, basis]) => ({ code, amount, unit, valid_from: validFrom, basis })))
    .execute();

  await db.schema
    .createTable('work_calendar_day')
    .addColumn('day', 'date', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('day_off', 'working_day')`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(name) between 1 and 200`))
    // announced: from the year's notice; statutory: computed from the Labour Code; admin: entered by hand.
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('announced', 'statutory', 'admin')`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // A day off on a weekend means nothing; a working day is only ever a Saturday or Sunday.
    .addCheckConstraint('work_calendar_day_weekday', sql`(kind = 'day_off') = (extract(isodow from day) < 6)`)
    .execute();
  await db
    .insertInto('work_calendar_day')
    .values(CALENDAR_DAYS.map(([day, kind, name, source]) => ({ day, kind, name, source })))
    .execute();

  await db.schema
    .createTable('petition_field')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db
    .insertInto('petition_field')
    .values(PETITION_FIELDS.map(([code, name], position) => ({ code, name, position })))
    .execute();

  await db.schema
    .createTable('petition')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    // The body that received it and must handle it.
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    // The commune the matter arose in, as it was on the day of receipt.
    .addColumn('commune_id', 'bigint', (col) => col.references('admin_unit.id'))
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('received_on', 'date', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('reception', 'mail', 'handed', 'transferred', 'online')`))
    .addColumn('type', 'text', (col) => col.notNull().check(sql`type in ('khieu_nai', 'to_cao', 'kien_nghi', 'phan_anh')`))
    .addColumn('field_code', 'text', (col) => col.notNull().references('petition_field.code'))
    .addColumn('subject', 'text', (col) => col.notNull().check(sql`length(subject) between 1 and 500`))
    .addColumn('content', 'text', (col) => col.notNull().check(sql`length(content) between 1 and 20000`))
    .addColumn('search_folded', 'text', (col) => col.notNull())
    .addColumn('petitioners_folded', 'text', (col) => col.notNull())
    .addColumn('anonymous', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('against_party_member', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('complaint_round', 'smallint', (col) => col.notNull().defaultTo(1).check(sql`complaint_round in (1, 2)`))
    .addColumn('complex', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('remote_area', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('denunciation_complexity', 'text', (col) =>
      col.notNull().defaultTo('normal').check(sql`denunciation_complexity in ('normal', 'complex', 'especially_complex')`),
    )
    .addColumn('verified_at_several_places', 'boolean', (col) => col.notNull().defaultTo(false))
    // Sent to a level above the one competent to settle it (vượt cấp, Law on Citizen Reception 2013, art. 26).
    .addColumn('over_level', 'boolean', (col) => col.notNull().defaultTo(false))
    // The higher level's petition this one was sent down from; this one reports back to it.
    .addColumn('parent_id', 'bigint', (col) => col.references('petition.id'))
    .addColumn('duplicate_of_id', 'bigint', (col) => col.references('petition.id'))
    // A second complaint names the first one it appeals.
    .addColumn('previous_id', 'bigint', (col) => col.references('petition.id'))
    .addColumn('handling', 'text', (col) => col.check(sql`handling in ('accepted', 'not_accepted', 'guided', 'transferred', 'referred_down', 'filed')`))
    .addColumn('decided_on', 'date')
    .addColumn('decided_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('decision_note', 'text')
    .addColumn('transferred_to', 'text')
    .addColumn('accepted_on', 'date')
    .addColumn('extensions_used', 'integer', (col) => col.notNull().defaultTo(0).check(sql`extensions_used between 0 and 10`))
    .addColumn('settled_on', 'date')
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('right', 'partly_right', 'wrong', 'answered')`))
    .addColumn('agreed', 'boolean')
    .addColumn('settlement_note', 'text')
    .addColumn('reported_back_on', 'date')
    // Each stage's deadline as computed when it started (and recomputed while it runs when rules or calendar change).
    .addColumn('processing_due_on', 'date', (col) => col.notNull())
    .addColumn('settlement_due_on', 'date')
    .addColumn('report_due_on', 'date')
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('petition_unit_number', ['unit_id', 'number'])
    .addCheckConstraint('petition_anonymous_denunciation', sql`not (anonymous and type = 'to_cao' and handling = 'accepted')`)
    .addCheckConstraint(
      'petition_dates',
      sql`(decided_on is null or decided_on >= received_on) and (accepted_on is null or accepted_on >= received_on)
      and (settled_on is null or settled_on >= coalesce(accepted_on, received_on)) and (reported_back_on is null or reported_back_on >= settled_on)`,
    )
    .execute();
  await db.schema.createIndex('petition_unit_idx').on('petition').columns(['unit_id', 'received_on']).execute();
  await db.schema.createIndex('petition_commune_idx').on('petition').columns(['commune_id', 'received_on']).execute();
  await db.schema.createIndex('petition_parent_idx').on('petition').column('parent_id').where(sql.ref('parent_id'), 'is not', null).execute();
  // The inbox lists cases still running by receiving unit; this index holds only those (the predicate is the repository's IS_OPEN).
  await sql`create index petition_open_unit_idx on petition (unit_id)
    where (handling is null or (handling = 'accepted' and settled_on is null) or (report_due_on is not null and reported_back_on is null))`.execute(db);
  // The period report reads these columns of every case of a unit (the whole country: some 400,000 a year): a narrow
  // covering index lets it scan a tenth of the bytes of the table, whose rows carry the petitions' texts.
  await sql`create index petition_report_idx on petition (received_on)
    include (unit_id, type, channel, field_code, handling, settled_on, settlement_due_on, agreed, processing_due_on)`.execute(db);
  // Over-level petitions, a few in a hundred, counted by the commune they concern.
  await sql`create index petition_over_level_idx on petition (commune_id, received_on) where over_level`.execute(db);

  await db.schema
    .createTable('petition_petitioner')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('petition_id', 'bigint', (col) => col.notNull().references('petition.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('full_name', 'text', (col) => col.notNull().check(sql`length(full_name) between 1 and 200`))
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('personal_id', 'text')
    .addColumn('representative', 'boolean', (col) => col.notNull().defaultTo(false))
    .addUniqueConstraint('petition_petitioner_position', ['petition_id', 'position'])
    .execute();

  // Those assigned to handle a case: only they see a denouncer's identity (Law on Denunciations 2018, art. 47–48).
  await db.schema
    .createTable('petition_handler')
    .addColumn('petition_id', 'bigint', (col) => col.notNull().references('petition.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addPrimaryKeyConstraint('petition_handler_pk', ['petition_id', 'user_id'])
    .execute();
  await db.schema.createIndex('petition_handler_user_idx').on('petition_handler').column('user_id').execute();

  await db.schema
    .createTable('petition_event')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('petition_id', 'bigint', (col) => col.notNull().references('petition.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('occurred_on', 'date', (col) => col.notNull())
    .addColumn('user_id', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('petition_event_petition_idx').on('petition_event').columns(['petition_id', 'occurred_on']).execute();

  await db.schema
    .createTable('petition_attachment')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('petition_id', 'bigint', (col) => col.notNull().references('petition.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull().check(sql`content_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (col) => col.notNull().check(sql`size_bytes between 1 and 10485760`))
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addColumn('uploaded_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('petition_attachment_petition_idx').on('petition_attachment').column('petition_id').execute();

  await db.schema
    .createTable('dialogue')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('held_on', 'date', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('dialogue', 'meeting')`))
    .addColumn('topic', 'text', (col) => col.notNull().check(sql`length(topic) between 1 and 500`))
    .addColumn('place', 'text')
    // Standing members of the Party committee, People's Council, People's Committee who led it.
    .addColumn('organisers', 'text', (col) => col.notNull())
    .addColumn('participants', 'integer', (col) => col.check(sql`participants between 0 and 100000`))
    .addColumn('outcome', 'text')
    .addColumn('agreed', 'boolean')
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('dialogue_commune_idx').on('dialogue').columns(['commune_id', 'held_on']).execute();

  await db.schema
    .createTable('dialogue_petition')
    .addColumn('dialogue_id', 'bigint', (col) => col.notNull().references('dialogue.id').onDelete('cascade'))
    .addColumn('petition_id', 'bigint', (col) => col.notNull().references('petition.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('dialogue_petition_pk', ['dialogue_id', 'petition_id'])
    .execute();
  await db.schema.createIndex('dialogue_petition_petition_idx').on('dialogue_petition').column('petition_id').execute();

  await db.schema
    .createTable('dialogue_commitment')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('dialogue_id', 'bigint', (col) => col.notNull().references('dialogue.id').onDelete('cascade'))
    .addColumn('action', 'text', (col) => col.notNull().check(sql`length(action) between 1 and 1000`))
    .addColumn('responsible', 'text', (col) => col.notNull().check(sql`length(responsible) between 1 and 300`))
    .addColumn('due_on', 'date', (col) => col.notNull())
    .addColumn('done_on', 'date')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('dialogue_commitment_dialogue_idx').on('dialogue_commitment').column('dialogue_id').execute();

  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'dialogue_commitment',
    'dialogue_petition',
    'dialogue',
    'petition_attachment',
    'petition_event',
    'petition_handler',
    'petition_petitioner',
    'petition',
    'petition_field',
    'work_calendar_day',
    'legal_period',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
