import { readFile } from 'node:fs/promises';
import type { InjectOptions } from 'fastify';
import { multipartFile, workbookBuffer } from '../fixtures/xlsx.js';
import type { SignedInClient, TestApp } from '../helpers.js';
import { createUnit } from '../units.js';

/**
 * A province with a district and two communes, and records of every kind made
 * on demand, each once: what the access matrix needs to fill a route's path
 * and body. A test that changes a record asks for a fresh world.
 *
 *   province ─ district ─ commune (the records live here)
 *                       └ sibling (a neighbour: inside the district, outside the commune)
 */
export interface Place {
  province: string;
  district: string;
  commune: string;
  communeCode: string;
  sibling: string;
}

/** Five-digit codes from 80000 up, which the official lists do not use. */
async function freeCommuneCode(t: TestApp): Promise<string> {
  for (let n = 80000 + Math.floor(Math.random() * 9000); ; n += 1) {
    const taken = await t.db.selectFrom('admin_unit').select('id').where('code', '=', String(n)).executeTakeFirst();
    if (!taken) return String(n);
  }
}

export async function createPlace(t: TestApp, label: 'A' | 'B'): Promise<Place> {
  const name = label === 'A' ? 'Thử Nghiệm' : 'Bên Kia';
  const province = await createUnit(t.db, { level: 'province', code: await freeCommuneCode(t), name: `Tỉnh ${name}`, type: 'Tỉnh', parentId: t.countryUnitId });
  const district = await createUnit(t.db, { level: 'district', code: await freeCommuneCode(t), name: `Huyện ${name}`, type: 'Huyện', parentId: province });
  const communeCode = await freeCommuneCode(t);
  const commune = await createUnit(t.db, { level: 'commune', code: communeCode, name: `Xã Quỳnh ${name}`, type: 'Xã', parentId: district });
  const sibling = await createUnit(t.db, { level: 'commune', code: await freeCommuneCode(t), name: `Xã Bên Cạnh ${name}`, type: 'Xã', parentId: district });
  return { province, district, commune, communeCode, sibling };
}

/** The party committee of each place's commune: one at a time per commune, so shared by every world of the place. */
const partyCommittees = new Map<string, Promise<string>>();

const SYLLABLES = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lâm', 'Minh', 'Nga', 'Oanh', 'Phúc', 'Quang', 'Sơn', 'Thảo', 'Uyên', 'Vân', 'Yến'];

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let recordCounter = 0;
/** Per-commune yearly records (reviews, weak-commune designations) each take a year of their own. */
let reviewYear = 2025;
let weakYear = 1990;

const PLANNED_TITLES = [
  'bi_thu_dang_uy',
  'pho_bi_thu_thuong_truc',
  'pho_bi_thu_dang_uy',
  'chu_tich_hdnd',
  'pho_chu_tich_hdnd',
  'chu_tich_ubnd',
  'pho_chu_tich_ubnd',
];

export class AccessWorld {
  private readonly made = new Map<string, Promise<unknown>>();

  constructor(
    private readonly t: TestApp,
    /** Makes every record: an administrator of the whole country. */
    private readonly owner: SignedInClient,
    readonly place: Place,
  ) {}

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key) as Promise<T>;
  }

  private async send(request: InjectOptions, expected = 201): Promise<{ id: string } & Record<string, unknown>> {
    const response = await this.owner.inject(request);
    if (response.statusCode !== expected) throw new Error(`${request.method} ${request.url} → ${response.statusCode}: ${response.body}`);
    return response.statusCode === 204 ? { id: '' } : response.json();
  }

  /** A request as the owner that must answer `expected`, for setting up what a case needs. */
  async asOwner(request: InjectOptions, expected: number): Promise<Record<string, unknown>> {
    return this.send(request, expected);
  }

  /** A dated change of the official territory, with its current date (correcting it to the same date changes nothing). */
  officialChange(): Promise<{ id: string; effectiveDate: string }> {
    return this.once('officialChange', async () => {
      const response = await this.owner.inject({ method: 'GET', url: '/api/territory/changes?dateSource=known&pageSize=1' });
      const change = (response.json() as { items: { id: string; effectiveDate: string }[] }).items[0];
      if (!change) throw new Error(`no official change: ${response.body}`);
      return change;
    });
  }

  /** The official 2025 list again, as a dry run: nothing to change, nothing kept. */
  async territoryListDryRun(): Promise<Record<string, unknown>> {
    const csv = await readFile(new URL('../../resources/territory/vn-admin-units-2025.csv', import.meta.url), 'utf8');
    return { csv, effectiveDate: '2026-04-30', label: 'vn-admin-units-2025.csv', dryRun: true };
  }

  /** The class's own attendance sheet, as the office downloads and fills it. */
  async attendanceWorkbook(classId: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
    const sheet = await this.owner.inject({ method: 'GET', url: `/api/training/classes/${classId}/attendance.xlsx` });
    return multipartFile('diem-danh.xlsx', sheet.rawPayload);
  }

  unique(): string {
    recordCounter += 1;
    return String(recordCounter);
  }

  /** A year no training-needs review of this commune has used yet. */
  freeReviewYear(): number {
    reviewYear += 1;
    return reviewYear;
  }

  /** A person's name never used before, in letters only (names refuse digits). */
  uniqueName(family: string): string {
    const n = Number(this.unique());
    return `${family} ${SYLLABLES[n % SYLLABLES.length]} ${SYLLABLES[Math.floor(n / SYLLABLES.length) % SYLLABLES.length]}`;
  }

  /** A year no weak-commune designation of this commune has used yet. */
  freeYear(): number {
    weakYear += 1;
    return weakYear;
  }

  /** A day later than any other this run asked for: area-class periods of one commune follow each other. */
  laterDate(fromYear = 2000): string {
    return new Date(Date.UTC(fromYear, 0, 1) + Number(this.unique()) * 86_400_000).toISOString().slice(0, 10);
  }

  /** A person holding a current post in the commune. */
  cadre(): Promise<string> {
    return this.once('cadre', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/cadres',
        payload: { fullName: 'Lê Văn Ma Trận', gender: 'nam', birthDate: '1980-02-03', phone: '0912000111', owningUnitId: this.place.commune },
      });
      await this.send({
        method: 'POST',
        url: `/api/cadres/${id}/posts`,
        payload: { unitId: this.place.commune, titleCode: 'chu_tich_ubnd', startDate: '2021-06-01', concurrent: false },
      });
      return id;
    });
  }

  /** A person who held a post in the commune until 2022 and now works in the sibling commune: the commune is a former unit. */
  movedCadre(): Promise<string> {
    return this.once('movedCadre', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/cadres',
        payload: { fullName: 'Phạm Thị Luân Chuyển', gender: 'nu', birthDate: '1984-05-06', owningUnitId: this.place.sibling },
      });
      for (const post of [
        { unitId: this.place.commune, titleCode: 'pho_chu_tich_ubnd', startDate: '2018-01-01', endDate: '2022-05-31' },
        { unitId: this.place.sibling, titleCode: 'chu_tich_ubnd', startDate: '2022-06-01' },
      ]) {
        await this.send({ method: 'POST', url: `/api/cadres/${id}/posts`, payload: { ...post, concurrent: false } });
      }
      return id;
    });
  }

  post(): Promise<string> {
    return this.once('post', async () => {
      const profile = await this.owner.inject({ method: 'GET', url: `/api/cadres/${await this.cadre()}` });
      return profile.json().postHistory[0].id as string;
    });
  }

  qualification(): Promise<string> {
    return this.once('qualification', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: `/api/cadres/${await this.cadre()}/qualifications`,
        payload: { kind: 'professional', level: 'dai_hoc', source: 'declared', obtainedOn: '2010-06-30' },
      });
      return id;
    });
  }

  photo(): Promise<void> {
    return this.once('photo', async () => {
      await this.send({ method: 'PUT', url: `/api/cadres/${await this.cadre()}/photo`, ...multipartFile('anh.png', PNG) }, 204);
    });
  }

  photoUpload(): { payload: Buffer; headers: Record<string, string> } {
    return multipartFile('anh.png', PNG);
  }

  /** Kept by the province: its communes use it and do not change it. */
  programme(): Promise<string> {
    return this.once('programme', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/training/programmes',
        payload: { owningUnitId: this.place.province, name: `Bồi dưỡng ma trận ${this.unique()}`, form: 'short_course', outcome: 'certificate' },
      });
      return id;
    });
  }

  /** Kept by the commune itself. */
  communeProgramme(): Promise<string> {
    return this.once('communeProgramme', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/training/programmes',
        payload: { owningUnitId: this.place.commune, name: `Cầm tay chỉ việc ${this.unique()}`, form: 'on_the_job', outcome: 'none' },
      });
      return id;
    });
  }

  instructor(): Promise<string> {
    return this.once('instructor', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/training/instructors',
        payload: { owningUnitId: this.place.commune, fullName: 'Vũ Văn Hướng Dẫn' },
      });
      return id;
    });
  }

  /** A class of the commune with one session, one test and the person enrolled, present and scored. */
  klass(): Promise<{ id: string; sessionId: string; testId: string }> {
    return this.once('klass', async () => {
      const created = await this.send({
        method: 'POST',
        url: '/api/training/classes',
        payload: {
          programmeId: await this.programme(),
          unitId: this.place.commune,
          name: `Lớp ma trận ${this.unique()}`,
          startDate: '2025-04-01',
          endDate: '2025-04-02',
          capacity: 10,
          sessions: [{ date: '2025-04-01', startTime: '08:00', endTime: '11:00' }],
          tests: [{ name: 'Thu hoạch' }],
        },
      });
      const detail = await this.send(
        { method: 'POST', url: `/api/training/classes/${created.id}/enrolments`, payload: { people: [{ cadreId: await this.cadre() }] } },
        200,
      );
      const sessionId = (detail.sessions as { id: string }[])[0]!.id;
      const testId = (detail.tests as { id: string }[])[0]!.id;
      return { id: created.id, sessionId, testId };
    });
  }

  /** A class with nothing recorded yet: it may be deleted, and so may its session and test. */
  emptyClass(): Promise<{ id: string; sessionId: string; testId: string }> {
    return this.once('emptyClass', async () => {
      const created = await this.send({
        method: 'POST',
        url: '/api/training/classes',
        payload: {
          programmeId: await this.programme(),
          unitId: this.place.commune,
          name: `Lớp trống ${this.unique()}`,
          startDate: '2025-05-01',
          endDate: '2025-05-02',
          capacity: 10,
          sessions: [{ date: '2025-05-01', startTime: '08:00', endTime: '11:00' }],
          tests: [{ name: 'Bài kiểm tra' }],
        },
      });
      const detail = await this.owner.inject({ method: 'GET', url: `/api/training/classes/${created.id}` });
      const body = detail.json() as { sessions: { id: string }[]; tests: { id: string }[] };
      return { id: created.id, sessionId: body.sessions[0]!.id, testId: body.tests[0]!.id };
    });
  }

  /** The enrolled person attended and passed: eligible for a certificate. */
  attendedClass(): Promise<{ id: string; sessionId: string; testId: string }> {
    return this.once('attendedClass', async () => {
      const klass = await this.klass();
      const cadreId = await this.cadre();
      await this.send(
        {
          method: 'PUT',
          url: `/api/training/classes/${klass.id}/sessions/${klass.sessionId}/attendance`,
          payload: { records: [{ cadreId, status: 'present' }] },
        },
        200,
      );
      await this.send(
        { method: 'PUT', url: `/api/training/classes/${klass.id}/tests/${klass.testId}/scores`, payload: { scores: [{ cadreId, score: 8 }] } },
        200,
      );
      return klass;
    });
  }

  certificate(): Promise<string> {
    return this.once('certificate', async () => {
      const klass = await this.attendedClass();
      const { id } = await this.send({
        method: 'POST',
        url: `/api/training/classes/${klass.id}/certificates`,
        payload: { cadreId: await this.cadre(), number: `MT-${this.unique()}`, issuedOn: '2025-04-03' },
      });
      return id;
    });
  }

  visit(): Promise<string> {
    return this.once('visit', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/training/visits',
        payload: { communeId: this.place.commune, visitedOn: '2025-04-05', officerIds: [await this.instructor()], cadreIds: [await this.cadre()] },
      });
      return id;
    });
  }

  /** A draft training-needs review of the commune with one proposal added by hand. */
  review(): Promise<{ id: string; proposalId: string }> {
    return this.once('review', () => this.makeReview());
  }

  /** A draft whose every proposal is decided: ready to be submitted. */
  decidedReview(): Promise<{ id: string; proposalId: string }> {
    return this.once('decidedReview', async () => {
      const review = await this.makeReview();
      const detail = await this.owner.inject({ method: 'GET', url: `/api/training-reviews/${review.id}` });
      for (const proposal of (detail.json() as { proposals: { id: string; decision: string }[] }).proposals) {
        if (proposal.decision !== 'pending') continue;
        await this.send({ method: 'PATCH', url: `/api/training-reviews/${review.id}/proposals/${proposal.id}`, payload: { decision: 'accepted' } }, 200);
      }
      return review;
    });
  }

  submittedReview(): Promise<{ id: string; proposalId: string }> {
    return this.once('submittedReview', async () => {
      const review = await this.decidedReview();
      await this.send({ method: 'POST', url: `/api/training-reviews/${review.id}/submit` }, 200);
      return review;
    });
  }

  approvedReview(): Promise<{ id: string; proposalId: string }> {
    return this.once('approvedReview', async () => {
      const review = await this.submittedReview();
      await this.send({ method: 'POST', url: `/api/training-reviews/${review.id}/approve` }, 200);
      return review;
    });
  }

  private async makeReview(): Promise<{ id: string; proposalId: string }> {
    const cadreId = await this.cadre();
    const year = this.freeReviewYear();
    const created = await this.send({ method: 'POST', url: '/api/training-reviews', payload: { unitId: this.place.commune, year, asOf: `${year}-03-01` } });
    const detail = await this.send({
      method: 'POST',
      url: `/api/training-reviews/${created.id}/proposals`,
      payload: { cadreId, courseType: 'tu_phap', reason: 'Bổ sung theo yêu cầu công việc' },
    });
    const proposals = detail.proposals as { id: string; courseType: string }[];
    return { id: created.id, proposalId: proposals.find((proposal) => proposal.courseType === 'tu_phap')!.id };
  }

  village(): Promise<string> {
    return this.once('village', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/villages',
        payload: { communeId: this.place.commune, kind: 'thon', name: `Thôn Ma Trận ${this.unique()}` },
      });
      return id;
    });
  }

  organization(): Promise<string> {
    return this.once('organization', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/party-organizations',
        payload: { communeId: this.place.commune, kind: 'chi_bo', name: `Chi bộ thôn Ma Trận ${this.unique()}`, parentId: await this.partyCommittee() },
      });
      return id;
    });
  }

  areaClass(): Promise<string> {
    return this.once('areaClass', async () => {
      const created = await this.send({
        method: 'POST',
        url: `/api/communes/${this.place.commune}/area-classes`,
        payload: { flags: ['mien_nui'], validFrom: this.laterDate() },
      });
      return created.id;
    });
  }

  weakDesignation(): Promise<string> {
    return this.once('weak', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/weak-units',
        payload: { communeId: this.place.commune, year: this.freeYear(), fields: ['kinh_te'], reasons: 'Thu ngân sách đạt thấp' },
      });
      return id;
    });
  }

  /** The commune's grassroots party committee, which every cell belongs to. */
  partyCommittee(): Promise<string> {
    const existing = partyCommittees.get(this.place.commune);
    if (existing) return existing;
    const made = this.send({
      method: 'POST',
      url: '/api/party-organizations',
      payload: { communeId: this.place.commune, kind: 'dang_bo_co_so', name: 'Đảng bộ xã Quỳnh' },
    }).then((created) => created.id);
    partyCommittees.set(this.place.commune, made);
    return made;
  }

  /** A commune officer of the commune. */
  user(): Promise<string> {
    return this.once('user', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: `xa.matran${this.unique()}`,
          fullName: 'Cán bộ xã Ma Trận',
          role: 'commune',
          unitId: this.place.commune,
          password: 'mat-khau-ma-tran-2025',
        },
      });
      return id;
    });
  }

  /** Two communes of the district made for one lineage link each, since a link between two units is recorded once. */
  async unlinkedPair(): Promise<{ predecessorId: string; successorId: string }> {
    const n = this.unique();
    const make = (role: string) =>
      createUnit(this.t.db, { level: 'commune', code: `L${role}${n}`.slice(0, 10), name: `Xã Kế Thừa ${role}${n}`, type: 'Xã', parentId: this.place.district });
    return { predecessorId: await make('T'), successorId: await make('S') };
  }

  /** A lineage link between two communes of the district (a merger the administrator records). */
  lineage(): Promise<string> {
    return this.once('lineage', async () => {
      const created = await this.send({
        method: 'POST',
        url: '/api/units/lineage',
        payload: { ...(await this.unlinkedPair()), effectiveDate: '2020-01-01', kind: 'part' },
      });
      return created.createdLineageId as string;
    });
  }

  private async petitionAt(unitId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const { id } = await this.send({
      method: 'POST',
      url: '/api/petitions',
      payload: {
        unitId,
        communeId: this.place.commune,
        receivedOn: '2025-03-03',
        channel: 'handed',
        type: 'kien_nghi',
        fieldCode: 'ha_tang',
        subject: `Đường thôn xuống cấp ${this.unique()}`,
        content: 'Đề nghị sửa chữa đoạn đường bê tông thôn Trung bị lún, nứt.',
        petitioners: [{ fullName: 'Trần Văn Kiến', address: 'Thôn Trung' }],
        ...overrides,
      },
    });
    return id;
  }

  /** A recommendation received by the commune, awaiting handling. */
  petition(): Promise<string> {
    return this.once('petition', () => this.petitionAt(this.place.commune));
  }

  /** A recommendation received by the district about the commune: an over-level petition to send down. */
  districtPetition(): Promise<string> {
    return this.once('districtPetition', () => this.petitionAt(this.place.district, { overLevel: true }));
  }

  /** A recommendation of the commune, accepted and being settled. */
  acceptedPetition(): Promise<string> {
    return this.once('acceptedPetition', async () => {
      const id = await this.petitionAt(this.place.commune);
      await this.send({ method: 'POST', url: `/api/petitions/${id}/decision`, payload: { handling: 'accepted', on: '2025-03-04' } }, 200);
      return id;
    });
  }

  /** A complex denunciation the commune accepted: one extension allowed. */
  acceptedDenunciation(): Promise<string> {
    return this.once('acceptedDenunciation', async () => {
      const id = await this.petitionAt(this.place.commune, { type: 'to_cao', fieldCode: 'can_bo', denunciationComplexity: 'complex' });
      await this.send({ method: 'POST', url: `/api/petitions/${id}/decision`, payload: { handling: 'accepted', on: '2025-03-05' } }, 200);
      return id;
    });
  }

  /** The commune's case of a petition the district sent down, settled and waiting to be reported back. */
  settledChildPetition(): Promise<string> {
    return this.once('settledChildPetition', async () => {
      const parent = await this.petitionAt(this.place.district, { overLevel: true });
      const { childId } = (await this.send({ method: 'POST', url: `/api/petitions/${parent}/refer-down`, payload: { on: '2025-03-04' } }, 200)) as unknown as {
        childId: string;
      };
      await this.send({ method: 'POST', url: `/api/petitions/${childId}/decision`, payload: { handling: 'accepted', on: '2025-03-05' } }, 200);
      await this.send({ method: 'POST', url: `/api/petitions/${childId}/settlement`, payload: { on: '2025-03-10', outcome: 'answered', agreed: true } }, 200);
      return childId;
    });
  }

  petitionAttachment(): Promise<{ petitionId: string; attachmentId: string }> {
    return this.once('petitionAttachment', async () => {
      const petitionId = await this.petition();
      const detail = (await this.send(
        { method: 'POST', url: `/api/petitions/${petitionId}/attachments`, ...multipartFile('don.png', PNG) },
        200,
      )) as unknown as {
        attachments: { id: string }[];
      };
      return { petitionId, attachmentId: detail.attachments[0]!.id };
    });
  }

  receptionBody(): Record<string, unknown> {
    return { unitId: this.place.commune, heldOn: '2025-04-15', kind: 'regular', hostName: 'Lê Văn Ma Trận', hostRole: 'head', citizens: 4 };
  }

  receptionSession(): Promise<string> {
    return this.once('receptionSession', async () => (await this.send({ method: 'POST', url: '/api/reception-sessions', payload: this.receptionBody() })).id);
  }

  problemBody = async (): Promise<Record<string, unknown>> => ({
    communeId: this.place.commune,
    year: 2025,
    title: `Xử lý điểm tập kết rác thôn Trung ${this.unique()}`,
    fieldCode: 'moi_truong',
    leadCadreId: await this.cadre(),
    registeredOn: '2025-01-10',
    targetOn: '2025-06-30',
  });

  /** A problem the commune registered for 2025, still open. */
  problem(): Promise<string> {
    return this.once('problem', async () => (await this.send({ method: 'POST', url: '/api/grassroots-problems', payload: await this.problemBody() })).id);
  }

  briefingBody = async (): Promise<Record<string, unknown>> => ({
    communeId: this.place.commune,
    heldOn: '2025-02-03',
    chairCadreId: await this.cadre(),
    attendees: 'Trưởng thôn, Bí thư chi bộ các thôn',
    issues: ['Đường thôn Đông xuống cấp', 'Trạm bơm thôn Tây hỏng'],
  });

  briefing(): Promise<{ id: string; issueId: string }> {
    return this.once('briefing', async () => {
      const created = (await this.send({ method: 'POST', url: '/api/briefings', payload: await this.briefingBody() })) as unknown as {
        id: string;
        issues: { id: string }[];
      };
      return { id: created.id, issueId: created.issues[0]!.id };
    });
  }

  /** The commune chair's class for 2022. */
  evaluation(): Promise<string> {
    return this.once('evaluation', async () => {
      const cadreId = await this.cadre();
      await this.send({ method: 'PUT', url: `/api/cadres/${cadreId}/evaluations/2022`, payload: { evaluationClass: 'hoan_thanh_tot' } }, 200);
      return cadreId;
    });
  }

  /** A reprimand of the commune chair in 2019. */
  discipline(): Promise<{ cadreId: string; id: string }> {
    return this.once('discipline', async () => {
      const cadreId = await this.cadre();
      const saved = (await this.send(
        {
          method: 'POST',
          url: `/api/cadres/${cadreId}/disciplines`,
          payload: { form: 'khien_trach', decidedOn: '2019-03-01', decidingBody: 'Ủy ban Kiểm tra Huyện ủy', decisionNumber: `${this.unique()}-QĐ/UBKT` },
        },
        200,
      )) as unknown as { disciplines: { id: string }[] };
      return { cadreId, id: saved.disciplines[0]!.id };
    });
  }

  /** A young commune official, planned for the chair of the People's Council from 2025. */
  planEntryBody = async (): Promise<Record<string, unknown>> => {
    const { id } = await this.send({
      method: 'POST',
      url: '/api/cadres',
      payload: { fullName: this.uniqueName('Quách Văn'), gender: 'nam', birthDate: '1990-06-06', owningUnitId: this.place.commune },
    });
    // A plan takes three people per title: each request plans for another title or term of the shared commune.
    const n = Number(this.unique());
    const from = 2025 + 5 * (Math.floor(n / PLANNED_TITLES.length) % 4);
    return {
      unitId: this.place.commune,
      term: `${from}-${from + 5}`,
      titleCode: PLANNED_TITLES[n % PLANNED_TITLES.length],
      cadreId: id,
      addedOn: '2024-12-01',
      reason: 'Rà soát quy hoạch năm 2024',
    };
  };

  planEntry(): Promise<string> {
    return this.once('planEntry', async () => {
      const body = await this.planEntryBody();
      const plans = (await this.send({ method: 'POST', url: '/api/succession-plans/entries', payload: body }, 200)) as unknown as {
        titles: { titleCode: string; entries: { id: string; cadre: { id: string } }[] }[];
      };
      return plans.titles.find((title) => title.titleCode === body.titleCode)!.entries.find((entry) => entry.cadre.id === body.cadreId)!.id;
    });
  }

  /** A civil servant of the commune with no post in the registry: the one a rotation moves. */
  rotatedPerson(): Promise<string> {
    return this.once('rotatedPerson', async () => {
      const { id } = await this.send({
        method: 'POST',
        url: '/api/cadres',
        payload: { fullName: this.uniqueName('Đinh Văn'), gender: 'nam', birthDate: '1985-04-05', owningUnitId: this.place.commune },
      });
      return id;
    });
  }

  /** An assignment inside the commune into a vacant post, every warning confirmed (the decision, not the rules, is what the matrix tests). */
  rotationBody = async (): Promise<Record<string, unknown>> => ({
    cadreId: await this.rotatedPerson(),
    kind: 'dieu_dong',
    direction: 'up',
    purpose: 'training',
    originUnitId: this.place.commune,
    originPostName: 'Công chức Văn phòng - thống kê',
    destinationUnitId: this.place.commune,
    destinationTitleCode: 'pho_chu_tich_hdnd',
    decisionNumber: '12-QĐ/HU',
    decisionDate: '2024-02-20',
    decisionSigner: 'Ban Thường vụ Huyện ủy',
    startDate: '2024-03-01',
    acceptedWarnings: ['not_in_plan', 'service_left_short', 'service_left_unknown', 'duration_short', 'post_not_vacant'],
  });

  rotation(): Promise<string> {
    return this.once('rotation', async () => (await this.send({ method: 'POST', url: '/api/rotations', payload: await this.rotationBody() })).id);
  }

  /** The rotation with its decision scanned. */
  rotationWithFile(): Promise<string> {
    return this.once('rotationWithFile', async () => {
      const id = await this.rotation();
      await this.send({ method: 'POST', url: `/api/rotations/${id}/decision-file`, ...this.photoUpload() }, 200);
      return id;
    });
  }

  /** The commune's chair assigned to a new cell of its committee: a new one each time, as an assignment may not overlap another. */
  cellAssignmentBody = async (): Promise<Record<string, unknown>> => {
    const cell = await this.send({
      method: 'POST',
      url: '/api/party-organizations',
      payload: { communeId: this.place.commune, kind: 'chi_bo', name: `Chi bộ thôn Phân Công ${this.unique()}`, parentId: await this.partyCommittee() },
    });
    return { cellId: cell.id, cadreId: await this.cadre(), frequencyMonths: 1, validFrom: '2025-01-01' };
  };

  cellAssignment(): Promise<string> {
    return this.once('cellAssignment', async () => {
      const created = await this.send({
        method: 'POST',
        url: `/api/party-committees/${await this.partyCommittee()}/cell-assignments`,
        payload: await this.cellAssignmentBody(),
      });
      return created.id;
    });
  }

  /** The chair at the March 2025 meeting of the world's cell. */
  cellMeeting(): Promise<string> {
    return this.once('cellMeeting', async () => {
      const committee = await this.partyCommittee();
      const cellId = await this.organization();
      await this.send(
        {
          method: 'PUT',
          url: `/api/party-committees/${committee}/cell-attendance/2025-03`,
          payload: { meetingDay: 4, entries: [{ cellId, cadreId: await this.cadre(), status: 'present' }] },
        },
        200,
      );
      const year = (await this.send({ method: 'GET', url: `/api/party-committees/${committee}/cell-attendance?year=2025` }, 200)) as unknown as {
        meetings: { id: string; cellId: string }[];
      };
      return year.meetings.find((meeting) => meeting.cellId === cellId)!.id;
    });
  }

  problemAttachment(): Promise<{ problemId: string; attachmentId: string }> {
    return this.once('problemAttachment', async () => {
      const problemId = await this.problem();
      const detail = (await this.send(
        { method: 'POST', url: `/api/grassroots-problems/${problemId}/attachments`, ...multipartFile('minh-chung.png', PNG) },
        200,
      )) as unknown as {
        attachments: { id: string }[];
      };
      return { problemId, attachmentId: detail.attachments[0]!.id };
    });
  }

  /** A user of the commune, who may be assigned its cases. */
  communeUser(): Promise<string> {
    return this.once('communeUser', async () => (await this.t.createUser({ role: 'commune', unitId: this.place.commune })).id);
  }

  dialogueBody(): Record<string, unknown> {
    return {
      communeId: this.place.commune,
      heldOn: '2025-04-10',
      kind: 'dialogue',
      topic: 'Đối thoại về đền bù giải phóng mặt bằng',
      organisers: 'Bí thư Đảng ủy, Chủ tịch UBND xã',
      commitments: [{ action: 'Đo đạc lại diện tích thửa đất', responsible: 'Công chức địa chính', dueOn: '2025-05-10' }],
    };
  }

  dialogue(): Promise<{ id: string; commitmentId: string }> {
    return this.once('dialogue', async () => {
      const created = (await this.send({ method: 'POST', url: '/api/dialogues', payload: this.dialogueBody() })) as unknown as {
        id: string;
        commitments: { id: string }[];
      };
      return { id: created.id, commitmentId: created.commitments[0]!.id };
    });
  }

  villagesCsv(): { payload: string; headers: Record<string, string> } {
    return csvUpload(`Mã xã;Loại;Tên\n${this.place.communeCode};Thôn;Thôn Nhập ${this.unique()}\n`);
  }

  async organizationsCsv(): Promise<{ payload: string; headers: Record<string, string> }> {
    await this.partyCommittee();
    return csvUpload(`Mã xã;Loại;Tên;Trực thuộc\n${this.place.communeCode};Chi bộ;Chi bộ Nhập ${this.unique()};Đảng bộ xã Quỳnh\n`);
  }

  /** One new person of the commune, in the import template's columns. */
  async cadresWorkbook(): Promise<{ payload: Buffer; headers: Record<string, string> }> {
    const content = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Danh sách');
      sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị', 'Chức vụ', 'Ngày giữ chức vụ']);
      sheet.addRow([1, `Nguyễn Văn Nhập ${this.unique()}`, '03/04/1979', 'Nam', this.place.communeCode, 'Phó Chủ tịch UBND', '01/06/2021']);
    });
    return multipartFile('danh-sach.xlsx', content);
  }
}

function csvUpload(csv: string): { payload: string; headers: Record<string, string> } {
  const boundary = 'matranboundary';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="du-lieu.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
