import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

/** An officer marks a party-committee post as the person's first term; the annual review proposes the new secretaries' course. */

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;

interface Post {
  id: string;
  title: { code: string };
  firstTermInPartyCommittee: boolean;
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
});

afterAll(async () => {
  await t.close();
});

async function personWithPost(fullName: string, titleCode: string, startDate: string): Promise<{ id: string; post: Post }> {
  const created = await province.inject({
    method: 'POST',
    url: '/api/cadres',
    payload: { fullName, gender: 'nam', birthDate: '1980-05-05', owningUnitId: units.communeA },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: string }).id;
  const added = await province.inject({
    method: 'POST',
    url: `/api/cadres/${id}/posts`,
    payload: { unitId: units.communeA, titleCode, startDate, howObtained: 'bau_cu' },
  });
  expect(added.statusCode, added.body).toBe(201);
  const post = (added.json() as { postHistory: Post[] }).postHistory.find((p) => p.title.code === titleCode)!;
  return { id, post };
}

it('keeps the mark on the post and the review proposes the course for new deputy secretaries', async () => {
  // Deputy secretary since 2024: the post history alone does not make 2025 a first term.
  const person = await personWithPost('Phạm Văn Đức', 'pho_bi_thu_dang_uy', '2024-03-01');
  expect(person.post.firstTermInPartyCommittee).toBe(false);
  const marked = await province.inject({
    method: 'PATCH',
    url: `/api/cadres/${person.id}/posts/${person.post.id}`,
    payload: { firstTermInPartyCommittee: true },
  });
  expect(marked.statusCode, marked.body).toBe(200);
  expect((marked.json() as { postHistory: Post[] }).postHistory.find((p) => p.id === person.post.id)?.firstTermInPartyCommittee).toBe(true);

  const review = await province.inject({ method: 'POST', url: '/api/training-reviews', payload: { unitId: units.communeA, year: 2025, asOf: '2025-08-01' } });
  expect(review.statusCode, review.body).toBe(201);
  const proposals = (review.json() as { proposals: { cadre: { fullName: string }; reason: string }[] }).proposals;
  expect(proposals.filter((p) => p.cadre.fullName === 'Phạm Văn Đức').map((p) => p.reason)).toContain('first_term');
});

it('refuses the mark on a post outside the party committee', async () => {
  const person = await personWithPost('Lê Thị Hoa', 'chu_tich_hoi_phu_nu', '2021-06-25');
  const refused = await province.inject({
    method: 'PATCH',
    url: `/api/cadres/${person.id}/posts/${person.post.id}`,
    payload: { firstTermInPartyCommittee: true },
  });
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error.message).toBe(
    'Dữ liệu gửi lên không hợp lệ: body.firstTermInPartyCommittee: Chỉ đánh dấu lần đầu tham gia cấp ủy cho chức vụ Bí thư hoặc Phó Bí thư Đảng ủy',
  );
});
