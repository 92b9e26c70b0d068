import { addDays, compareIsoDates, type IsoDate } from '../../core/dates.js';
import type { ProblemStatus } from '../../core/grassroots-problems.js';
import type { Db } from '../db/database.js';
import { GrassrootsBulkWriter, type ProblemRecord } from '../grassroots/grassroots.bulk.js';
import type { PetitionDemoUsers } from './demo.petitions.js';
import type { ProvinceTerritory } from './province-demo.js';
import { dateBetween, intBetween, pick, pickWeighted, type Random, shuffled, streamFor } from './random.js';

/*
 * Grassroots problems of the Bắc Giang demo, as the article tells 2021:
 * "các xã, phường, thị trấn đăng ký hơn 800 vấn đề cần tập trung cao trong
 * công tác lãnh đạo, chỉ đạo. Kết quả số vụ việc giải quyết đã đạt hơn
 * 94%… bảo vệ môi trường, đền bù giải phóng mặt bằng, xử lý vi phạm đất
 * đai". Four problems per commune (Quảng Minh's all resolved on time); of the
 * province's, 94.5 % resolved, the rest partly, not, or carried into 2022.
 */

export const PROBLEMS_2021 = {
  perCommune: 4,
  /** Share resolved: "hơn 94%". */
  resolvedShare: 0.945,
  quangMinhCode: '07792',
} as const;

const TOPICS: readonly (readonly [{ field: string; title: string; resolution: string }, number])[] = [
  [
    {
      field: 'moi_truong',
      title: 'Xử lý ô nhiễm môi trường tại các trại chăn nuôi trong khu dân cư',
      resolution: 'Kế hoạch của UBND xã về bảo vệ môi trường nông thôn năm 2021',
    },
    16,
  ],
  [
    {
      field: 'moi_truong',
      title: 'Thu gom, xử lý rác thải sinh hoạt, xóa bỏ bãi rác tự phát',
      resolution: 'Nghị quyết chuyên đề của Đảng ủy xã về vệ sinh môi trường',
    },
    14,
  ],
  [{ field: 'den_bu_gpmb', title: 'Giải phóng mặt bằng dự án đường tỉnh qua địa bàn xã', resolution: 'Kế hoạch phối hợp với Ban Quản lý dự án huyện' }, 16],
  [
    { field: 'den_bu_gpmb', title: 'Bồi thường, hỗ trợ tái định cư cho các hộ dân cụm công nghiệp', resolution: 'Nghị quyết của Đảng ủy xã về công tác GPMB' },
    10,
  ],
  [
    {
      field: 'vi_pham_dat_dai',
      title: 'Xử lý dứt điểm các trường hợp vi phạm đất đai, lấn chiếm đất công',
      resolution: 'Kế hoạch kiểm tra, xử lý vi phạm trật tự xây dựng năm 2021',
    },
    18,
  ],
  [
    {
      field: 'an_ninh_trat_tu',
      title: 'Đảm bảo an ninh trật tự, phòng chống tệ nạn xã hội ở thôn giáp ranh',
      resolution: 'Kế hoạch của Ban Chỉ đạo phòng chống tội phạm xã',
    },
    7,
  ],
  [{ field: 'ha_tang', title: 'Hoàn thành cứng hóa đường giao thông nội đồng', resolution: 'Nghị quyết HĐND xã về đầu tư xây dựng nông thôn mới' }, 8],
  [
    {
      field: 'chinh_sach_xa_hoi',
      title: 'Giảm tỉ lệ hộ nghèo, hỗ trợ người dân bị ảnh hưởng dịch Covid-19',
      resolution: 'Kế hoạch giảm nghèo bền vững năm 2021',
    },
    7,
  ],
  [
    {
      field: 'dat_dai',
      title: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu cho các hộ còn tồn đọng',
      resolution: 'Kế hoạch của UBND xã về cấp giấy chứng nhận',
    },
    4,
  ],
];

const DEMO_END: IsoDate = '2021-12-31';

/** The standing member in charge: one of the key post holders of the commune on the day. */
async function standingMembersOn(trx: Db, communeIds: readonly string[], on: IsoDate): Promise<Map<string, string[]>> {
  const rows = await trx
    .selectFrom('cadre_post')
    .select(['unit_id', 'cadre_id'])
    .where('unit_id', 'in', communeIds.length > 0 ? [...communeIds] : ['0'])
    .where('is_key', '=', true)
    .where('start_date', '<=', on)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', on)]))
    .orderBy('unit_id')
    .orderBy('cadre_id')
    .execute();
  const byCommune = new Map<string, string[]>();
  for (const row of rows) byCommune.set(row.unit_id, [...(byCommune.get(row.unit_id) ?? []), row.cadre_id]);
  return byCommune;
}

function outcomeUpdates(random: Random, record: Pick<ProblemRecord, 'registeredOn' | 'targetOn'>, outcome: ProblemStatus, onTime: boolean) {
  const midway = dateBetween(random, addDays(record.registeredOn, 20), addDays(record.registeredOn, 90));
  const updates: ProblemRecord['updates'] = [
    { on: midway, status: 'in_progress', note: 'Họp Thường trực Đảng ủy, giao nhiệm vụ cụ thể cho từng thôn, tổ chức triển khai' },
  ];
  if (outcome === 'carried_over') return updates;
  const closeBy = onTime ? record.targetOn : addDays(record.targetOn, intBetween(random, 5, 30));
  const closing = dateBetween(random, addDays(midway, 10), compareIsoDates(closeBy, DEMO_END) < 0 ? closeBy : DEMO_END);
  const notes: Record<string, string> = {
    resolved: 'Đã giải quyết dứt điểm, người dân đồng tình; có biên bản kiểm tra',
    partly_resolved: 'Giải quyết được một phần; phần còn lại chờ kinh phí của cấp trên',
    not_resolved: 'Chưa giải quyết được do vướng quy hoạch; báo cáo huyện xin ý kiến',
  };
  updates.push({ on: closing, status: outcome, note: notes[outcome]! });
  return updates;
}

export async function insertGrassrootsDemo(trx: Db, territory: ProvinceTerritory, users: PetitionDemoUsers): Promise<{ problems: number }> {
  const random = streamFor('bac-giang-2021:grassroots');
  const communes = territory.districts
    .flatMap((district) => district.communes)
    .filter((commune) => commune.validTo === null || compareIsoDates(commune.validTo, DEMO_END) >= 0);
  const leads = await standingMembersOn(
    trx,
    communes.map((commune) => commune.id),
    '2021-02-01',
  );
  const petitions = await trx
    .selectFrom('petition')
    .select(['id', 'unit_id', 'field_code'])
    .where('received_on', '>=', '2020-10-01')
    .where('received_on', '<=', '2021-03-31')
    .where('unit_id', 'in', communes.length > 0 ? communes.map((commune) => commune.id) : ['0'])
    .orderBy('id')
    .execute();
  const records: ProblemRecord[] = [];
  for (const commune of communes) {
    const candidates = leads.get(commune.id) ?? [];
    if (candidates.length === 0) continue;
    // Drawn by weight without repeats: most communes' lists lead with environment, compensation and land violations.
    const remaining = [...TOPICS];
    const topics: (typeof TOPICS)[number][0][] = [];
    while (topics.length < PROBLEMS_2021.perCommune) {
      const chosen = pickWeighted(random, remaining);
      topics.push(chosen);
      remaining.splice(
        remaining.findIndex(([topic]) => topic === chosen),
        1,
      );
    }
    for (const [index, topic] of topics.entries()) {
      const registeredOn = dateBetween(random, '2021-01-11', '2021-02-26');
      const targetOn = dateBetween(random, '2021-06-30', '2021-11-30');
      const related = petitions.filter((petition) => petition.unit_id === commune.id && petition.field_code === topic.field).slice(0, 2);
      records.push({
        key: `problem-${commune.id}-${index}`,
        communeId: commune.id,
        year: 2021,
        title: topic.title,
        fieldCode: topic.field,
        leadCadreId: pick(random, candidates),
        registeredOn,
        targetOn,
        resolution: topic.resolution,
        updates: [],
        petitionIds: related.map((petition) => petition.id),
        createdBy: users.byUnit.get(commune.id) ?? users.fallback,
      });
    }
  }
  // Exact shares so that "hơn 94%" holds: the unresolved ones are drawn outside Quảng Minh, whose problems all end on time.
  const resolvedCount = Math.ceil(records.length * PROBLEMS_2021.resolvedShare);
  const quangMinh = new Set(communes.filter((commune) => commune.code === PROBLEMS_2021.quangMinhCode).map((commune) => commune.id));
  const others = shuffled(
    random,
    records.filter((record) => !quangMinh.has(record.communeId)),
  );
  const unresolved = new Set(others.slice(0, records.length - resolvedCount).map((record) => record.key));
  const carried: ProblemRecord[] = [];
  for (const record of records) {
    const outcome: ProblemStatus = unresolved.has(record.key)
      ? pickWeighted(random, [
          ['partly_resolved', 3],
          ['carried_over', 4],
          ['not_resolved', 1],
        ] as const)
      : 'resolved';
    const onTime = quangMinh.has(record.communeId) || random() < 0.9;
    record.updates = outcomeUpdates(random, record, outcome, onTime);
    if (outcome === 'carried_over') {
      const on = dateBetween(random, '2021-12-15', '2021-12-29');
      record.updates.push({ on, status: 'carried_over', note: 'Chưa hoàn thành trong năm, chuyển sang năm 2022 tiếp tục chỉ đạo' });
      carried.push({
        ...record,
        key: `${record.key}-2022`,
        year: 2022,
        registeredOn: on,
        targetOn: '2022-06-30',
        updates: [{ on, status: 'registered', note: 'Chuyển tiếp từ năm 2021: chưa hoàn thành trong năm, chuyển sang năm 2022 tiếp tục chỉ đạo' }],
        carriedFromKey: record.key,
      });
    }
  }
  await new GrassrootsBulkWriter(trx).problems([...records, ...carried]);
  return { problems: records.length };
}
