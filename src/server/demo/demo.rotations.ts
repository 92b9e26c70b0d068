import { addDays, addMonths, type IsoDate } from '../../core/dates.js';
import { rotationWarnings } from '../../core/rotation.js';
import { WEAK_FIELDS, type WeakField } from '../../core/commune-profile.js';
import { CommuneProfileRepository } from '../commune-profile/commune-profile.repository.js';
import type { Db } from '../db/database.js';
import { RotationsRepository } from '../rotations/rotations.repository.js';
import { SuccessionRepository } from '../succession/succession.repository.js';
import { HOANG_MINH_THANH, PROVINCE_DEMO, type ProvinceTerritory } from './province-demo.js';
import { chance, intBetween, pick, shuffled, streamFor } from './random.js';

/*
 * The article's rotations as records: "Từ đầu nhiệm kỳ đến nay, toàn tỉnh có
 * hơn 70 cán bộ ở các huyện, TP được luân chuyển" into key posts of weak
 * communes, among them Hoàng Minh Thành (June 2020, Vice-chair of the Lạng
 * Giang Farmers' Association → Chair of the People's Committee of Nghĩa
 * Hưng). Every post the province demo marks as obtained by rotation or
 * assignment becomes a decision of the district's standing committee, the
 * commune it went to was designated weak the year it started, a dozen weak
 * communes received no one, and about half of the receiving communes left
 * the list in 2021.
 */

const REASONS: Readonly<Record<WeakField, string>> = {
  xay_dung_dang: 'Tổ chức cơ sở đảng nhiều năm không hoàn thành nhiệm vụ',
  chinh_quyen: 'Chính quyền xã điều hành thiếu hiệu quả, nhiều chỉ tiêu không đạt',
  kinh_te: 'Tăng trưởng kinh tế thấp, tỉ lệ hộ nghèo cao hơn bình quân của huyện',
  tai_chinh_ngan_sach: 'Thu ngân sách trên địa bàn đạt thấp so với dự toán',
  dat_dai_moi_truong: 'Vi phạm đất đai, trật tự xây dựng kéo dài chưa xử lý dứt điểm',
  an_ninh_trat_tu: 'Tình hình an ninh, trật tự có diễn biến phức tạp',
  khieu_nai_to_cao: 'Khiếu nại, tố cáo đông người, vượt cấp',
  doan_ket_noi_bo: 'Nội bộ cấp ủy, chính quyền thiếu đoàn kết',
  van_hoa_xa_hoi: 'Chưa đạt chuẩn nông thôn mới theo kế hoạch',
  khac: 'Nhiều mặt công tác còn hạn chế',
};

const PLANNED_TERM = '2020-2025';

const MIDTERM = [
  'Nhanh chóng nắm bắt tình hình địa phương, cùng tập thể Thường trực Đảng ủy lãnh đạo giải quyết các vụ việc tồn đọng',
  'Hoàn thành tốt nhiệm vụ được giao; chỉ đạo quyết liệt công tác thu ngân sách, giải phóng mặt bằng',
  'Hoàn thành nhiệm vụ; cần tăng cường đối thoại với nhân dân ở các thôn còn nhiều đơn thư',
];

const FINAL = [
  'Hoàn thành tốt nhiệm vụ; xã đã khắc phục được các mặt hạn chế, yếu kém',
  'Hoàn thành xuất sắc nhiệm vụ; đoàn kết nội bộ được củng cố, các chỉ tiêu chủ yếu đều đạt',
  'Hoàn thành nhiệm vụ; một số chỉ tiêu về thu ngân sách chưa đạt',
];

/** "Huyện ủy Lạng Giang" for a district named "Huyện Lạng Giang". */
function partyCommitteeOf(district: ProvinceTerritory['districts'][number]): string {
  const place = district.name.slice(district.type.length + 1);
  return `${district.type === 'Thành phố' ? 'Thành ủy' : district.type === 'Thị xã' ? 'Thị ủy' : 'Huyện ủy'} ${place}`;
}

export interface RotationDemoCounts {
  rotations: number;
  weakDesignations: number;
}

export async function insertRotationsDemo(trx: Db, territory: ProvinceTerritory): Promise<RotationDemoCounts> {
  const random = streamFor(`${PROVINCE_DEMO.seed}:rotations`);
  const rotations = new RotationsRepository();
  const profiles = new CommuneProfileRepository(trx);
  const districtOf = new Map(territory.districts.flatMap((district) => district.communes.map((commune) => [commune.id, district] as const)));
  const moved = await rotations.movedPostsIn(trx, [...districtOf.keys()]);
  const received = new Set<string>();
  const succession = new SuccessionRepository();
  const planOf = async (unitId: string, titleCode: string) =>
    (await succession.planFor(trx, unitId, PLANNED_TERM, titleCode))?.id ??
    succession.insertPlan(trx, { unit_id: unitId, term: PLANNED_TERM, term_starts_on: '2020-01-01', title_code: titleCode });
  let decisionNumber = 100;
  for (const post of moved) {
    const district = districtOf.get(post.unit_id)!;
    const isThanh = post.how_obtained === 'dieu_dong';
    const start = post.start_date;
    const rule = await rotations.ruleOn(trx, start);
    const plannedEnd = addMonths(start, rule.defaultMonths);
    const decisionDate = addDays(start, -intBetween(random, 5, 20));
    decisionNumber += intBetween(random, 1, 9);
    const originPostName = isThanh
      ? `Phó Chủ tịch Hội Nông dân ${district.name.charAt(0).toLocaleLowerCase('vi')}${district.name.slice(1)}`
      : (post.note ?? '').replace(/^Luân chuyển từ cấp huyện: nguyên /, '');
    // Regulation 65-QĐ/TW: the district planned them for the title before rotating them (the term 2020–2025's plan of the commune).
    const planId = await planOf(post.unit_id, post.title_code);
    await succession.insertEntry(trx, {
      plan_id: planId,
      cadre_id: post.cadre_id,
      added_on: addDays(decisionDate, -intBetween(random, 30, 120)),
      added_reason: 'Cán bộ cấp huyện trong quy hoạch, dự kiến luân chuyển về cơ sở',
    });
    const warnings = rotationWarnings({
      startDate: start,
      plannedEndDate: plannedEnd,
      person: { sex: post.gender === 'nam' ? 'male' : post.gender === 'nu' ? 'female' : null, birthDate: post.birth_date },
      destinationHolders: [],
      inSuccessionPlan: await succession.plannedOn(trx, post.cadre_id, post.unit_id, [post.title_code], start),
      rule,
    });
    await rotations.insert(trx, {
      cadre_id: post.cadre_id,
      kind: isThanh ? 'dieu_dong' : 'luan_chuyen',
      direction: 'down',
      purpose: 'strengthen_weak',
      purpose_note: 'Tăng cường cán bộ cho xã có mặt hạn chế, yếu kém',
      origin_unit_id: district.id,
      origin_post_name: originPostName,
      origin_post_id: null,
      origin_owning_unit_id: district.id,
      destination_unit_id: post.unit_id,
      destination_title_code: post.title_code,
      destination_post_id: post.id,
      decision_number: `${decisionNumber}-QĐ/${district.type === 'Thành phố' ? 'TU' : 'HU'}`,
      decision_date: decisionDate,
      decision_signer: `Ban Thường vụ ${partyCommitteeOf(district)}`,
      start_date: start,
      planned_end_date: plannedEnd,
      midterm_evaluation: pick(random, MIDTERM),
      // At the planned end each stayed in the post the congress (or the council) had elected them to.
      end_date: addDays(plannedEnd, -1),
      final_evaluation: pick(random, FINAL),
      placement: 'stay',
      placement_note: isThanh
        ? 'Được HĐND xã bầu giữ chức Chủ tịch UBND xã nhiệm kỳ 2021–2026'
        : 'Tiếp tục giữ chức danh được Đại hội Đảng bộ xã bầu, nhiệm kỳ 2020–2025',
      warnings: JSON.stringify(warnings),
    });
    received.add(post.unit_id);
  }

  // The communes that received someone were designated weak the year the rotation began; a dozen more received no one.
  const communes = territory.districts.flatMap((district) => district.communes);
  const others = shuffled(
    random,
    communes.filter((commune) => !received.has(commune.id)),
  ).slice(0, 12);
  let designations = 0;
  const designate = async (communeId: string, year: number) => {
    const fields = shuffled(
      random,
      WEAK_FIELDS.filter((f) => f !== 'khac'),
    ).slice(0, intBetween(random, 1, 2));
    await profiles.insertDesignation(trx, {
      communeId,
      year,
      fields,
      reasons: fields.map((field) => REASONS[field]).join('; '),
      decision: `Quyết định số ${intBetween(random, 200, 900)}/QĐ-UBND ngày ${year === 2020 ? '20/3/2020' : '18/3/2021'} của UBND tỉnh Bắc Giang`,
      decidedOn: year === 2020 ? '2020-03-20' : '2021-03-18',
      validFrom: `${year}-01-01` as IsoDate,
      validTo: `${year}-12-31` as IsoDate,
      note: null,
    });
    designations += 1;
  };
  const nghiaHung = communes.find((commune) => commune.code === HOANG_MINH_THANH.communeCode)?.id;
  for (const communeId of received) {
    await designate(communeId, 2020);
    // About half left the list after a year with the rotated cadre; Nghĩa Hưng did.
    if (communeId === nghiaHung || chance(random, 0.5)) continue;
    await designate(communeId, 2021);
  }
  for (const commune of others) {
    await designate(commune.id, 2020);
    await designate(commune.id, 2021);
  }
  return { rotations: moved.length, weakDesignations: designations };
}
