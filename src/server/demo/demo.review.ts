import { type FocusFieldCode } from '../../core/course-types.js';
import { DEFAULT_FOCUS_FIELDS } from '../../core/training-needs.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { TrainingReviewService } from '../training-review/training-review.service.js';
import { DemoRepository } from './demo.repository.js';
import { joiningTransaction } from './joined-transaction.js';
import type { DemoDistrict, ProvinceTerritory } from './province-demo.js';

/*
 * The 2022 annual training review in the Bắc Giang demo, done through the
 * product's own review service by the demo's accounts, so that its plan is
 * exactly what the product proposes: the province names the year's focus
 * fields, Huyện Lạng Giang reviews its communes as of 01/01/2022, decides
 * (two people deferred, the rest accepted), submits, and the province
 * approves; Huyện Yên Dũng's list waits for the province's approval.
 */

const DEMO_REVIEW = {
  year: 2022,
  asOf: '2022-01-01',
  focusFields: ['xay_dung_dang', 'dat_dai'] as const satisfies readonly FocusFieldCode[],
  approvedDistrict: 'Huyện Lạng Giang',
  submittedDistrict: 'Huyện Yên Dũng',
} as const;

/** Realistic reasons a district leaves someone out; the gaps in the standard are all accepted, so that a class can close them. */
const DEFERRAL_REASONS = [
  'Đồng chí đang điều trị bệnh dài ngày, đề nghị cử đi học năm 2023',
  'Đồng chí được cử học lớp tập trung dài hạn trong năm 2022, đề nghị bồi dưỡng vào năm 2023',
] as const;

const repository = new DemoRepository();

async function demoActor(trx: Db, username: string): Promise<Actor> {
  const actor = await repository.actorOf(trx, username);
  if (!actor) throw new Error(`Không tìm thấy tài khoản minh họa ${username} để lập kế hoạch đào tạo năm ${DEMO_REVIEW.year}`);
  return actor;
}

function districtNamed(territory: ProvinceTerritory, name: string): DemoDistrict {
  const district = territory.districts.find((candidate) => candidate.name === name);
  if (!district) throw new Error(`Không tìm thấy ${name} trong danh mục đơn vị của dữ liệu minh họa`);
  return district;
}

/** A district's reviewed list, decided as a district officer would and sent to the province. */
async function reviewAndSubmit(service: TrainingReviewService, actor: Actor, district: DemoDistrict): Promise<string> {
  const review = await service.create(actor, {
    unitId: district.id,
    year: DEMO_REVIEW.year,
    asOf: DEMO_REVIEW.asOf,
    note: `Rà soát nhu cầu đào tạo, bồi dưỡng cán bộ chủ chốt các xã, thị trấn của ${district.name} năm ${DEMO_REVIEW.year}`,
  });
  const deferred = new Map(
    review.proposals
      .filter((proposal) => proposal.reason === 'focus_field')
      .slice(0, DEFERRAL_REASONS.length)
      .map((proposal, index) => [proposal.id, DEFERRAL_REASONS[index]!]),
  );
  await service.decideMany(
    actor,
    review.id,
    review.proposals.map((proposal) => {
      const reason = deferred.get(proposal.id);
      return reason ? { proposalId: proposal.id, decision: 'rejected', reason } : { proposalId: proposal.id, decision: 'accepted' };
    }),
  );
  await service.submit(actor, review.id);
  return review.id;
}

/** Called once, in the demo's transaction, after the training records and the accounts. */
export async function insertReviewDemo(trx: Db, territory: ProvinceTerritory): Promise<void> {
  const service = new TrainingReviewService({ db: joiningTransaction(trx) });
  const province = await demoActor(trx, 'tinh.bacgiang');
  const district = await demoActor(trx, 'huyen.langgiang');

  await service.setFocus(province, {
    unitId: territory.province.id,
    year: DEMO_REVIEW.year,
    fields: DEFAULT_FOCUS_FIELDS.filter((field) => (DEMO_REVIEW.focusFields as readonly string[]).includes(field.code)).map((field) => ({
      code: field.code,
      titleCodes: [...field.titleCodes],
    })),
  });

  const approved = await reviewAndSubmit(service, district, districtNamed(territory, DEMO_REVIEW.approvedDistrict));
  await service.approve(province, approved);
  // Yên Dũng has no demo account of its own: the province's officer keys in its list.
  await reviewAndSubmit(service, province, districtNamed(territory, DEMO_REVIEW.submittedDistrict));
}
