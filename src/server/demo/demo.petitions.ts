import { addDays, compareIsoDates, type IsoDate } from '../../core/dates.js';
import type { PetitionType } from '../../core/petition-deadlines.js';
import type { Db } from '../db/database.js';
import { type CaseRecord, type DialogueRecord, PetitionsBulkWriter, type ReceptionRecord } from '../petitions/petitions.bulk.js';
import type { PetitionHandling } from '../petitions/petitions.tables.js';
import { makeName, type Sex } from './names.js';
import type { DemoCommune, DemoDistrict, ProvinceTerritory } from './province-demo.js';
import { chance, dateBetween, intBetween, pick, pickWeighted, type Random, streamFor } from './random.js';

/*
 * Petitions and dialogues in the Bắc Giang demo, 2020–2021, as the article
 * tells them: "Ở xã Quỳnh Sơn (Yên Dũng), khắc phục tình trạng đơn thư khiếu
 * nại, tố cáo, nhất là đơn thư vượt cấp kéo dài, các đồng chí Thường trực
 * Đảng ủy xã chủ động tổ chức tiếp xúc đối thoại… hơn 10 cuộc tiếp xúc, đối
 * thoại… hơn 20 đơn thuộc thẩm quyền được xã giải quyết, trả lời thấu tình,
 * đạt lý, có sự đồng thuận". Quỳnh Sơn's cases are laid out by hand so those
 * figures hold exactly; every other commune gets a few cases a year drawn
 * from the fields the article names (environment, compensation and site
 * clearance, land violations), its over-level petitions declining from 2020
 * to 2021, and a handful still open — some overdue — on 31/12/2021.
 */

export const QUYNH_SON = {
  communeCode: '07702',
  /** "hơn 10 cuộc tiếp xúc, đối thoại". */
  dialogues: 12,
  /** Cases in its own register, 2020–2021, settled within its authority with the petitioner's agreement ("hơn 20 đơn… đồng thuận"): 16 of its own and the 10 sent down. */
  settledAgreed: 26,
  /** Over-level petitions about it received by the district: down from 7 in 2020 to 3 in 2021. */
  overLevelByYear: { 2020: 7, 2021: 3 },
} as const;

const DEMO_END: IsoDate = '2021-12-31';

interface Topic {
  field: string;
  subject: string;
  content: string;
}

const TOPICS: readonly (readonly [Topic, number])[] = [
  [
    {
      field: 'den_bu_gpmb',
      subject: 'Đề nghị xem xét lại giá bồi thường khi thu hồi đất làm đường',
      content: 'Gia đình có đất bị thu hồi để mở rộng đường liên xã, đề nghị xem xét lại đơn giá bồi thường cây cối, hoa màu.',
    },
    14,
  ],
  [
    {
      field: 'dat_dai',
      subject: 'Tranh chấp ranh giới thửa đất với hộ liền kề',
      content: 'Hộ liền kề xây tường lấn sang phần đất của gia đình khoảng 0,5 m, đề nghị xã đo đạc, hòa giải.',
    },
    14,
  ],
  [
    {
      field: 'vi_pham_dat_dai',
      subject: 'Phản ánh việc xây dựng trái phép trên đất nông nghiệp',
      content: 'Một hộ tự ý san lấp, xây nhà trên đất trồng lúa ở cánh đồng, đề nghị xã kiểm tra, xử lý.',
    },
    10,
  ],
  [
    {
      field: 'moi_truong',
      subject: 'Phản ánh trại chăn nuôi gây ô nhiễm',
      content: 'Trại lợn gần khu dân cư xả nước thải ra mương, gây mùi hôi, đề nghị kiểm tra, xử lý.',
    },
    14,
  ],
  [
    {
      field: 'moi_truong',
      subject: 'Đề nghị thu gom rác thải tại điểm tập kết',
      content: 'Điểm tập kết rác của thôn quá tải, rác tràn ra đường, đề nghị tăng số lần thu gom.',
    },
    6,
  ],
  [
    {
      field: 'chinh_sach_xa_hoi',
      subject: 'Đề nghị xem xét hộ cận nghèo',
      content: 'Gia đình có người ốm đau dài ngày, thu nhập thấp, đề nghị xã rà soát, công nhận hộ cận nghèo.',
    },
    9,
  ],
  [
    {
      field: 'ha_tang',
      subject: 'Đề nghị sửa chữa đường giao thông nội đồng',
      content: 'Đoạn đường nội đồng bị sạt lở sau mưa lớn, đi lại khó khăn, đề nghị sửa chữa trước vụ mùa.',
    },
    8,
  ],
  [
    {
      field: 'tai_chinh',
      subject: 'Đề nghị công khai các khoản đóng góp xây dựng nhà văn hóa',
      content: 'Đề nghị ban phát triển thôn công khai thu, chi khoản đóng góp xây dựng nhà văn hóa thôn.',
    },
    4,
  ],
  [
    {
      field: 'an_ninh_trat_tu',
      subject: 'Phản ánh tụ tập gây mất trật tự ban đêm',
      content: 'Nhóm thanh niên thường tụ tập, rú ga xe máy sau 23 giờ, đề nghị công an xã xử lý.',
    },
    4,
  ],
];

const COMPLAINT_TOPICS: readonly Topic[] = [
  {
    field: 'den_bu_gpmb',
    subject: 'Khiếu nại quyết định phê duyệt phương án bồi thường',
    content: 'Không đồng ý với diện tích đất ở được tính bồi thường trong phương án, đề nghị xem xét lại.',
  },
  {
    field: 'dat_dai',
    subject: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất',
    content: 'Giấy chứng nhận cấp cho hộ liền kề có phần diện tích chồng lấn lên thửa đất của gia đình.',
  },
  {
    field: 'chinh_sach_xa_hoi',
    subject: 'Khiếu nại việc không được hưởng trợ cấp xã hội',
    content: 'Mẹ tôi đủ 80 tuổi nhưng chưa được xét hưởng trợ cấp xã hội hằng tháng.',
  },
];

const DENUNCIATION_TOPICS: readonly Topic[] = [
  {
    field: 'can_bo',
    subject: 'Tố cáo cán bộ địa chính gây phiền hà khi làm thủ tục',
    content: 'Cán bộ địa chính xã yêu cầu nộp thêm giấy tờ không có trong quy định và hẹn nhiều lần.',
  },
  {
    field: 'vi_pham_dat_dai',
    subject: 'Tố cáo trưởng thôn cho thuê đất công trái phép',
    content: 'Trưởng thôn tự ý cho thuê đất công ích ven sông mà không thông qua hội nghị thôn.',
  },
];

export const TYPES: readonly (readonly [PetitionType, number])[] = [
  ['kien_nghi', 45],
  ['phan_anh', 25],
  ['khieu_nai', 22],
  ['to_cao', 8],
];

const DIALOGUE_TOPICS = [
  'Đối thoại về bồi thường, giải phóng mặt bằng dự án đường tỉnh',
  'Tiếp xúc, đối thoại với hộ dân về xử lý ô nhiễm trại chăn nuôi',
  'Đối thoại về cấp giấy chứng nhận quyền sử dụng đất',
  'Tiếp xúc với Nhân dân về xây dựng nông thôn mới nâng cao',
  'Đối thoại về xử lý vi phạm đất đai, trật tự xây dựng',
  'Đối thoại về thu gom, xử lý rác thải sinh hoạt',
];

const COMMITMENTS = [
  { action: 'Đo đạc lại, xác định ranh giới thửa đất và trả lời bằng văn bản', responsible: 'Công chức địa chính - xây dựng' },
  { action: 'Kiểm tra, lập biên bản và yêu cầu khắc phục ô nhiễm', responsible: 'Phó Chủ tịch UBND xã' },
  { action: 'Rà soát hồ sơ bồi thường, đề nghị huyện điều chỉnh đơn giá', responsible: 'Chủ tịch UBND xã' },
  { action: 'Tổ chức họp thôn công khai thu, chi', responsible: 'Trưởng thôn' },
  { action: 'Sửa chữa tuyến đường nội đồng bị sạt lở', responsible: 'Phó Chủ tịch UBND xã' },
];

export interface PetitionDemoUsers {
  /** Who keys in cases of units with no demo account of their own. */
  fallback: string;
  /** Demo accounts by unit id: their cases are theirs, and they handle their denunciations. */
  byUnit: ReadonlyMap<string, string>;
}

interface Place {
  commune: DemoCommune;
  district: DemoDistrict;
}

function petitionerOf(random: Random, village: string) {
  const sex: Sex = chance(random, 0.6) ? 'nam' : 'nu';
  return { fullName: makeName(random, { sex, ethnicityCode: '01', region: 'bac_giang' }), address: `Thôn ${village}`, representative: false };
}

const VILLAGES = ['Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Thượng', 'Hạ', 'Chùa', 'Đình', 'Mới'];

/** Whether a commune was in the list for the whole of 2020–2021. */
function servedWholePeriod(commune: DemoCommune): boolean {
  return commune.validTo === null || compareIsoDates(commune.validTo, DEMO_END) >= 0;
}

export class CaseMaker {
  readonly cases: CaseRecord[] = [];
  private counter = 0;

  constructor(
    private readonly random: Random,
    private readonly users: PetitionDemoUsers,
    /** The demo's date: nothing happens after it. */
    private readonly end: IsoDate = DEMO_END,
    private readonly keyPrefix = 'case',
  ) {}

  userOf(unitId: string): string {
    return this.users.byUnit.get(unitId) ?? this.users.fallback;
  }

  /**
   * One case received by `unitId` on `receivedOn`, handled as `plan` says:
   * decided within the period (or late), settled by its deadline (or late,
   * or still open on 31/12/2021 when it came in late in the year).
   */
  add(plan: {
    unitId: string;
    communeId: string;
    receivedOn: IsoDate;
    type: PetitionType;
    topic: Topic;
    handling: PetitionHandling | null;
    agreed?: boolean;
    overLevel?: boolean;
    parentKey?: string;
    channel?: CaseRecord['channel'];
    lateSettlement?: boolean;
    openAtEnd?: boolean;
  }): CaseRecord {
    const random = this.random;
    this.counter += 1;
    const createdBy = this.userOf(plan.unitId);
    const village = pick(random, VILLAGES);
    const group = plan.type === 'kien_nghi' && chance(random, 0.2);
    const petitioners = Array.from({ length: group ? intBetween(random, 2, 4) : 1 }, () => petitionerOf(random, village));
    if (group) petitioners[0]!.representative = true;
    const decidedDay = plan.handling === null ? null : addDays(plan.receivedOn, intBetween(random, 1, plan.type === 'to_cao' ? 6 : 8));
    // A case decided after the demo's date is still waiting on it.
    const decidedOn = decidedDay && compareIsoDates(decidedDay, this.end) <= 0 ? decidedDay : null;
    const handling = decidedOn ? plan.handling : null;
    const accepted = handling === 'accepted';
    const judged = plan.type === 'khieu_nai' || plan.type === 'to_cao';
    let settledOn: IsoDate | null = null;
    if (accepted && !plan.openAtEnd && decidedOn) {
      const days = plan.lateSettlement ? intBetween(random, 35, 50) : judged ? intBetween(random, 12, 27) : intBetween(random, 3, 12);
      settledOn = addDays(decidedOn, days);
      if (compareIsoDates(settledOn, this.end) > 0) settledOn = null;
    }
    const reportedBackOn = settledOn && plan.parentKey ? addDays(settledOn, intBetween(random, 1, 5)) : null;
    const record: CaseRecord = {
      key: `${this.keyPrefix}-${this.counter}`,
      unitId: plan.unitId,
      communeId: plan.communeId,
      receivedOn: plan.receivedOn,
      channel:
        plan.channel ??
        pickWeighted(random, [
          ['reception', 4],
          ['handed', 3],
          ['mail', 2],
          ['online', 1],
        ] as const),
      type: plan.type,
      fieldCode: plan.topic.field,
      subject: plan.topic.subject,
      content: `${plan.topic.content} (Thôn ${village})`,
      petitioners,
      complex: plan.type === 'khieu_nai' && chance(random, 0.15),
      denunciationComplexity: 'normal',
      overLevel: plan.overLevel ?? false,
      parentKey: plan.parentKey,
      handling,
      decidedOn,
      transferredTo: handling === 'transferred' ? 'Chi nhánh Văn phòng Đăng ký đất đai huyện' : null,
      settledOn,
      outcome: settledOn
        ? judged
          ? pickWeighted(random, [
              ['wrong', 5],
              ['partly_right', 3],
              ['right', 2],
            ] as const)
          : 'answered'
        : null,
      agreed: settledOn ? (plan.agreed ?? chance(random, 0.85)) : null,
      reportedBackOn: reportedBackOn && compareIsoDates(reportedBackOn, this.end) <= 0 ? reportedBackOn : null,
      createdBy,
      // A denunciation is handled by the commune's officer on duty: only they see who denounced.
      handlerIds: this.users.byUnit.has(plan.unitId) ? [createdBy] : [],
    };
    this.cases.push(record);
    return record;
  }

  /** A petition sent to the district about a commune's matter, sent down to the commune, which settles and reports back. */
  overLevel(place: { commune: { id: string }; district: { id: string } }, receivedOn: IsoDate, topic: Topic, type: PetitionType, agreed?: boolean): void {
    const parent = this.add({ unitId: place.district.id, communeId: place.commune.id, receivedOn, type, topic, handling: 'referred_down', overLevel: true });
    if (parent.decidedOn === null) return;
    this.add({
      unitId: place.commune.id,
      communeId: place.commune.id,
      receivedOn: parent.decidedOn!,
      type,
      topic,
      handling: 'accepted',
      agreed,
      parentKey: parent.key,
      channel: 'transferred',
    });
  }
}

export function typedTopic(random: Random, type: PetitionType): Topic {
  if (type === 'khieu_nai') return pick(random, COMPLAINT_TOPICS);
  if (type === 'to_cao') return pick(random, DENUNCIATION_TOPICS);
  return pickWeighted(random, TOPICS);
}

export function handlingOf(random: Random, type: PetitionType): PetitionHandling {
  if (type === 'to_cao')
    return pickWeighted(random, [
      ['accepted', 6],
      ['transferred', 2],
      ['filed', 1],
    ] as const);
  return pickWeighted(random, [
    ['accepted', 16],
    ['guided', 2],
    ['transferred', 1],
    ['filed', 1],
  ] as const);
}

/** Quỳnh Sơn, laid out so that the article's figures come out exactly. */
function quynhSon(maker: CaseMaker, random: Random, place: Place): void {
  const own: { receivedOn: IsoDate; type: PetitionType; handling: PetitionHandling; agreed: boolean }[] = [];
  // 16 of its own cases accepted and settled with agreement, 1 denunciation settled without it, 3 handled otherwise.
  for (let i = 0; i < 16; i++)
    own.push({
      receivedOn: dateBetween(random, i < 8 ? '2020-01-15' : '2021-01-15', i < 8 ? '2020-11-30' : '2021-10-31'),
      type: pick(random, ['kien_nghi', 'phan_anh', 'khieu_nai'] as const),
      handling: 'accepted',
      agreed: true,
    });
  own.push({ receivedOn: '2021-04-12', type: 'to_cao', handling: 'accepted', agreed: false });
  own.push({ receivedOn: '2020-06-08', type: 'kien_nghi', handling: 'guided', agreed: false });
  own.push({ receivedOn: '2021-03-22', type: 'khieu_nai', handling: 'transferred', agreed: false });
  own.push({ receivedOn: '2021-08-16', type: 'phan_anh', handling: 'filed', agreed: false });
  for (const plan of own) maker.add({ unitId: place.commune.id, communeId: place.commune.id, ...plan, topic: typedTopic(random, plan.type) });
  // Over-level petitions about Quỳnh Sơn, sent down by Yên Dũng and settled with agreement: 7 in 2020, 3 in 2021.
  for (const [year, count] of Object.entries(QUYNH_SON.overLevelByYear)) {
    for (let i = 0; i < count; i++) {
      maker.overLevel(
        place,
        dateBetween(random, `${year}-01-10`, `${year}-10-31`),
        typedTopic(random, 'kien_nghi'),
        i % 3 === 0 ? 'khieu_nai' : 'kien_nghi',
        true,
      );
    }
  }
  // One case just received at the end of the year, still being processed on 31/12/2021.
  maker.add({
    unitId: place.commune.id,
    communeId: place.commune.id,
    receivedOn: '2021-12-27',
    type: 'kien_nghi',
    topic: typedTopic(random, 'kien_nghi'),
    handling: null,
  });
}

function ordinaryCommune(maker: CaseMaker, random: Random, place: Place): void {
  for (const year of [2020, 2021]) {
    const count = intBetween(random, 3, 8);
    for (let i = 0; i < count; i++) {
      const type = pickWeighted(random, TYPES);
      const receivedOn = dateBetween(random, `${year}-01-04`, `${year}-12-28`);
      const recent = compareIsoDates(receivedOn, '2021-11-15') > 0;
      const veryRecent = compareIsoDates(receivedOn, '2021-12-20') > 0;
      maker.add({
        unitId: place.commune.id,
        communeId: place.commune.id,
        receivedOn,
        type,
        topic: typedTopic(random, type),
        handling: veryRecent ? null : handlingOf(random, type),
        lateSettlement: chance(random, 0.05),
        openAtEnd: recent && chance(random, 0.6),
      });
    }
    // Over-level petitions about the commune: fewer in 2021, as dialogue brought them down.
    const overLevel = year === 2020 ? (chance(random, 0.5) ? intBetween(random, 1, 2) : 0) : chance(random, 0.3) ? 1 : 0;
    for (let i = 0; i < overLevel; i++) {
      maker.overLevel(
        place,
        dateBetween(random, `${year}-01-10`, `${year}-11-30`),
        typedTopic(random, 'kien_nghi'),
        chance(random, 0.3) ? 'khieu_nai' : 'kien_nghi',
      );
    }
  }
}

function dialoguesOf(random: Random, place: Place, count: number, createdBy: string, linkable: readonly CaseRecord[]): DialogueRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const year = index < count / 2 ? 2020 : 2021;
    const heldOn = dateBetween(random, `${year}-02-15`, `${year}-11-30`);
    const commitments = Array.from({ length: intBetween(random, 1, 3) }, () => {
      const commitment = pick(random, COMMITMENTS);
      const days = intBetween(random, 15, 60);
      const dueOn = addDays(heldOn, days);
      // Most are done in time, a few late, some not yet; those due after the demo date may still be open.
      const doneOn = chance(random, 0.9) ? addDays(heldOn, chance(random, 0.85) ? intBetween(random, 5, days) : days + intBetween(random, 3, 20)) : null;
      return { ...commitment, dueOn, doneOn: doneOn && compareIsoDates(doneOn, DEMO_END) <= 0 ? doneOn : null };
    });
    const related = linkable.filter((record) => compareIsoDates(record.receivedOn, heldOn) <= 0 && record.communeId === place.commune.id).slice(-2);
    return {
      communeId: place.commune.id,
      heldOn,
      kind: chance(random, 0.6) ? 'dialogue' : 'meeting',
      topic: pick(random, DIALOGUE_TOPICS),
      place: `Nhà văn hóa thôn ${pick(random, VILLAGES)}`,
      organisers: pick(random, [
        'Bí thư Đảng ủy, Chủ tịch UBND xã',
        'Phó Bí thư Thường trực Đảng ủy, Chủ tịch HĐND xã',
        'Chủ tịch UBND xã, Chủ tịch Ủy ban MTTQ xã',
      ]),
      participants: intBetween(random, 15, 120),
      outcome: 'Giải thích chính sách, tiếp thu ý kiến; người dân đồng tình với hướng giải quyết.',
      agreed: chance(random, 0.9),
      chairCadreId: null,
      petitionKeys: related.map((record) => record.key),
      commitments,
      createdBy,
    };
  });
}

/** The title the organisers' words begin with: the one who chaired. */
const CHAIR_TITLES: readonly (readonly [string, string])[] = [
  ['Bí thư Đảng ủy', 'bi_thu_dang_uy'],
  ['Phó Bí thư Thường trực', 'pho_bi_thu_thuong_truc'],
  ['Chủ tịch UBND', 'chu_tich_ubnd'],
];

/** Each dialogue's chair: the holder on the day of the post its organisers name first, or another standing member in post. */
async function chooseChairs(trx: Db, dialogues: DialogueRecord[]): Promise<void> {
  const communeIds = [...new Set(dialogues.map((dialogue) => dialogue.communeId))];
  const posts = await trx
    .selectFrom('cadre_post')
    .select(['unit_id', 'cadre_id', 'title_code', 'start_date', 'end_date'])
    .where('unit_id', 'in', communeIds.length > 0 ? communeIds : ['0'])
    .where('is_key', '=', true)
    .orderBy('unit_id')
    .orderBy('start_date')
    .orderBy('cadre_id')
    .execute();
  for (const dialogue of dialogues) {
    const inPost = posts.filter(
      (post) =>
        post.unit_id === dialogue.communeId &&
        compareIsoDates(post.start_date, dialogue.heldOn) <= 0 &&
        (post.end_date === null || compareIsoDates(post.end_date, dialogue.heldOn) >= 0),
    );
    const title = CHAIR_TITLES.find(([words]) => dialogue.organisers.startsWith(words))?.[1];
    dialogue.chairCadreId = (inPost.find((post) => post.title_code === title) ?? inPost[0])?.cadre_id ?? null;
  }
}

const CHAIRS = ['Chủ tịch UBND xã', 'Phó Chủ tịch UBND xã'] as const;

/**
 * The chair's weekly reception day (Thursday, or none when Thursday is a day
 * off) — every week in Quỳnh Sơn, most weeks elsewhere, some held by a deputy
 * as the law then allowed; cases brought there are dated to that day.
 */
function receptionDays(random: Random, place: Place, createdBy: string, daysOff: ReadonlySet<IsoDate>, everyWeek: boolean): ReceptionRecord[] {
  const sessions: ReceptionRecord[] = [];
  // 2 January 2020 was a Thursday.
  for (let thursday = '2020-01-02'; compareIsoDates(thursday, DEMO_END) <= 0; thursday = addDays(thursday, 7)) {
    // When Thursday is a holiday the chair receives on an earlier working day of the week.
    const day = [0, -1, -2, -3].map((offset) => addDays(thursday, offset)).find((candidate) => !daysOff.has(candidate));
    if (!day) continue;
    if (!everyWeek && chance(random, 0.12)) continue;
    const deputy = chance(random, 0.2);
    sessions.push({
      key: `reception-${place.commune.id}-${day}`,
      unitId: place.commune.id,
      heldOn: day,
      kind: 'regular',
      hostName: `${deputy ? CHAIRS[1] : CHAIRS[0]} ${place.commune.name.replace(/^(Xã|Phường|Thị trấn) /, '')}`,
      hostRole: deputy ? 'deputy' : 'head',
      citizens: intBetween(random, 0, 6),
      createdBy,
    });
  }
  return sessions;
}

/** A case brought to a reception day is dated to the last session on or before it, within the week. */
function attachToReceptionDays(cases: readonly CaseRecord[], sessions: readonly ReceptionRecord[]): void {
  for (const record of cases) {
    if (record.channel !== 'reception' || record.parentKey) continue;
    const session = [...sessions]
      .reverse()
      .find((candidate) => compareIsoDates(candidate.heldOn, record.receivedOn) <= 0 && compareIsoDates(addDays(candidate.heldOn, 7), record.receivedOn) > 0);
    if (session) {
      record.receivedOn = session.heldOn;
      record.receptionSessionKey = session.key;
      session.citizens += record.petitioners.length;
    } else {
      record.channel = 'handed';
    }
  }
}

export async function insertPetitionsDemo(trx: Db, territory: ProvinceTerritory, users: PetitionDemoUsers): Promise<{ cases: number; dialogues: number }> {
  const random = streamFor('bac-giang-2021:petitions');
  const maker = new CaseMaker(random, users);
  const dialogues: DialogueRecord[] = [];
  const sessions: ReceptionRecord[] = [];
  const daysOff = new Set((await trx.selectFrom('work_calendar_day').select('day').where('kind', '=', 'day_off').execute()).map((row) => row.day));
  for (const district of territory.districts) {
    for (const commune of district.communes.filter(servedWholePeriod)) {
      const place = { commune, district };
      const isQuynhSon = commune.code === QUYNH_SON.communeCode;
      const before = maker.cases.length;
      if (isQuynhSon) quynhSon(maker, random, place);
      else ordinaryCommune(maker, random, place);
      const communeSessions = receptionDays(random, place, maker.userOf(commune.id), daysOff, isQuynhSon);
      attachToReceptionDays(
        maker.cases.slice(before).filter((record) => record.unitId === commune.id),
        communeSessions,
      );
      sessions.push(...communeSessions);
      const count = isQuynhSon ? QUYNH_SON.dialogues : intBetween(random, 2, 6);
      const ownCases = maker.cases.slice(before).filter((record) => record.unitId === commune.id);
      dialogues.push(...dialoguesOf(random, place, count, maker.userOf(commune.id), ownCases));
    }
  }
  const writer = new PetitionsBulkWriter(trx);
  await writer.receptionSessions(sessions);
  await writer.cases(maker.cases);
  await chooseChairs(trx, dialogues);
  await writer.dialogues(dialogues);
  return { cases: maker.cases.length, dialogues: dialogues.length };
}
