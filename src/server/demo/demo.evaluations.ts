import type { EvaluationClass } from '../../core/evaluation.js';
import type { Db } from '../db/database.js';
import { EvaluationsRepository } from '../evaluations/evaluations.repository.js';
import { PROVINCE_DEMO, type ProvinceTerritory } from './province-demo.js';
import { intBetween, pick, pickWeighted, shuffled, streamFor } from './random.js';

/*
 * Yearly classes of the Bắc Giang key cadres, 2020–2025, as such results
 * usually run: about one in seven excellent (under the cap of a fifth of
 * those rated good or better), most good, a few only completed; and a
 * handful reprimanded or warned in one year, classed "not completed" that
 * year as Decree 48/2023 requires.
 */
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const DISTRIBUTION: readonly (readonly [EvaluationClass, number])[] = [
  ['hoan_thanh_xuat_sac', 14],
  ['hoan_thanh_tot', 70],
  ['hoan_thanh', 15],
  ['khong_hoan_thanh', 1],
];
const DISCIPLINED = 9;
const REASONS = [
  'Thiếu kiểm tra, để xảy ra vi phạm trong quản lý đất đai tại địa phương',
  'Buông lỏng lãnh đạo công tác thu, chi ngân sách xã',
  'Chậm giải quyết đơn thư của công dân, để phát sinh khiếu nại vượt cấp',
];

export async function insertEvaluationsDemo(trx: Db, territory: ProvinceTerritory): Promise<{ evaluations: number; disciplines: number }> {
  const random = streamFor(`${PROVINCE_DEMO.seed}:evaluations`);
  const evaluations = new EvaluationsRepository();
  const communeIds = territory.districts.flatMap((district) => district.communes.map((commune) => commune.id));
  const held = await evaluations.keyHoldersAtYearEnds(trx, communeIds, YEARS);
  const disciplined = new Map(
    shuffled(
      random,
      held.filter((row) => row.year >= 2021),
    )
      .slice(0, DISCIPLINED)
      .map((row) => [`${row.cadre_id}:${row.year}`, row] as const),
  );
  const rows = held.map((row) => ({
    cadre_id: row.cadre_id,
    year: row.year,
    unit_id: row.unit_id,
    class: disciplined.has(`${row.cadre_id}:${row.year}`) ? ('khong_hoan_thanh' as const) : pickWeighted(random, DISTRIBUTION),
    points: null,
    evaluated_by: 'Ban Thường vụ Huyện ủy',
    note: null,
  }));
  await evaluations.insertEvaluations(trx, rows);
  for (const row of disciplined.values()) {
    const form = pick(random, ['khien_trach', 'khien_trach', 'canh_cao'] as const);
    await evaluations.insertDiscipline(trx, {
      cadre_id: row.cadre_id,
      form,
      decided_on: `${row.year}-${String(intBetween(random, 3, 11)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`,
      deciding_body: 'Ủy ban Kiểm tra Huyện ủy',
      decision_number: `${intBetween(random, 10, 99)}-QĐ/UBKT`,
      reason: pick(random, REASONS),
      evaluation_exception: null,
    });
  }
  return { evaluations: rows.length, disciplines: disciplined.size };
}
