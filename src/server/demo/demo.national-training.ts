import { sql } from 'kysely';
import { addDays, type IsoDate } from '../../core/dates.js';
import type { Db } from '../db/database.js';
import { TrainingBulkWriter } from '../training/training.bulk.js';
import {
  AUDIENCE,
  CLASS_PLANS,
  insertProgrammes,
  learnerRecords,
  nextWorkday,
  OFFICER_NAMES,
  peopleOnDuty,
  PROGRAMMES,
  PROVINCIAL_INSTRUCTORS,
  TOPICS,
  VISIT_WORK,
  workdaysFrom,
  type LearnerRecords,
  type Person,
  type ProgrammeSpec,
  type RecordedClass,
} from './demo.training.js';
import { NATIONAL_DEMO, type NationalCommune } from './national-demo.js';
import { chance, dateBetween, intBetween, pick, type Random, shuffled, streamFor } from './random.js';

/*
 * Training in the national demo, on the 2025 units: no districts any more, so
 * each province organises its classes itself, at its own schools and
 * departments or in a commune's hall for the communes around it, and the
 * provincial departments' staff go out to guide the communes. Per province,
 * the Bắc Giang demo's catalogue and about its ratio of classes and visits to
 * communes (32 classes and 100 visits for 209 communes), from August 2025 to
 * October 2026.
 *
 * The national figures are taken as of NATIONAL_DEMO.asOf, so only a
 * certificate issued after that date adds a qualification; a Trung cấp lý
 * luận chính trị class finishing earlier waits for the officer to issue its
 * certificates.
 */

const CLASSES_PER_COMMUNE = 32 / 209;
const VISITS_PER_COMMUNE = 100 / 209;
const FIRST_CLASS_START: IsoDate = '2025-08-04';
const CLASS_DAYS_SPAN = 450;
const FIRST_VISIT: IsoDate = '2025-07-07';
const LAST_VISIT: IsoDate = '2026-10-30';
/** The communes a commune-held class draws from: the host and its neighbours in code order, like a former district. */
const COMMUNES_PER_CLUSTER = 21;

const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Nông nghiệp và Môi trường', 'Sở Tư pháp', 'Sở Khoa học và Công nghệ'] as const;

interface ProvinceNames {
  /** "tỉnh Bắc Ninh", "thành phố Hà Nội": as it follows a department's name. */
  province: string;
  /** "Tỉnh ủy Bắc Ninh", "Thành ủy Hà Nội". */
  partyCommittee: string;
}

/** "Xã Yên Dũng" as it reads inside a sentence: "xã Yên Dũng". */
function communeInSentence(name: string): string {
  return name.replace(/^(Xã|Phường|Đặc khu)(?=\s)/u, (kind) => kind.toLowerCase());
}

function provinceNames(provinceName: string): ProvinceNames {
  const city = /^Thành phố\s+/u.test(provinceName);
  const bare = provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, '');
  return { province: `${city ? 'thành phố' : 'tỉnh'} ${bare}`, partyCommittee: `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${bare}` };
}

/** The Bắc Giang catalogue with the 2025 organisers: the merged departments, no district offices. */
function nationalCatalogue(names: ProvinceNames): { key: string; spec: ProgrammeSpec }[] {
  const { province, partyCommittee } = names;
  const organisers: Readonly<Record<string, { organiser: string; name?: string }>> = {
    llct: { organiser: `Trường Chính trị ${province}` },
    bi_thu: { organiser: `Ban Tổ chức ${partyCommittee}` },
    tai_chinh: { organiser: `Sở Tài chính ${province}` },
    dat_dai: { organiser: `Sở Nông nghiệp và Môi trường ${province}` },
    tu_phap: { organiser: `Sở Tư pháp ${province}` },
    ldtbxh: { organiser: `Sở Nội vụ ${province}` },
    hoi_nghi: { organiser: `${partyCommittee}, Ủy ban nhân dân ${province}` },
    truc_tuyen: { organiser: `Sở Khoa học và Công nghệ ${province}` },
    tham_quan: { organiser: `Sở Nội vụ ${province}` },
    cam_tay: { organiser: `Sở Nội vụ ${province}` },
    huong_dan: { organiser: `Các sở, ngành ${province}`, name: 'Cán bộ các sở, ngành tỉnh xuống hướng dẫn tại xã' },
  };
  return PROGRAMMES.map((spec) => ({ key: spec.key, spec: { ...spec, ...organisers[spec.key] } }));
}

export interface NationalTrainingCounts {
  programmes: number;
  instructors: number;
  classes: number;
  sessions: number;
  enrolments: number;
  attendance: number;
  scores: number;
  certificates: number;
  courseQualifications: number;
  visits: number;
}

interface ProvincePlan {
  code: string;
  id: string;
  names: ProvinceNames;
  communes: readonly NationalCommune[];
}

/**
 * Training records for every province of the national demo, for the communes
 * that were seeded (all at scale 1, a share below): called in the seed's
 * transaction after the people.
 */
export async function insertNationalTraining(trx: Db, seededCommunes: readonly NationalCommune[]): Promise<NationalTrainingCounts> {
  const provinceIds = await sql<{ code: string; id: string }>`
    select u.code, u.id from admin_unit u
    where u.level = 'province' and (u.valid_from is null or u.valid_from <= ${NATIONAL_DEMO.asOf}) and (u.valid_to is null or u.valid_to >= ${NATIONAL_DEMO.asOf})
    order by u.code
  `.execute(trx);
  const byProvince = new Map<string, NationalCommune[]>();
  for (const commune of seededCommunes) {
    const list = byProvince.get(commune.provinceCode) ?? [];
    list.push(commune);
    byProvince.set(commune.provinceCode, list);
  }
  const provinces: ProvincePlan[] = provinceIds.rows
    .filter((row) => byProvince.has(row.code))
    .map((row) => {
      const communes = [...byProvince.get(row.code)!].sort((a, b) => a.code.localeCompare(b.code));
      return { code: row.code, id: row.id, names: provinceNames(communes[0]!.provinceName), communes };
    });

  const counts: NationalTrainingCounts = {
    programmes: 0,
    instructors: 0,
    classes: 0,
    sessions: 0,
    enrolments: 0,
    attendance: 0,
    scores: 0,
    certificates: 0,
    courseQualifications: 0,
    visits: 0,
  };

  const catalogues = provinces.map((province) => nationalCatalogue(province.names));
  const programmeIds: Map<string, string>[] = [];
  for (const [index, province] of provinces.entries()) {
    programmeIds.push(await insertProgrammes(trx, province.id, catalogues[index]!));
    counts.programmes += catalogues[index]!.length;
  }

  // Per province: the political school's and departments' lecturers, then two officers of each department who go to the communes.
  const instructorRows = provinces.flatMap((province, index) => [
    ...PROVINCIAL_INSTRUCTORS.map((person) => ({
      owning_unit_id: province.id,
      full_name: person.fullName,
      work_unit: person.workUnit.replace(/tỉnh Bắc Giang/u, province.names.province).replace(/Tỉnh ủy Bắc Giang/u, province.names.partyCommittee),
      position: person.position,
    })),
    ...DEPARTMENTS.flatMap((department, offset) => {
      const names = OFFICER_NAMES[(index + offset) % OFFICER_NAMES.length]!;
      return [
        { owning_unit_id: province.id, full_name: names[0], work_unit: `${department} ${province.names.province}`, position: 'Chuyên viên' },
        { owning_unit_id: province.id, full_name: names[1], work_unit: `${department} ${province.names.province}`, position: 'Phó Trưởng phòng' },
      ];
    }),
  ]);
  const instructorIds = await new TrainingBulkWriter(trx).instructors(instructorRows);
  counts.instructors = instructorIds.length;
  const perProvince = PROVINCIAL_INSTRUCTORS.length + DEPARTMENTS.length * 2;
  const lecturersOf = (index: number) => instructorIds.slice(index * perProvince, index * perProvince + PROVINCIAL_INSTRUCTORS.length);
  const officersOf = (index: number) => instructorIds.slice(index * perProvince + PROVINCIAL_INSTRUCTORS.length, (index + 1) * perProvince);

  const people = await peopleOnDuty(
    trx,
    seededCommunes.map((commune) => commune.id),
    NATIONAL_DEMO.asOf,
  );
  const peopleByCommune = new Map<string, Person[]>();
  for (const person of people) {
    const list = peopleByCommune.get(person.commune_id) ?? [];
    list.push(person);
    peopleByCommune.set(person.commune_id, list);
  }

  const randoms = provinces.map((province) => streamFor(`${NATIONAL_DEMO.seed}:training:${province.code}`));
  const classRows: {
    programme_id: string;
    unit_id: string;
    name: string;
    start_date: string;
    end_date: string;
    venue: string;
    venue_unit_id: string | null;
    capacity: number;
  }[] = [];
  const planned: { province: number; plan: (typeof CLASS_PLANS)[number]; days: IsoDate[]; instructor: string; learners: string[] }[] = [];
  for (const [provinceIndex, province] of provinces.entries()) {
    const random = randoms[provinceIndex]!;
    const classCount = Math.max(1, Math.round(province.communes.length * CLASSES_PER_COMMUNE));
    const clusters = Math.max(1, Math.ceil(province.communes.length / COMMUNES_PER_CLUSTER));
    const clusterSize = Math.ceil(province.communes.length / clusters);
    const serial = new Map<string, number>();
    const lecturers = lecturersOf(provinceIndex);
    const officers = officersOf(provinceIndex);
    for (let index = 0; index < classCount; index++) {
      // Each province enters the Bắc Giang sequence at its own place, so that small shares still show every kind of class.
      const plan = CLASS_PLANS[(index + provinceIndex) % CLASS_PLANS.length]!;
      const spec = catalogues[provinceIndex]!.find((programme) => programme.key === plan.programme)!.spec;
      const days = workdaysFrom(addDays(FIRST_CLASS_START, Math.floor((index * CLASS_DAYS_SPAN) / classCount)), plan.sessions);
      const year = days[0]!.slice(0, 4);
      const cluster = plan.unit === 'province' ? null : plan.unit % clusters;
      const clusterCommunes = cluster === null ? province.communes : province.communes.slice(cluster * clusterSize, (cluster + 1) * clusterSize);
      const host = cluster === null ? null : clusterCommunes[0]!;
      const count = (serial.get(`${plan.programme}:${year}`) ?? 0) + 1;
      serial.set(`${plan.programme}:${year}`, count);
      classRows.push({
        programme_id: programmeIds[provinceIndex]!.get(plan.programme)!,
        unit_id: province.id,
        name: host ? `${spec.name} - cụm ${communeInSentence(host.name)} năm ${year}` : `${spec.name} - khóa ${count} năm ${year}`,
        start_date: days[0]!,
        end_date: days.at(-1)!,
        venue: host ? `Hội trường Ủy ban nhân dân ${communeInSentence(host.name)}` : spec.organiser,
        venue_unit_id: host?.id ?? null,
        capacity: plan.size + 10,
      });
      const audience = AUDIENCE[plan.programme] ?? null;
      const pool = clusterCommunes.flatMap((commune) =>
        (peopleByCommune.get(commune.id) ?? []).filter(
          (person) => (audience === null || audience.includes(person.title_code)) && (plan.programme !== 'llct' || !person.has_mid_theory),
        ),
      );
      planned.push({
        province: provinceIndex,
        plan,
        days,
        instructor: host ? officers[index % officers.length]! : lecturers[index % lecturers.length]!,
        learners: shuffled(random, pool)
          .slice(0, plan.size)
          .map((person) => person.id),
      });
    }
  }
  const classIds = await new TrainingBulkWriter(trx).classes(classRows);
  counts.classes = classIds.length;

  const sessionRows = planned.flatMap((klass, index) => {
    const topics = TOPICS[klass.plan.programme] ?? ['Chuyên đề'];
    return klass.days.map((day, session) => ({
      class_id: classIds[index]!,
      session_date: day,
      starts_at: '07:30',
      ends_at: '11:00',
      topic: topics[session % topics.length]!,
    }));
  });
  const sessionIds = await new TrainingBulkWriter(trx).sessions(sessionRows);
  counts.sessions = sessionIds.length;
  const instructorOfClass = new Map(planned.map((klass, index) => [classIds[index]!, klass.instructor]));
  await new TrainingBulkWriter(trx).sessionInstructors(
    sessionRows.map((session, index) => ({ session_id: sessionIds[index]!, instructor_id: instructorOfClass.get(session.class_id)! })),
  );
  const testRows = planned.flatMap((klass, index) =>
    Array.from({ length: klass.plan.tests }, (_, test) => ({
      class_id: classIds[index]!,
      name: klass.plan.tests > 1 && test === 0 ? 'Kiểm tra giữa khóa' : 'Bài kiểm tra cuối khóa',
      held_on: test === klass.plan.tests - 1 ? klass.days.at(-1)! : klass.days[Math.floor(klass.days.length / 2)]!,
    })),
  );
  const testIds = await new TrainingBulkWriter(trx).tests(testRows);
  const enrolmentRows = planned.flatMap((klass, index) => klass.learners.map((cadre) => ({ class_id: classIds[index]!, cadre_id: cadre })));
  const enrolmentIds = await new TrainingBulkWriter(trx).enrolments(enrolmentRows);
  counts.enrolments = enrolmentIds.length;

  const records: LearnerRecords = { attendance: [], scores: [], certificates: [] };
  const provinceOfClass = new Map(planned.map((klass, index) => [classIds[index]!, klass.province]));
  const ofProvince = <T extends { class_id: string }>(rows: readonly T[], provinceIndex: number) =>
    rows.filter((row) => provinceOfClass.get(row.class_id) === provinceIndex);
  const sessions = sessionRows.map((row, index) => ({ id: sessionIds[index]!, class_id: row.class_id }));
  const tests = testRows.map((row, index) => ({ id: testIds[index]!, class_id: row.class_id }));
  const enrolments = enrolmentRows.map((row, index) => ({ id: enrolmentIds[index]!, class_id: row.class_id, cadre_id: row.cadre_id }));
  for (const provinceIndex of provinces.keys()) {
    const classes: RecordedClass[] = planned.flatMap((klass, index) =>
      klass.province === provinceIndex ? [{ id: classIds[index]!, ordinal: 0, plan: klass.plan, endDate: klass.days.at(-1)! }] : [],
    );
    classes.forEach((klass, ordinal) => (klass.ordinal = ordinal + 1));
    const provinceRecords = learnerRecords(
      randoms[provinceIndex]!,
      classes,
      ofProvince(sessions, provinceIndex),
      ofProvince(tests, provinceIndex),
      ofProvince(enrolments, provinceIndex),
      // A qualification certificate dated by the figures' date would move them: its class waits for the officer instead.
      (spec, klass) => spec.outcome === 'certificate' || (spec.outcome === 'qualification' && addDays(klass.endDate, 10) > NATIONAL_DEMO.asOf),
    );
    records.attendance.push(...provinceRecords.attendance);
    records.scores.push(...provinceRecords.scores);
    records.certificates.push(...provinceRecords.certificates);
  }
  await new TrainingBulkWriter(trx).attendance(records.attendance);
  await new TrainingBulkWriter(trx).scores(records.scores);
  const certificateRows = records.certificates.map(({ class_id: _class, ...certificate }) => certificate);
  const certificateIds = await new TrainingBulkWriter(trx).certificates(certificateRows);
  counts.attendance = records.attendance.length;
  counts.scores = records.scores.length;
  counts.certificates = certificateIds.length;

  const classOf = new Map(planned.map((klass, index) => [classIds[index]!, { klass, name: classRows[index]!.name }]));
  const cadreOfEnrolment = new Map(enrolments.map((row) => [row.id, row.cadre_id]));
  const qualifications = records.certificates.flatMap((certificate, index) => {
    const { klass, name } = classOf.get(certificate.class_id)!;
    const spec = catalogues[klass.province]!.find((programme) => programme.key === klass.plan.programme)!.spec;
    if (spec.outcome !== 'qualification' || !spec.grants) return [];
    return [
      {
        cadre_id: cadreOfEnrolment.get(certificate.enrolment_id)!,
        kind: spec.grants.scale,
        level: spec.grants.level,
        institution: spec.organiser,
        obtained_on: certificate.issued_on,
        obtained_precision: 'day' as const,
        source: 'course' as const,
        source_ref: certificateIds[index]!,
        note: `Chứng chỉ số ${certificate.number}, lớp "${name}"`,
      },
    ];
  });
  await new TrainingBulkWriter(trx).courseQualifications(qualifications);
  counts.courseQualifications = qualifications.length;

  counts.visits = await insertVisits(trx, provinces, officersOf, programmeIds, peopleByCommune, randoms);
  return counts;
}

async function insertVisits(
  trx: Db,
  provinces: readonly ProvincePlan[],
  officersOf: (province: number) => string[],
  programmeIds: readonly ReadonlyMap<string, string>[],
  peopleByCommune: ReadonlyMap<string, readonly Person[]>,
  randoms: readonly Random[],
): Promise<number> {
  const visits: { commune_id: string; programme_id: string; visited_on: string; fields: string[]; solved: string; follow_ups: string | null }[] = [];
  const going: string[][] = [];
  const guided: string[][] = [];
  for (const [provinceIndex, province] of provinces.entries()) {
    const random = randoms[provinceIndex]!;
    const officers = officersOf(provinceIndex);
    const count = Math.max(1, Math.round(province.communes.length * VISITS_PER_COMMUNE));
    for (let index = 0; index < count; index++) {
      const commune = pick(random, province.communes);
      const work = pick(random, VISIT_WORK);
      const onTheJob = chance(random, 0.3);
      visits.push({
        commune_id: commune.id,
        programme_id: programmeIds[provinceIndex]!.get(onTheJob ? 'cam_tay' : 'huong_dan')!,
        visited_on: nextWorkday(dateBetween(random, FIRST_VISIT, LAST_VISIT)),
        fields: [work.field],
        solved: work.solved,
        follow_ups: work.followUp,
      });
      // A department's two officers, one of them or both.
      const department = intBetween(random, 0, officers.length / 2 - 1);
      const pair = [officers[department * 2]!, officers[department * 2 + 1]!];
      going.push(chance(random, 0.3) ? pair : [pair[index % 2]!]);
      guided.push(
        shuffled(random, peopleByCommune.get(commune.id) ?? [])
          .slice(0, intBetween(random, 1, 3))
          .map((person) => person.id),
      );
    }
  }
  const visitIds = await new TrainingBulkWriter(trx).visits(visits);
  await new TrainingBulkWriter(trx).visitOfficers(
    going.flatMap((officers, index) => officers.map((officer) => ({ visit_id: visitIds[index]!, instructor_id: officer }))),
  );
  await new TrainingBulkWriter(trx).visitCadres(guided.flatMap((cadres, index) => cadres.map((cadre) => ({ visit_id: visitIds[index]!, cadre_id: cadre }))));
  return visitIds.length;
}
