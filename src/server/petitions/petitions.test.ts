import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createPlace, type Place } from '../../../test/security/access-world.js';
import { createUnit } from '../../../test/units.js';
import { readZipEntry } from '../../../test/fixtures/xlsx.js';

/**
 * Petitions through the API as the offices use them: deadlines worked by hand
 * from the laws and the 2025 calendar as announced (Tết 27–31/1, Saturday
 * 26/4 worked for Friday 2/5, Giỗ Tổ 7/4, Quốc khánh 1–2/9), the over-level
 * referral from district to commune, the denouncer's secrecy, the report.
 */
let t: TestApp;
let place: Place;
let commune: SignedInClient;
let communeUserId: string;
let otherCommuneUser: SignedInClient;
let district: SignedInClient;
let province: SignedInClient;

interface Clock {
  stage: string;
  dueOn: string;
  closedOn: string | null;
  state: string;
  text: string;
  basis: string;
}
interface Detail {
  id: string;
  number: string;
  petitioner: string;
  status: { code: string };
  clocks: Clock[];
  petitioners: { fullName: string; address: string | null }[];
  child: { id: string; number: string; status: { code: string }; clocks: Clock[] } | null;
  parent: { id: string; number: string } | null;
  previous: { id: string; number: string } | null;
  events: { kind: string; label: string }[];
  abilities: Record<string, boolean>;
  childId?: string;
}

async function send(client: SignedInClient, method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown, expected = 200): Promise<Detail> {
  const response = await client.inject({ method, url, payload: payload as Record<string, unknown> });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
  return response.json();
}

function receive(client: SignedInClient, unitId: string, overrides: Record<string, unknown> = {}) {
  return send(
    client,
    'POST',
    '/api/petitions',
    {
      unitId,
      communeId: place.commune,
      receivedOn: '2025-01-17',
      channel: 'reception',
      type: 'khieu_nai',
      fieldCode: 'dat_dai',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Ông khiếu nại việc thu hồi 120 m² đất ở thôn Đông.',
      petitioners: [{ fullName: 'Hoàng Văn Khiếu', address: 'Thôn Đông', phone: '0912345678' }],
      ...overrides,
    },
    201,
  );
}

const clockOf = (detail: Detail, stage: string) => detail.clocks.find((clock) => clock.stage === stage);

beforeAll(async () => {
  t = await createTestApp();
  place = await createPlace(t, 'A');
  const communeUser = await t.createUser({ role: 'commune', unitId: place.commune });
  communeUserId = communeUser.id;
  commune = await t.signIn(communeUser.username);
  otherCommuneUser = await t.asUser('commune', place.commune, { canViewSensitive: true });
  district = await t.asUser('district', place.district);
  province = await t.asUser('province', place.province);
});

afterAll(async () => {
  await t.close();
});

describe('legal clocks through the API', () => {
  it('times a complaint received before Tết: ten days end in the break, so acceptance is due on Monday 3/2/2025', async () => {
    const complaint = await receive(commune, place.commune);
    expect(complaint.number).toBe('1/2025');
    expect(clockOf(complaint, 'processing')).toMatchObject({ dueOn: '2025-02-03', basis: '10 ngày — Luật Khiếu nại 2011, Điều 27' });
  });

  it('gives a complex complaint in a remote area 60 days: from 6/2 the last day is Giỗ Tổ (7/4), so it is due on 8/4', async () => {
    const complaint = await receive(commune, place.commune, { complex: true, remoteArea: true });
    const accepted = await send(commune, 'POST', `/api/petitions/${complaint.id}/decision`, { handling: 'accepted', on: '2025-02-06' });
    expect(accepted.status.code).toBe('settling');
    // Accepted three days after the acceptance deadline: the clock stops there and says so for good.
    expect(clockOf(accepted, 'processing')).toMatchObject({ closedOn: '2025-02-06', state: 'late', text: 'Trễ 3 ngày' });
    expect(clockOf(accepted, 'settlement')).toMatchObject({ dueOn: '2025-04-08', basis: '60 ngày — Luật Khiếu nại 2011, Điều 28' });
  });

  it('screens a denunciation in 7 working days counting the Saturday worked on 26/4, then allows two extensions and no third', async () => {
    const denunciation = await receive(commune, place.commune, {
      type: 'to_cao',
      receivedOn: '2025-04-25',
      fieldCode: 'can_bo',
      denunciationComplexity: 'especially_complex',
    });
    expect(clockOf(denunciation, 'processing')?.dueOn).toBe('2025-05-08');
    const accepted = await send(commune, 'POST', `/api/petitions/${denunciation.id}/decision`, { handling: 'accepted', on: '2025-05-08' });
    // 8/5 + 30 days = Saturday 7/6 → Monday 9/6.
    expect(clockOf(accepted, 'settlement')?.dueOn).toBe('2025-06-09');
    const once = await send(commune, 'POST', `/api/petitions/${denunciation.id}/extension`, { on: '2025-06-02', note: 'Quyết định gia hạn số 12/QĐ-UBND' });
    expect(clockOf(once, 'settlement')?.dueOn).toBe('2025-07-07');
    const twice = await send(commune, 'POST', `/api/petitions/${denunciation.id}/extension`, { on: '2025-07-01', note: 'Quyết định gia hạn số 20/QĐ-UBND' });
    expect(clockOf(twice, 'settlement')).toMatchObject({ dueOn: '2025-08-06', basis: '30 ngày (đã gia hạn thêm 60 ngày) — Luật Tố cáo 2018, Điều 30' });
    expect(twice.abilities.extend).toBe(false);
    const third = await commune.inject({ method: 'POST', url: `/api/petitions/${denunciation.id}/extension`, payload: { on: '2025-08-01', note: 'Lần ba' } });
    expect(third.statusCode).toBe(400);
    expect(third.json().error.message).toContain('Vụ việc tố cáo đặc biệt phức tạp được gia hạn tối đa 2 lần (Luật Tố cáo 2018, Điều 30)');
  });

  it('refuses dates out of order and a commune that did not exist yet, naming the field', async () => {
    const complaint = await receive(commune, place.commune, { receivedOn: '2025-03-10' });
    const early = await commune.inject({ method: 'POST', url: `/api/petitions/${complaint.id}/decision`, payload: { handling: 'accepted', on: '2025-03-07' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields).toContainEqual(
      expect.objectContaining({ path: 'acceptedOn', message: 'Ngày thụ lý không được trước ngày nhận đơn (10/03/2025)' }),
    );
    await send(commune, 'POST', `/api/petitions/${complaint.id}/decision`, { handling: 'accepted', on: '2025-03-12' });
    const settledEarly = await commune.inject({
      method: 'POST',
      url: `/api/petitions/${complaint.id}/settlement`,
      payload: { on: '2025-03-11', outcome: 'wrong', agreed: true },
    });
    expect(settledEarly.statusCode).toBe(400);
    expect(settledEarly.json().error.message).toContain('Ngày giải quyết không được trước ngày thụ lý (12/03/2025)');

    const newCommune = await createUnit(t.db, {
      level: 'commune',
      code: '89991',
      name: 'Xã Mới Lập',
      type: 'Xã',
      parentId: place.district,
      validFrom: '2025-07-01',
    });
    const tooEarly = await district.inject({
      method: 'POST',
      url: '/api/petitions',
      payload: {
        unitId: place.district,
        communeId: newCommune,
        receivedOn: '2025-03-03',
        channel: 'mail',
        type: 'kien_nghi',
        fieldCode: 'ha_tang',
        subject: 'Kiến nghị',
        content: 'Nội dung',
        petitioners: [{ fullName: 'Lý Thị Kiến' }],
      },
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.details.fields).toContainEqual(
      expect.objectContaining({ path: 'communeId', message: 'Xã, phường nơi phát sinh vụ việc không tồn tại vào ngày nhận đơn (03/03/2025)' }),
    );
    const count = await t.db
      .selectFrom('petition')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('subject', '=', 'Kiến nghị')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('does not accept an anonymous denunciation, nor one against a party member', async () => {
    const anonymous = await receive(commune, place.commune, { type: 'to_cao', anonymous: true, petitioners: [] });
    const refused = await commune.inject({
      method: 'POST',
      url: `/api/petitions/${anonymous.id}/decision`,
      payload: { handling: 'accepted', on: '2025-01-20' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('Không thụ lý tố cáo không rõ họ tên');
    const partyMember = await receive(commune, place.commune, { type: 'to_cao', againstPartyMember: true });
    const toParty = await commune.inject({
      method: 'POST',
      url: `/api/petitions/${partyMember.id}/decision`,
      payload: { handling: 'accepted', on: '2025-01-20' },
    });
    expect(toParty.json().error.message).toContain('tổ chức đảng có thẩm quyền');
    const transferred = await send(commune, 'POST', `/api/petitions/${partyMember.id}/decision`, {
      handling: 'transferred',
      on: '2025-01-20',
      transferredTo: 'Ủy ban Kiểm tra Đảng ủy xã',
    });
    expect(transferred.status.code).toBe('transferred');
  });
});

describe('a second complaint', () => {
  it('is received by the district about a first complaint the commune settled, and runs on the second-round period', async () => {
    const first = await receive(commune, place.commune, { receivedOn: '2025-05-05' });
    await send(commune, 'POST', `/api/petitions/${first.id}/decision`, { handling: 'accepted', on: '2025-05-06' });
    await send(commune, 'POST', `/api/petitions/${first.id}/settlement`, { on: '2025-05-30', outcome: 'wrong', agreed: false });
    const seen = await send(district, 'GET', `/api/petitions/${first.id}`);
    expect(seen.abilities.receiveSecondComplaint).toBe(true);
    const early = await district.inject({
      method: 'POST',
      url: '/api/petitions',
      payload: {
        unitId: place.district,
        communeId: place.commune,
        receivedOn: '2025-05-20',
        channel: 'mail',
        type: 'khieu_nai',
        fieldCode: 'dat_dai',
        subject: 'Khiếu nại lần hai',
        content: 'Không đồng ý.',
        previousId: first.id,
        petitioners: [{ fullName: 'Hoàng Văn Khiếu' }],
      },
    });
    expect(early.json().error.details.fields).toContainEqual(
      expect.objectContaining({ path: 'receivedOn', message: 'Khiếu nại lần hai không được nhận trước ngày giải quyết lần đầu (30/05/2025)' }),
    );
    const second = await receive(district, place.district, { receivedOn: '2025-06-09', previousId: first.id, subject: 'Khiếu nại lần hai về thu hồi đất' });
    expect(second.previous).toEqual({ id: first.id, number: first.number });
    const accepted = await send(district, 'POST', `/api/petitions/${second.id}/decision`, { handling: 'accepted', on: '2025-06-10' });
    expect(clockOf(accepted, 'settlement')).toMatchObject({ dueOn: '2025-07-25', basis: '45 ngày — Luật Khiếu nại 2011, Điều 37' });
  });
});

describe('an over-level petition sent down to the commune', () => {
  let parent: Detail;
  let child: Detail;

  it('is received by the district and sent down in one action; the commune gets its own case and clock', async () => {
    parent = await receive(district, place.district, {
      type: 'kien_nghi',
      fieldCode: 'moi_truong',
      receivedOn: '2025-08-18',
      overLevel: true,
      subject: 'Phản ánh trại lợn gây ô nhiễm',
    });
    expect(parent.abilities.referDown).toBe(true);
    const referred = await send(district, 'POST', `/api/petitions/${parent.id}/refer-down`, {
      on: '2025-08-19',
      note: 'Đề nghị UBND xã giải quyết theo thẩm quyền',
    });
    expect(referred.status.code).toBe('referred_down');
    child = await send(commune, 'GET', `/api/petitions/${referred.childId}`);
    expect(child.parent).toMatchObject({ id: parent.id, number: parent.number });
    expect(child.status.code).toBe('new');
    expect(clockOf(child, 'processing')?.basis).toBe('10 ngày làm việc — Luật Tiếp công dân 2013, Điều 28');
    // The commune cannot open the district's own case, only follow its link.
    expect((await commune.inject({ method: 'GET', url: `/api/petitions/${parent.id}` })).statusCode).toBe(404);
  });

  it('is settled by the commune and reported back within 7 working days (Quốc khánh 1–2/9 skipped); the district follows each step', async () => {
    await send(commune, 'POST', `/api/petitions/${child.id}/decision`, { handling: 'accepted', on: '2025-08-20' });
    const settled = await send(commune, 'POST', `/api/petitions/${child.id}/settlement`, { on: '2025-08-29', outcome: 'answered', agreed: true });
    expect(settled.status.code).toBe('reporting');
    expect(clockOf(settled, 'report_back')).toMatchObject({ dueOn: '2025-09-11', basis: '7 ngày làm việc — Luật Tiếp công dân 2013, Điều 26' });

    const followed = await send(district, 'GET', `/api/petitions/${parent.id}?asOf=2025-09-12`);
    expect(followed.child).toMatchObject({ id: child.id, status: { code: 'reporting' } });
    expect(followed.child?.clocks.find((clock) => clock.stage === 'report_back')).toMatchObject({ state: 'overdue', text: 'Quá hạn 1 ngày' });
    expect(followed.abilities.settle).toBe(false);
    // The district follows, it does not act in the commune's place.
    const meddling = await district.inject({ method: 'POST', url: `/api/petitions/${child.id}/report-back`, payload: { on: '2025-09-05' } });
    expect(meddling.statusCode).toBe(403);

    await send(commune, 'POST', `/api/petitions/${child.id}/report-back`, { on: '2025-09-05' });
    const done = await send(district, 'GET', `/api/petitions/${parent.id}`);
    expect(done.child?.status.code).toBe('settled');
    expect(done.child?.clocks.find((clock) => clock.stage === 'report_back')).toMatchObject({ state: 'on_time', text: 'Đúng hạn' });
    expect(done.events.map((event) => event.kind)).toEqual(['received', 'referred_down', 'child_settled', 'child_reported_back']);
  });

  it('gives the district its transfer slip, requiring the commune to settle and report back within 7 working days', async () => {
    const response = await district.inject({ method: 'GET', url: `/api/petitions/${parent.id}/decision.docx` });
    expect(response.statusCode).toBe(200);
    const text = readZipEntry(response.rawPayload, 'word/document.xml')!
      .toString('utf8')
      .replace(/<[^>]+>/g, '');
    expect(text).toContain('PHIẾU CHUYỂN ĐƠN');
    expect(text).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân xã Quỳnh Thử Nghiệm');
    expect(text).toContain('báo cáo kết quả về Ủy ban nhân dân huyện Thử Nghiệm trong thời hạn 07 ngày làm việc');
    expect(text).toContain('Thử Nghiệm, ngày 19 tháng 08 năm 2025');
  });

  it('counts as over-level for the commune in the district and commune reports', async () => {
    const report = (await send(district, 'GET', `/api/petitions/report?unitId=${place.commune}&from=2025-01-01&to=2025-12-31`)) as unknown as {
      overLevel: number;
      overLevelByCommune: { name: string; count: number }[];
    };
    expect(report.overLevel).toBe(1);
    expect(report.overLevelByCommune).toEqual([{ id: place.commune, name: 'Xã Quỳnh Thử Nghiệm', count: 1 }]);
  });
});

describe("a denouncer's identity (Law on Denunciations 2018, art. 47–48)", () => {
  let denunciation: Detail;

  it('is shown to the assigned handler and audited, and hidden from everyone else in the unit and above', async () => {
    denunciation = await receive(commune, place.commune, {
      type: 'to_cao',
      fieldCode: 'can_bo',
      subject: 'Tố cáo cán bộ địa chính nhận tiền',
      petitioners: [{ fullName: 'Đặng Thị Bímật', address: 'Xóm Chùa', phone: '0987000111' }],
      handlerIds: [communeUserId],
    });
    expect(denunciation.petitioners[0]).toMatchObject({ fullName: 'Đặng Thị Bímật', address: 'Xóm Chùa' });
    const views = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', denunciation.id)
      .where('action', '=', 'petition.identity.view')
      .execute();
    expect(views.length).toBeGreaterThan(0);

    for (const client of [otherCommuneUser, district, province]) {
      const seen = await send(client, 'GET', `/api/petitions/${denunciation.id}`);
      expect(seen.petitioner).toBe('Người tố cáo (giữ bí mật)');
      expect(seen.petitioners).toEqual([{ fullName: 'Người tố cáo (giữ bí mật)', address: null, phone: null, personalId: null, representative: false }]);
      const list = await client.inject({ method: 'GET', url: `/api/petitions?unitId=${place.commune}&status=all&pageSize=200` });
      expect(list.body).not.toContain('Bímật');
      const searched = await client.inject({ method: 'GET', url: `/api/petitions?unitId=${place.commune}&status=all&q=bimat` });
      expect(searched.json().total, 'a search by the name must not reveal the case').toBe(0);
      const sheet = await client.inject({ method: 'GET', url: `/api/petitions.xlsx?unitId=${place.commune}&status=all` });
      expect(sheet.statusCode).toBe(200);
      expect(sheet.rawPayload.includes(Buffer.from('Bímật'))).toBe(false);
    }
    // The notice of acceptance is addressed to the denouncer: only the handler may print it.
    await send(commune, 'POST', `/api/petitions/${denunciation.id}/decision`, { handling: 'accepted', on: '2025-01-20' });
    expect((await otherCommuneUser.inject({ method: 'GET', url: `/api/petitions/${denunciation.id}/decision.docx` })).statusCode).toBe(404);
    const notice = await commune.inject({ method: 'GET', url: `/api/petitions/${denunciation.id}/decision.docx` });
    expect(notice.statusCode).toBe(200);
    const noticeText = readZipEntry(notice.rawPayload, 'word/document.xml')!
      .toString('utf8')
      .replace(/<[^>]+>/g, '');
    expect(noticeText).toContain('Về việc thụ lý giải quyết tố cáo');
    expect(noticeText).toContain('Kính gửi: Ông (bà) Đặng Thị Bímật');
    const handlerSearch = await commune.inject({ method: 'GET', url: `/api/petitions?unitId=${place.commune}&status=all&q=bimat` });
    expect(handlerSearch.json().total).toBe(1);
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after', 'summary']).where('entity_id', '=', denunciation.id).execute();
    expect(JSON.stringify(audit)).not.toContain('Bímật');
  });

  it("keeps a complainant's name visible to the unit, and the address only to handlers and users with the personal-data right", async () => {
    const complaint = await receive(district, place.district, { petitioners: [{ fullName: 'Vũ Văn Công', address: 'Thôn Tây' }] });
    const fromProvince = await send(province, 'GET', `/api/petitions/${complaint.id}`);
    expect(fromProvince.petitioners[0]).toMatchObject({ fullName: 'Vũ Văn Công', address: null });
  });
});

describe('changing the law or the calendar', () => {
  it('re-times running stages and leaves closed ones as they ran', async () => {
    const admin = await t.asUser('admin');
    const open = await receive(commune, place.commune, { type: 'phan_anh', fieldCode: 'ha_tang', receivedOn: '2026-07-06' });
    const closed = await receive(commune, place.commune, { type: 'phan_anh', fieldCode: 'ha_tang', receivedOn: '2026-07-06' });
    await send(commune, 'POST', `/api/petitions/${closed.id}/decision`, { handling: 'guided', on: '2026-07-21' });
    expect(clockOf(open, 'processing')?.dueOn).toBe('2026-07-20');
    const periods = await admin.inject({
      method: 'POST',
      url: '/api/legal-periods',
      payload: { code: 'petition.answer', amount: 15, unit: 'working_days', validFrom: '2026-07-01', basis: 'Luật số 136/2025/QH15 (giả định để thử)' },
    });
    expect(periods.statusCode, periods.body).toBe(200);
    const retimed = await send(commune, 'GET', `/api/petitions/${open.id}`);
    expect(clockOf(retimed, 'processing')).toMatchObject({ dueOn: '2026-07-27', basis: '15 ngày làm việc — Luật số 136/2025/QH15 (giả định để thử)' });
    const kept = await send(commune, 'GET', `/api/petitions/${closed.id}`);
    expect(clockOf(kept, 'processing')).toMatchObject({ dueOn: '2026-07-20', state: 'late', text: 'Trễ 1 ngày' });
    const forbidden = await commune.inject({ method: 'PUT', url: '/api/legal-calendar/2026-07-22', payload: { kind: 'day_off', name: 'Nghỉ' } });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('the report', () => {
  it("states the commune's figures in the article's words", async () => {
    const report = (await send(commune, 'GET', `/api/petitions/report?unitId=${place.commune}&from=2025-01-01&to=2025-12-31`)) as unknown as {
      received: number;
      withinAuthority: number;
      settled: number;
      settledAgreed: number;
      sentence: string;
    };
    const independent = await t.db
      .selectFrom('petition')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('unit_id', '=', place.commune)
      .where('received_on', '>=', '2025-01-01')
      .where('received_on', '<=', '2025-12-31')
      .executeTakeFirstOrThrow();
    expect(report.received).toBe(Number(independent.n));
    const settled = await t.db
      .selectFrom('petition')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('agreed').filterWhere('agreed', '=', true).as('agreed')])
      .where('unit_id', '=', place.commune)
      .where('handling', '=', 'accepted')
      .where('settled_on', '>=', '2025-01-01')
      .where('settled_on', '<=', '2025-12-31')
      .executeTakeFirstOrThrow();
    expect(report.settled).toBe(Number(settled.n));
    expect(report.settledAgreed).toBe(Number(settled.agreed));
    expect(report.settled).toBeGreaterThan(report.settledAgreed);
    expect(report.sentence).toContain('Xã Quỳnh Thử Nghiệm đã tổ chức 0 cuộc tiếp xúc, đối thoại với Nhân dân');
    expect(report.sentence).toContain(`tiếp nhận ${report.received} đơn, trong đó ${report.withinAuthority} đơn thuộc thẩm quyền được thụ lý giải quyết`);
  });
});

describe('citizen reception days', () => {
  it('refuses a deputy on the regular day from 1/7/2026, lists the weeks missed, and keeps the petitions taken there', async () => {
    const body = { unitId: place.commune, kind: 'regular', hostName: 'Phó Chủ tịch Lê Văn Phó', hostRole: 'deputy', citizens: 3 };
    const before = await commune.inject({ method: 'POST', url: '/api/reception-sessions', payload: { ...body, heldOn: '2026-06-23' } });
    expect(before.statusCode, before.body).toBe(201);
    const after = await commune.inject({ method: 'POST', url: '/api/reception-sessions', payload: { ...body, heldOn: '2026-07-07' } });
    expect(after.statusCode).toBe(400);
    expect(after.json().error.details.fields).toContainEqual(
      expect.objectContaining({ path: 'hostRole', message: expect.stringContaining('không ủy quyền cho cấp phó (Luật số 136/2025/QH15)') }),
    );
    const held = await commune.inject({
      method: 'POST',
      url: '/api/reception-sessions',
      payload: { ...body, heldOn: '2026-07-07', hostName: 'Chủ tịch Trần Văn Chủ', hostRole: 'head', citizens: 5 },
    });
    expect(held.statusCode, held.body).toBe(201);
    const sessionId = held.json().id as string;

    const taken = await receive(commune, place.commune, {
      type: 'kien_nghi',
      fieldCode: 'ha_tang',
      receivedOn: '2026-07-07',
      channel: 'reception',
      receptionSessionId: sessionId,
    });
    expect(taken.number).toMatch(/\/2026$/);
    const wrongDay = await commune.inject({
      method: 'POST',
      url: '/api/petitions',
      payload: {
        unitId: place.commune,
        receivedOn: '2026-07-08',
        channel: 'reception',
        receptionSessionId: sessionId,
        type: 'kien_nghi',
        fieldCode: 'ha_tang',
        subject: 'Kiến nghị',
        content: 'Nội dung',
        petitioners: [{ fullName: 'Mai Văn Sai' }],
      },
    });
    expect(wrongDay.statusCode).toBe(400);

    const list = await commune.inject({ method: 'GET', url: `/api/reception-sessions?unitId=${place.commune}&from=2026-06-22&to=2026-07-19` });
    const register = list.json() as { items: { heldOn: string; petitions: { id: string }[] }[]; gaps: { message: string }[] };
    expect(register.items.find((item) => item.heldOn === '2026-07-07')?.petitions.map((petition) => petition.id)).toEqual([taken.id]);
    expect(register.gaps.map((gap) => gap.message)).toEqual([
      'Tuần 29/06/2026 – 05/07/2026 chưa có buổi tiếp công dân định kỳ',
      'Tuần 13/07/2026 – 19/07/2026 chưa có buổi tiếp công dân định kỳ',
    ]);
    const removed = await commune.inject({ method: 'DELETE', url: `/api/reception-sessions/${sessionId}` });
    expect(removed.statusCode).toBe(409);
    const sheet = await commune.inject({ method: 'GET', url: `/api/reception-sessions/register.xlsx?unitId=${place.commune}&from=2026-06-22&to=2026-07-19` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
  });
});
