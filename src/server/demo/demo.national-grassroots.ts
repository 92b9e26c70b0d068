import { addDays, type IsoDate } from '../../core/dates.js';
import type { ProblemStatus } from '../../core/grassroots-problems.js';
import type { Db } from '../db/database.js';
import { GrassrootsBulkWriter, type ProblemRecord } from '../grassroots/grassroots.bulk.js';
import type { NationalCommune } from './national-demo.js';
import { chance, dateBetween, intBetween, pick, pickWeighted, streamFor } from './random.js';

/*
 * Grassroots problems of the national demo, in proportion to the article's
 * province (800+ problems for about 230 communes a year there): twenty per
 * commune a year for the five years of the 2020–2025 term, some 330,000 in
 * all, resolved at about the article's rate. They are registered on the 2025
 * communes, whose predecessors the national seed does not hold: the
 * benchmark's rate reports run on them.
 */

export const NATIONAL_PROBLEMS = { perCommuneYear: 20, years: [2021, 2022, 2023, 2024, 2025] as const } as const;

const TOPICS: readonly (readonly [readonly [string, string], number])[] = [
  [['moi_truong', 'Xử lý ô nhiễm môi trường khu dân cư'], 18],
  [['den_bu_gpmb', 'Giải phóng mặt bằng dự án trên địa bàn'], 16],
  [['vi_pham_dat_dai', 'Xử lý vi phạm đất đai, lấn chiếm đất công'], 16],
  [['an_ninh_trat_tu', 'Bảo đảm an ninh trật tự ở khu dân cư'], 10],
  [['ha_tang', 'Cứng hóa đường giao thông nông thôn'], 10],
  [['chinh_sach_xa_hoi', 'Giảm nghèo bền vững'], 8],
  [['dat_dai', 'Cấp giấy chứng nhận quyền sử dụng đất còn tồn đọng'], 6],
];

const COMMUNES_PER_BATCH = 200;

export interface NationalProblemCounts {
  problems: number;
}

export async function insertNationalGrassroots(
  trx: Db,
  communes: readonly NationalCommune[],
  createdBy: string,
  asOf: IsoDate,
): Promise<NationalProblemCounts> {
  const random = streamFor('toan-quoc-2025:grassroots');
  let problems = 0;
  for (let start = 0; start < communes.length; start += COMMUNES_PER_BATCH) {
    const batch = communes.slice(start, start + COMMUNES_PER_BATCH);
    const leads = await trx
      .selectFrom('cadre_post')
      .select(['unit_id', 'cadre_id'])
      .where(
        'unit_id',
        'in',
        batch.map((commune) => commune.id),
      )
      .where('is_key', '=', true)
      .orderBy('unit_id')
      .orderBy('cadre_id')
      .execute();
    const leadsOf = new Map<string, string[]>();
    for (const row of leads) leadsOf.set(row.unit_id, [...(leadsOf.get(row.unit_id) ?? []), row.cadre_id]);
    const records: ProblemRecord[] = [];
    for (const commune of batch) {
      const candidates = leadsOf.get(commune.id);
      if (!candidates) continue;
      for (const year of NATIONAL_PROBLEMS.years) {
        for (let index = 0; index < NATIONAL_PROBLEMS.perCommuneYear; index++) {
          const [fieldCode, title] = pickWeighted(random, TOPICS);
          const registeredOn = dateBetween(random, `${year}-01-05`, `${year}-03-31`);
          const targetOn = dateBetween(random, `${year}-06-30`, `${year}-11-30`);
          const midway = addDays(registeredOn, intBetween(random, 15, 60));
          const updates: ProblemRecord['updates'] = [{ on: midway, status: 'in_progress', note: 'Thường trực Đảng ủy giao nhiệm vụ, tổ chức triển khai' }];
          // The last months of the last year are still under way on the day the seed stands.
          const closing = dateBetween(random, addDays(midway, 10), addDays(targetOn, 20));
          if (closing <= asOf) {
            const outcome: ProblemStatus = chance(random, 0.945)
              ? 'resolved'
              : pickWeighted(random, [
                  ['partly_resolved', 3],
                  ['not_resolved', 1],
                ] as const);
            updates.push({ on: closing, status: outcome, note: outcome === 'resolved' ? 'Đã giải quyết dứt điểm' : 'Chưa giải quyết xong, báo cáo cấp trên' });
          }
          records.push({
            key: `national-${commune.id}-${year}-${index}`,
            communeId: commune.id,
            year,
            title: `${title} (${index + 1})`,
            fieldCode,
            leadCadreId: pick(random, candidates),
            registeredOn,
            targetOn,
            resolution: null,
            updates,
            petitionIds: [],
            createdBy,
          });
        }
      }
    }
    await new GrassrootsBulkWriter(trx).problems(records);
    problems += records.length;
  }
  return { problems };
}
