import { sql } from 'kysely';
import { addDays, dayOfWeek, type IsoDate } from '../../core/dates.js';
import { foldVietnamese } from '../../core/text.js';
import type { Db } from '../db/database.js';
import { TrainingBulkWriter } from '../training/training.bulk.js';
import type { AttendanceStatus, GrantedScale, ProgrammeForm, ProgrammeOutcome } from '../training/training.tables.js';
import type { DemoDistrict, ProvinceTerritory } from './province-demo.js';
import { chance, dateBetween, intBetween, pick, type Random, shuffled, streamFor } from './random.js';

/*
 * Training in the Bắc Giang demo, 2020–2022: the province's catalogue, its
 * instructors and district officers, about thirty classes with sessions,
 * attendance, scores and certificates, and a hundred guidance visits.
 *
 * The demo's cadre figures are the article's as of 31/12/2021 and its
 * degrees after that date are counted too, so no certificate here grants a
 * qualification: the two Trung cấp lý luận chính trị classes of 2022 have
 * their attendance and scores recorded and wait for the officer to issue
 * the certificates, which then add the level from their date.
 *
 * The catalogue, the sequence of classes and the rules for learners' records
 * are also each province's in the national demo (demo.national-training.ts).
 */

export interface ProgrammeSpec {
  key: string;
  name: string;
  form: ProgrammeForm;
  organiser: string;
  fields: string[];
  hours: number;
  outcome: ProgrammeOutcome;
  grants?: { scale: GrantedScale; level: string };
  courseType: string | null;
}

export const PROGRAMMES: readonly ProgrammeSpec[] = [
  {
    key: 'llct',
    name: 'Trung cấp lý luận chính trị - hành chính',
    form: 'formal_degree',
    organiser: 'Trường Chính trị tỉnh Bắc Giang',
    fields: ['Lý luận chính trị'],
    hours: 42,
    outcome: 'qualification',
    grants: { scale: 'political_theory', level: 'trung_cap' },
    courseType: 'trung_cap_llct',
  },
  {
    key: 'bi_thu',
    name: 'Bồi dưỡng kỹ năng lãnh đạo cho bí thư, phó bí thư đảng ủy xã mới',
    form: 'short_course',
    organiser: 'Ban Tổ chức Tỉnh ủy Bắc Giang',
    fields: ['Xây dựng Đảng'],
    hours: 24,
    outcome: 'certificate',
    courseType: 'boi_duong_bi_thu_moi',
  },
  {
    key: 'tai_chinh',
    name: 'Bồi dưỡng quản lý tài chính, ngân sách xã',
    form: 'short_course',
    organiser: 'Sở Tài chính tỉnh Bắc Giang',
    fields: ['Tài chính'],
    hours: 16,
    outcome: 'certificate',
    courseType: 'tai_chinh',
  },
  {
    key: 'dat_dai',
    name: 'Bồi dưỡng quản lý đất đai cấp xã',
    form: 'short_course',
    organiser: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang',
    fields: ['Đất đai'],
    hours: 16,
    outcome: 'certificate',
    courseType: 'dat_dai',
  },
  {
    key: 'tu_phap',
    name: 'Bồi dưỡng nghiệp vụ tư pháp - hộ tịch',
    form: 'short_course',
    organiser: 'Sở Tư pháp tỉnh Bắc Giang',
    fields: ['Tư pháp'],
    hours: 16,
    outcome: 'certificate',
    courseType: 'tu_phap',
  },
  {
    key: 'ldtbxh',
    name: 'Bồi dưỡng nghiệp vụ lao động - thương binh và xã hội',
    form: 'short_course',
    organiser: 'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang',
    fields: ['Lao động - thương binh và xã hội'],
    hours: 16,
    outcome: 'certificate',
    courseType: 'ldtbxh',
  },
  {
    key: 'hoi_nghi',
    name: 'Hội nghị tập huấn triển khai nghị quyết, văn bản mới',
    form: 'briefing',
    organiser: 'Huyện ủy, UBND huyện',
    fields: ['Xây dựng Đảng', 'Quản lý nhà nước'],
    hours: 4,
    outcome: 'none',
    courseType: null,
  },
  {
    key: 'truc_tuyen',
    name: 'Bồi dưỡng trực tuyến kỹ năng chuyển đổi số',
    form: 'online',
    organiser: 'Sở Thông tin và Truyền thông tỉnh Bắc Giang',
    fields: ['Chuyển đổi số'],
    hours: 8,
    outcome: 'none',
    courseType: null,
  },
  {
    key: 'tham_quan',
    name: 'Tham quan, học tập kinh nghiệm xây dựng nông thôn mới',
    form: 'study_tour',
    organiser: 'Sở Nội vụ tỉnh Bắc Giang',
    fields: ['Nông thôn mới'],
    hours: 16,
    outcome: 'none',
    courseType: null,
  },
  {
    key: 'cam_tay',
    name: 'Cầm tay chỉ việc cho cán bộ xã mới nhận nhiệm vụ',
    form: 'on_the_job',
    organiser: 'Phòng Nội vụ các huyện',
    fields: [],
    hours: 0,
    outcome: 'none',
    courseType: null,
  },
  {
    key: 'huong_dan',
    name: 'Cán bộ huyện xuống hướng dẫn tại xã',
    form: 'field_guidance',
    organiser: 'Phòng, ban chuyên môn các huyện',
    fields: [],
    hours: 0,
    outcome: 'none',
    courseType: null,
  },
];

export const PROVINCIAL_INSTRUCTORS = [
  { fullName: 'Nguyễn Thị Thu Hà', workUnit: 'Trường Chính trị tỉnh Bắc Giang', position: 'Giảng viên chính' },
  { fullName: 'Trần Văn Quyết', workUnit: 'Trường Chính trị tỉnh Bắc Giang', position: 'Trưởng khoa Xây dựng Đảng' },
  { fullName: 'Lê Minh Đức', workUnit: 'Sở Nội vụ tỉnh Bắc Giang', position: 'Trưởng phòng Xây dựng chính quyền' },
  { fullName: 'Phạm Thị Hồng Nhung', workUnit: 'Ban Tổ chức Tỉnh ủy Bắc Giang', position: 'Chuyên viên' },
];

export const OFFICER_NAMES = [
  ['Vũ Văn Hưng', 'Ngô Thị Lan'],
  ['Đỗ Quang Vinh', 'Hoàng Thị Mai'],
  ['Nguyễn Đình Thắng', 'Lương Thị Hoa'],
  ['Dương Văn Tiến', 'Bùi Thị Thanh'],
  ['Thân Văn Lực', 'Nguyễn Thị Yến'],
  ['Giáp Văn Toàn', 'Trịnh Thị Hằng'],
  ['Hà Văn Khánh', 'Đặng Thị Nga'],
  ['Chu Văn Sơn', 'Lã Thị Hương'],
  ['Tạ Quang Huy', 'Phan Thị Loan'],
  ['Nông Văn Bình', 'Vi Thị Duyên'],
] as const;

/** Who a course is for, by the posts they hold. */
export const AUDIENCE: Readonly<Record<string, readonly string[] | null>> = {
  bi_thu: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'],
  tai_chinh: ['tai_chinh_ke_toan', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
  dat_dai: ['dia_chinh_xay_dung', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
  tu_phap: ['tu_phap_ho_tich', 'pho_chu_tich_ubnd'],
  ldtbxh: ['van_hoa_xa_hoi', 'pho_chu_tich_ubnd'],
};

export const TOPICS: Readonly<Record<string, readonly string[]>> = {
  llct: [
    'Chủ nghĩa Mác - Lênin',
    'Tư tưởng Hồ Chí Minh',
    'Đường lối của Đảng',
    'Quản lý hành chính nhà nước',
    'Kỹ năng lãnh đạo, quản lý',
    'Tình hình thực tiễn địa phương',
  ],
  bi_thu: ['Công tác xây dựng Đảng ở cơ sở', 'Kỹ năng chủ trì hội nghị', 'Công tác kiểm tra, giám sát'],
  tai_chinh: ['Lập và chấp hành dự toán ngân sách xã', 'Kế toán ngân sách và tài chính xã'],
  dat_dai: ['Luật Đất đai và văn bản hướng dẫn', 'Giải quyết tranh chấp đất đai ở cơ sở'],
  tu_phap: ['Đăng ký hộ tịch', 'Chứng thực và hòa giải ở cơ sở'],
  ldtbxh: ['Chính sách người có công', 'Bảo trợ xã hội và giảm nghèo'],
  hoi_nghi: ['Quán triệt nghị quyết'],
  truc_tuyen: ['Chính quyền số', 'Dịch vụ công trực tuyến'],
  tham_quan: ['Tham quan mô hình', 'Trao đổi kinh nghiệm'],
};

export const VISIT_WORK: readonly { field: string; solved: string; followUp: string | null }[] = [
  {
    field: 'Đất đai',
    solved: 'Hướng dẫn lập hồ sơ cấp giấy chứng nhận quyền sử dụng đất đúng trình tự',
    followUp: 'Kiểm tra lại hồ sơ tồn đọng sau một tháng',
  },
  { field: 'Tài chính', solved: 'Hướng dẫn lập dự toán và quyết toán ngân sách xã', followUp: 'Gửi mẫu biểu quyết toán năm' },
  { field: 'Tư pháp', solved: 'Hướng dẫn đăng ký khai sinh, kết hôn trên phần mềm hộ tịch', followUp: null },
  { field: 'Lao động - thương binh và xã hội', solved: 'Hướng dẫn rà soát hộ nghèo, cận nghèo', followUp: 'Tổng hợp kết quả rà soát trước 15/12' },
  { field: 'Xây dựng Đảng', solved: 'Hướng dẫn tổ chức sinh hoạt chi bộ theo chuyên đề', followUp: null },
  { field: 'Văn phòng', solved: 'Hướng dẫn soạn thảo văn bản hành chính và lưu trữ hồ sơ', followUp: 'Kiểm tra việc lập hồ sơ công việc' },
  { field: 'Chuyển đổi số', solved: 'Hướng dẫn tiếp nhận hồ sơ dịch vụ công trực tuyến', followUp: 'Hỗ trợ tài khoản cho cán bộ một cửa' },
];

export interface ClassPlan {
  programme: string;
  unit: 'province' | number;
  size: number;
  sessions: number;
  tests: number;
}

/** In date order; one class a month keeps every instructor's sessions apart. */
export const CLASS_PLANS: readonly ClassPlan[] = [
  { programme: 'hoi_nghi', unit: 0, size: 30, sessions: 1, tests: 0 },
  { programme: 'tai_chinh', unit: 1, size: 20, sessions: 3, tests: 1 },
  { programme: 'dat_dai', unit: 2, size: 20, sessions: 3, tests: 1 },
  { programme: 'tu_phap', unit: 3, size: 18, sessions: 3, tests: 1 },
  { programme: 'ldtbxh', unit: 4, size: 18, sessions: 3, tests: 1 },
  { programme: 'hoi_nghi', unit: 5, size: 30, sessions: 1, tests: 0 },
  { programme: 'tai_chinh', unit: 6, size: 20, sessions: 3, tests: 1 },
  { programme: 'bi_thu', unit: 'province', size: 35, sessions: 4, tests: 1 },
  { programme: 'dat_dai', unit: 7, size: 20, sessions: 3, tests: 1 },
  { programme: 'tu_phap', unit: 8, size: 18, sessions: 3, tests: 1 },
  { programme: 'ldtbxh', unit: 9, size: 18, sessions: 3, tests: 1 },
  { programme: 'bi_thu', unit: 'province', size: 35, sessions: 4, tests: 1 },
  { programme: 'tai_chinh', unit: 2, size: 20, sessions: 3, tests: 1 },
  { programme: 'hoi_nghi', unit: 3, size: 30, sessions: 1, tests: 0 },
  { programme: 'tham_quan', unit: 'province', size: 25, sessions: 2, tests: 0 },
  { programme: 'dat_dai', unit: 4, size: 20, sessions: 3, tests: 1 },
  { programme: 'tu_phap', unit: 0, size: 18, sessions: 3, tests: 1 },
  { programme: 'ldtbxh', unit: 1, size: 18, sessions: 3, tests: 1 },
  { programme: 'tai_chinh', unit: 5, size: 20, sessions: 3, tests: 1 },
  { programme: 'dat_dai', unit: 6, size: 20, sessions: 3, tests: 1 },
  { programme: 'hoi_nghi', unit: 7, size: 30, sessions: 1, tests: 0 },
  { programme: 'tu_phap', unit: 9, size: 18, sessions: 3, tests: 1 },
  { programme: 'bi_thu', unit: 'province', size: 30, sessions: 4, tests: 1 },
  { programme: 'ldtbxh', unit: 8, size: 18, sessions: 3, tests: 1 },
  { programme: 'truc_tuyen', unit: 'province', size: 40, sessions: 2, tests: 0 },
  { programme: 'llct', unit: 'province', size: 30, sessions: 6, tests: 2 },
  { programme: 'tai_chinh', unit: 0, size: 20, sessions: 3, tests: 1 },
  { programme: 'dat_dai', unit: 1, size: 20, sessions: 3, tests: 1 },
  { programme: 'llct', unit: 'province', size: 30, sessions: 6, tests: 2 },
  { programme: 'tu_phap', unit: 2, size: 18, sessions: 3, tests: 1 },
  { programme: 'hoi_nghi', unit: 9, size: 30, sessions: 1, tests: 0 },
  { programme: 'ldtbxh', unit: 3, size: 18, sessions: 3, tests: 1 },
];

const FIRST_CLASS_START: IsoDate = '2020-03-02';
const DAYS_BETWEEN_CLASSES = 31;
const VISITS = 100;

export interface Person {
  id: string;
  commune_id: string;
  title_code: string;
  has_mid_theory: boolean;
}

export function nextWorkday(date: IsoDate): IsoDate {
  let day = date;
  while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6) day = addDays(day, 1);
  return day;
}

export function workdaysFrom(start: IsoDate, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  let day = nextWorkday(start);
  while (days.length < count) {
    days.push(day);
    day = nextWorkday(addDays(day, 1));
  }
  return days;
}

/** Half points from 5 to 9.5, now and then a fail. */
function score(random: Random): number {
  if (chance(random, 0.03)) return 4;
  return intBetween(random, 10, 19) / 2;
}

function districtShortName(district: DemoDistrict): string {
  return district.name.replace(/^(Huyện|Thành phố|Thị xã)\s+/u, '');
}

/** Each person holding a post in one of the communes on `onDate`, with the post that counts most. */
export async function peopleOnDuty(trx: Db, communeIds: readonly string[], onDate: IsoDate): Promise<Person[]> {
  const result = await sql<Person>`
    select distinct on (c.id) c.id, p.unit_id as commune_id, p.title_code,
      exists (select 1 from cadre_qualification q where q.cadre_id = c.id and q.kind = 'political_theory'
        and q.level in ('trung_cap', 'cao_cap', 'cu_nhan')) as has_mid_theory
    from cadre c
    join cadre_post p on p.cadre_id = c.id
    where p.unit_id = any(${[...communeIds]}::bigint[])
      and p.start_date <= ${onDate} and (p.end_date is null or p.end_date >= ${onDate})
    order by c.id, p.is_key desc, p.start_date desc
  `.execute(trx);
  return result.rows;
}

/** One row per programme of the unit's catalogue, in the given order; keyed as given. */
export async function insertProgrammes(
  trx: Db,
  owningUnitId: string,
  programmes: readonly { key: string; spec: ProgrammeSpec }[],
): Promise<Map<string, string>> {
  const ids = await new TrainingBulkWriter(trx).programmes(
    programmes.map(({ spec }) => ({
      owning_unit_id: owningUnitId,
      name: spec.name,
      name_folded: foldVietnamese(spec.name),
      form: spec.form,
      organiser: spec.organiser,
      fields: [...spec.fields],
      hours: spec.hours === 0 ? null : spec.hours,
      outcome: spec.outcome,
      outcome_scale: spec.grants?.scale ?? null,
      outcome_level: spec.grants?.level ?? null,
      course_type: spec.courseType,
    })),
  );
  return new Map(programmes.map(({ key }, index) => [key, ids[index]!]));
}

export interface RecordedClass {
  id: string;
  /** Numbers the class's certificates. */
  ordinal: number;
  plan: ClassPlan;
  endDate: IsoDate;
}

export interface LearnerRecords {
  attendance: { session_id: string; enrolment_id: string; status: AttendanceStatus }[];
  scores: { test_id: string; enrolment_id: string; score: number }[];
  certificates: { class_id: string; enrolment_id: string; number: string; issued_on: string }[];
}

/**
 * Attendance and scores of every learner, and a certificate ten days after the
 * class for whoever attended every session and scored at least 5 on every test
 * (by default only where the programme's outcome is a certificate).
 */
export function learnerRecords(
  random: Random,
  classes: readonly RecordedClass[],
  sessions: readonly { id: string; class_id: string }[],
  tests: readonly { id: string; class_id: string }[],
  enrolments: readonly { id: string; class_id: string }[],
  certifies: (spec: ProgrammeSpec, klass: RecordedClass) => boolean = (spec) => spec.outcome === 'certificate',
): LearnerRecords {
  const records: LearnerRecords = { attendance: [], scores: [], certificates: [] };
  let oneAbsenceShown = false;
  for (const klass of classes) {
    const spec = PROGRAMMES.find((programme) => programme.key === klass.plan.programme)!;
    const classSessions = sessions.filter((row) => row.class_id === klass.id);
    const classTests = tests.filter((row) => row.class_id === klass.id);
    let issued = 0;
    for (const [position, enrolment] of enrolments.filter((row) => row.class_id === klass.id).entries()) {
      // The first certificate class shows someone who missed one session and so gets no certificate.
      const missesOne = !oneAbsenceShown && spec.outcome === 'certificate' && position === 0;
      if (missesOne) oneAbsenceShown = true;
      let eligible = true;
      for (const [index, session] of classSessions.entries()) {
        const status: AttendanceStatus = missesOne
          ? index === 1
            ? 'absent'
            : 'present'
          : chance(random, 0.03)
            ? pick(random, ['excused', 'absent'] as const)
            : 'present';
        if (status !== 'present') eligible = false;
        records.attendance.push({ session_id: session.id, enrolment_id: enrolment.id, status });
      }
      for (const test of classTests) {
        const value = missesOne ? 8 : score(random);
        if (value < 5) eligible = false;
        records.scores.push({ test_id: test.id, enrolment_id: enrolment.id, score: value });
      }
      if (eligible && certifies(spec, klass)) {
        issued += 1;
        records.certificates.push({
          class_id: klass.id,
          enrolment_id: enrolment.id,
          number: `${String(klass.ordinal).padStart(2, '0')}-${String(issued).padStart(3, '0')}/${klass.endDate.slice(0, 4)}/CC`,
          issued_on: addDays(klass.endDate, 10),
        });
      }
    }
  }
  return records;
}

/** Deterministic training records for the province demo; called once, in the demo's transaction, after the cadres. */
export async function insertTrainingDemo(trx: Db, territory: ProvinceTerritory): Promise<void> {
  const random = streamFor('bac-giang-2021:training');
  const provinceId = territory.province.id;

  const programmeIds = await insertProgrammes(
    trx,
    provinceId,
    PROGRAMMES.map((spec) => ({ key: spec.key, spec })),
  );

  const writer = new TrainingBulkWriter(trx);
  const provincial = await writer.instructors(
    PROVINCIAL_INSTRUCTORS.map((person) => ({
      owning_unit_id: provinceId,
      full_name: person.fullName,
      work_unit: person.workUnit,
      position: person.position,
    })),
  );
  const officers: string[][] = [];
  for (const [index, district] of territory.districts.entries()) {
    const names = OFFICER_NAMES[index % OFFICER_NAMES.length]!;
    officers.push(
      await writer.instructors([
        { owning_unit_id: district.id, full_name: names[0], work_unit: `Phòng Nội vụ ${district.name}`, position: 'Chuyên viên' },
        { owning_unit_id: district.id, full_name: names[1], work_unit: `Phòng Tài chính - Kế hoạch ${district.name}`, position: 'Phó Trưởng phòng' },
      ]),
    );
  }

  const communeIds = territory.districts.flatMap((district) => district.communes.map((commune) => commune.id));
  const people = await peopleOnDuty(trx, communeIds, '2021-12-31');
  const districtOfCommune = new Map(territory.districts.flatMap((district, index) => district.communes.map((commune) => [commune.id, index] as const)));

  const sessionRows: { class_id: string; session_date: string; starts_at: string; ends_at: string; topic: string; instructor_id: string }[] = [];
  const enrolmentRows: { class_id: string; cadre_id: string }[] = [];
  const testRows: { class_id: string; name: string; held_on: string }[] = [];
  const classes: RecordedClass[] = [];
  const serial = new Map<string, number>();

  for (const [index, plan] of CLASS_PLANS.entries()) {
    const spec = PROGRAMMES.find((programme) => programme.key === plan.programme)!;
    const district = plan.unit === 'province' ? null : territory.districts[plan.unit % territory.districts.length]!;
    const days = workdaysFrom(addDays(FIRST_CLASS_START, index * DAYS_BETWEEN_CLASSES), plan.sessions);
    const startDate = days[0]!;
    const endDate = days.at(-1)!;
    const year = startDate.slice(0, 4);
    const count = (serial.get(`${plan.programme}:${year}`) ?? 0) + 1;
    serial.set(`${plan.programme}:${year}`, count);
    const name = district ? `${spec.name} - ${districtShortName(district)} năm ${year}` : `${spec.name} - khóa ${count} năm ${year}`;
    const [classId] = await writer.classes([
      {
        programme_id: programmeIds.get(plan.programme)!,
        unit_id: district?.id ?? provinceId,
        name,
        start_date: startDate,
        end_date: endDate,
        venue: district ? `Hội trường ${district.name}` : spec.organiser,
        venue_unit_id: district?.id ?? null,
        capacity: plan.size + 10,
      },
    ]);
    const row = { id: classId! };
    classes.push({ id: row.id, ordinal: index + 1, plan, endDate });

    const instructor = district ? officers[plan.unit as number]![index % 2]! : provincial[index % provincial.length]!;
    const topics = TOPICS[plan.programme] ?? ['Chuyên đề'];
    days.forEach((day, session) => {
      sessionRows.push({
        class_id: row.id,
        session_date: day,
        starts_at: '07:30',
        ends_at: '11:00',
        topic: topics[session % topics.length]!,
        instructor_id: instructor,
      });
    });
    for (let test = 0; test < plan.tests; test++) {
      testRows.push({
        class_id: row.id,
        name: plan.tests > 1 && test === 0 ? 'Kiểm tra giữa khóa' : 'Bài kiểm tra cuối khóa',
        held_on: test === plan.tests - 1 ? endDate : days[Math.floor(days.length / 2)]!,
      });
    }

    const audience = AUDIENCE[plan.programme] ?? null;
    const pool = people.filter(
      (person) =>
        (district === null || districtOfCommune.get(person.commune_id) === plan.unit) &&
        (audience === null || audience.includes(person.title_code)) &&
        (plan.programme !== 'llct' || !person.has_mid_theory),
    );
    for (const person of shuffled(random, pool).slice(0, plan.size)) enrolmentRows.push({ class_id: row.id, cadre_id: person.id });
  }

  const sessionIds = await writer.sessions(sessionRows.map(({ instructor_id: _instructor, ...session }) => session));
  const sessions = sessionRows.map((session, index) => ({ id: sessionIds[index]!, class_id: session.class_id }));
  await writer.sessionInstructors(sessionRows.map((session, index) => ({ session_id: sessionIds[index]!, instructor_id: session.instructor_id })));
  const testIds = await writer.tests(testRows);
  const tests = testRows.map((test, index) => ({ id: testIds[index]!, class_id: test.class_id }));
  const enrolmentIds = await writer.enrolments(enrolmentRows);
  const enrolments = enrolmentRows.map((enrolment, index) => ({ id: enrolmentIds[index]!, class_id: enrolment.class_id }));

  const { attendance, scores, certificates } = learnerRecords(random, classes, sessions, tests, enrolments);
  await writer.attendance(attendance);
  await writer.scores(scores);
  await writer.certificates(certificates.map(({ class_id: _class, ...certificate }) => certificate));

  await insertVisits(trx, territory, officers, people, programmeIds, random);
}

async function insertVisits(
  trx: Db,
  territory: ProvinceTerritory,
  officers: readonly string[][],
  people: readonly Person[],
  programmeIds: ReadonlyMap<string, string>,
  random: Random,
): Promise<void> {
  const writer = new TrainingBulkWriter(trx);
  for (let index = 0; index < VISITS; index++) {
    const districtIndex = index % territory.districts.length;
    const district = territory.districts[districtIndex]!;
    const visitedOn = nextWorkday(dateBetween(random, '2020-02-03', '2022-12-16'));
    const communes = district.communes.filter((commune) => commune.validTo === null || commune.validTo >= visitedOn);
    const commune = pick(random, communes.length > 0 ? communes : district.communes);
    const work = pick(random, VISIT_WORK);
    const onTheJob = chance(random, 0.3);
    const [visitId] = await writer.visits([
      {
        commune_id: commune.id,
        programme_id: programmeIds.get(onTheJob ? 'cam_tay' : 'huong_dan') ?? null,
        visited_on: visitedOn,
        fields: [work.field],
        solved: work.solved,
        follow_ups: work.followUp,
      },
    ]);
    const visit = { id: visitId! };
    const districtOfficers = officers[districtIndex]!;
    const going = chance(random, 0.3) ? districtOfficers : [districtOfficers[index % districtOfficers.length]!];
    await writer.visitOfficers(going.map((officer) => ({ visit_id: visit.id, instructor_id: officer })));
    const guided = shuffled(
      random,
      people.filter((person) => person.commune_id === commune.id),
    ).slice(0, intBetween(random, 1, 3));
    await writer.visitCadres(guided.map((person) => ({ visit_id: visit.id, cadre_id: person.id })));
  }
}
