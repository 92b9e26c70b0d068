import { addDays, compareIsoDates, type DatePrecision, type IsoDate } from '../../core/dates.js';
import type { ForeignLanguageLevel, PoliticalTheoryLevel, ProfessionalLevel, StateManagementLevel } from '../../core/qualifications.js';
import { retirementDate } from '../../core/retirement.js';
import { isKeyTitle, type TitleCode } from '../../core/titles.js';
import type { HowObtained, QualificationKind, StudyMode } from '../cadres/cadres.tables.js';
import type { Region, Sex } from './names.js';
import { chance, dateBetween, pick, pickWeighted, type Random } from './random.js';

/*
 * The shapes the demo generators produce and the loader writes, and what the
 * province and national demos share: who holds the non-key posts around the
 * key cadres, and how a person's diplomas and certificates are dated.
 */

export interface DemoPost {
  unitId: string;
  titleCode: TitleCode;
  isKey: boolean;
  startDate: IsoDate;
  endDate: IsoDate | null;
  term: string | null;
  howObtained: HowObtained | null;
  concurrent: boolean;
  note: string | null;
}

export interface DemoQualification {
  kind: QualificationKind;
  level: string;
  major: string | null;
  institution: string | null;
  studyMode: StudyMode | null;
  language: string | null;
  obtainedOn: IsoDate;
  obtainedPrecision: DatePrecision;
  note: string | null;
}

export interface DemoPerson {
  fullName: string;
  gender: Sex;
  birthDate: IsoDate;
  ethnicityCode: string;
  religion: string | null;
  homeTown: string | null;
  partyJoinedOn: IsoDate | null;
  owningUnitId: string;
  posts: DemoPost[];
  qualifications: DemoQualification[];
}

export function post(fields: Omit<DemoPost, 'isKey' | 'concurrent' | 'note'> & { concurrent?: boolean; note?: string | null }): DemoPost {
  return { ...fields, isKey: isKeyTitle(fields.titleCode), concurrent: fields.concurrent ?? false, note: fields.note ?? null };
}

/** A post ends, at the latest, when its commune ends or when its holder reaches retirement age. */
export function endOfService(sex: Sex, birthDate: IsoDate, unitValidTo: IsoDate | null): IsoDate | null {
  const retires = retirementDate(sex === 'nam' ? 'male' : 'female', birthDate).lastWorkingDay;
  if (unitValidTo === null) return retires;
  return compareIsoDates(retires, unitValidTo) < 0 ? retires : unitValidTo;
}

export function stillServingOn(sex: Sex, birthDate: IsoDate, date: IsoDate): boolean {
  return compareIsoDates(retirementDate(sex === 'nam' ? 'male' : 'female', birthDate).retiresFrom, date) > 0;
}

export function birthDateIn(random: Random, fromYear: number, toYear: number): IsoDate {
  return dateBetween(random, `${fromYear}-01-01`, `${toYear}-12-28`);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A day in [fromYear, toYear] clamped into [earliest, latest]. */
function dayIn(random: Random, fromYear: number, toYear: number, earliest: IsoDate, latest: IsoDate): IsoDate {
  let from = `${fromYear}-01-01`;
  let to = `${toYear}-12-31`;
  if (compareIsoDates(from, earliest) < 0) from = earliest;
  if (compareIsoDates(to, latest) > 0) to = latest;
  if (compareIsoDates(from, to) > 0) from = to;
  return dateBetween(random, from, to);
}

// --- What people studied --------------------------------------------------------------

type SchoolRegion = 'north' | 'central' | 'south';

/** Where each major is taught, by region: people mostly study near home. */
const SCHOOLS_OF_MAJOR: Readonly<Record<string, Readonly<Record<SchoolRegion, readonly string[]>>>> = {
  Luật: {
    north: ['Trường Đại học Luật Hà Nội', 'Khoa Luật - Đại học Quốc gia Hà Nội'],
    central: ['Trường Đại học Luật - Đại học Huế'],
    south: ['Trường Đại học Luật Thành phố Hồ Chí Minh', 'Trường Đại học Cần Thơ'],
  },
  'Kinh tế': {
    north: ['Trường Đại học Kinh tế Quốc dân', 'Trường Đại học Kinh tế và Quản trị kinh doanh - Đại học Thái Nguyên'],
    central: ['Trường Đại học Kinh tế - Đại học Huế', 'Trường Đại học Kinh tế - Đại học Đà Nẵng'],
    south: ['Trường Đại học Kinh tế Thành phố Hồ Chí Minh', 'Trường Đại học Cần Thơ'],
  },
  'Quản lý nhà nước': {
    north: ['Học viện Hành chính Quốc gia'],
    central: ['Học viện Hành chính Quốc gia, phân viện khu vực Tây Nguyên'],
    south: ['Học viện Hành chính Quốc gia, cơ sở Thành phố Hồ Chí Minh'],
  },
  'Hành chính học': {
    north: ['Học viện Hành chính Quốc gia', 'Trường Đại học Nội vụ Hà Nội'],
    central: ['Trường Đại học Nội vụ Hà Nội, phân hiệu Quảng Nam'],
    south: ['Học viện Hành chính Quốc gia, cơ sở Thành phố Hồ Chí Minh'],
  },
  'Quản lý đất đai': {
    north: ['Trường Đại học Nông Lâm - Đại học Thái Nguyên', 'Trường Đại học Nông Lâm Bắc Giang', 'Trường Đại học Tài nguyên và Môi trường Hà Nội'],
    central: ['Trường Đại học Nông Lâm - Đại học Huế'],
    south: ['Trường Đại học Nông Lâm Thành phố Hồ Chí Minh'],
  },
  'Kế toán': {
    north: ['Học viện Tài chính', 'Trường Đại học Thương mại'],
    central: ['Trường Đại học Kinh tế - Đại học Đà Nẵng'],
    south: ['Trường Đại học Tài chính - Marketing', 'Trường Đại học Kinh tế Thành phố Hồ Chí Minh'],
  },
  'Tài chính - Ngân hàng': {
    north: ['Học viện Ngân hàng', 'Học viện Tài chính'],
    central: ['Trường Đại học Kinh tế - Đại học Huế'],
    south: ['Trường Đại học Ngân hàng Thành phố Hồ Chí Minh'],
  },
  'Nông học': {
    north: ['Học viện Nông nghiệp Việt Nam', 'Trường Đại học Nông Lâm Bắc Giang'],
    central: ['Trường Đại học Nông Lâm - Đại học Huế', 'Trường Đại học Tây Nguyên'],
    south: ['Trường Đại học Cần Thơ', 'Trường Đại học Nông Lâm Thành phố Hồ Chí Minh'],
  },
  'Kinh tế nông nghiệp': {
    north: ['Học viện Nông nghiệp Việt Nam', 'Trường Đại học Nông Lâm - Đại học Thái Nguyên'],
    central: ['Trường Đại học Nông Lâm - Đại học Huế'],
    south: ['Trường Đại học Cần Thơ'],
  },
  'Chăn nuôi - Thú y': {
    north: ['Trường Đại học Nông Lâm Bắc Giang', 'Học viện Nông nghiệp Việt Nam'],
    central: ['Trường Đại học Nông Lâm - Đại học Huế'],
    south: ['Trường Đại học Nông Lâm Thành phố Hồ Chí Minh'],
  },
  'Lâm nghiệp': {
    north: ['Trường Đại học Lâm nghiệp'],
    central: ['Trường Đại học Tây Nguyên'],
    south: ['Trường Đại học Nông Lâm Thành phố Hồ Chí Minh'],
  },
  'Xây dựng Đảng và chính quyền nhà nước': {
    north: ['Học viện Báo chí và Tuyên truyền'],
    central: ['Học viện Chính trị khu vực III'],
    south: ['Học viện Chính trị khu vực II'],
  },
  'Quản trị kinh doanh': {
    north: ['Trường Đại học Thương mại', 'Trường Đại học Kinh tế Quốc dân'],
    central: ['Trường Đại học Kinh tế - Đại học Đà Nẵng'],
    south: ['Trường Đại học Kinh tế Thành phố Hồ Chí Minh'],
  },
  'Sư phạm': {
    north: ['Trường Đại học Sư phạm Hà Nội', 'Trường Đại học Sư phạm - Đại học Thái Nguyên'],
    central: ['Trường Đại học Sư phạm - Đại học Huế', 'Trường Đại học Quy Nhơn'],
    south: ['Trường Đại học Sư phạm Thành phố Hồ Chí Minh', 'Trường Đại học Đồng Tháp'],
  },
  'Công nghệ thông tin': {
    north: ['Trường Đại học Công nghệ Thông tin và Truyền thông - Đại học Thái Nguyên', 'Trường Đại học Bách khoa Hà Nội'],
    central: ['Trường Đại học Bách khoa - Đại học Đà Nẵng'],
    south: ['Trường Đại học Công nghệ Thông tin - Đại học Quốc gia Thành phố Hồ Chí Minh'],
  },
  'Văn hóa học': {
    north: ['Trường Đại học Văn hóa Hà Nội'],
    central: ['Trường Đại học Khoa học - Đại học Huế'],
    south: ['Trường Đại học Văn hóa Thành phố Hồ Chí Minh'],
  },
  'Công tác xã hội': {
    north: ['Trường Đại học Lao động - Xã hội', 'Trường Đại học Công đoàn'],
    central: ['Trường Đại học Khoa học - Đại học Huế'],
    south: ['Trường Đại học Lao động - Xã hội, cơ sở II'],
  },
  'Quân sự cơ sở': {
    north: ['Trường Quân sự Quân khu 1'],
    central: ['Trường Quân sự Quân khu 5'],
    south: ['Trường Quân sự Quân khu 9', 'Trường Quân sự Quân khu 7'],
  },
  'Thống kê': {
    north: ['Trường Đại học Kinh tế Quốc dân'],
    central: ['Trường Đại học Kinh tế - Đại học Huế'],
    south: ['Trường Đại học Kinh tế Thành phố Hồ Chí Minh'],
  },
};

function schoolRegion(region: Region): SchoolRegion {
  return region === 'bac_giang' ? 'north' : region;
}

export type Major = string;

/** What key cadres studied, roughly as often as commune leaders' records show. */
export const LEADER_MAJORS: readonly (readonly [Major, number])[] = [
  ['Luật', 14],
  ['Kinh tế', 12],
  ['Quản lý nhà nước', 12],
  ['Hành chính học', 6],
  ['Xây dựng Đảng và chính quyền nhà nước', 8],
  ['Kinh tế nông nghiệp', 8],
  ['Nông học', 6],
  ['Quản lý đất đai', 7],
  ['Kế toán', 6],
  ['Quản trị kinh doanh', 5],
  ['Tài chính - Ngân hàng', 3],
  ['Sư phạm', 5],
  ['Chăn nuôi - Thú y', 3],
  ['Lâm nghiệp', 2],
  ['Công nghệ thông tin', 2],
  ['Công tác xã hội', 1],
];

const MASTER_MAJORS: readonly Major[] = ['Quản lý kinh tế', 'Luật kinh tế', 'Quản lý công', 'Quản lý đất đai', 'Kinh tế nông nghiệp', 'Chính trị học'];
const MASTER_SCHOOLS: Readonly<Record<Region, readonly string[]>> = {
  bac_giang: [
    'Học viện Hành chính Quốc gia',
    'Trường Đại học Kinh tế và Quản trị kinh doanh - Đại học Thái Nguyên',
    'Học viện Chính trị quốc gia Hồ Chí Minh',
    'Trường Đại học Nông Lâm - Đại học Thái Nguyên',
  ],
  north: ['Học viện Hành chính Quốc gia', 'Trường Đại học Kinh tế Quốc dân', 'Học viện Chính trị quốc gia Hồ Chí Minh'],
  central: ['Trường Đại học Kinh tế - Đại học Huế', 'Học viện Hành chính Quốc gia, phân viện khu vực Tây Nguyên', 'Trường Đại học Kinh tế - Đại học Đà Nẵng'],
  south: ['Trường Đại học Kinh tế Thành phố Hồ Chí Minh', 'Trường Đại học Cần Thơ', 'Học viện Hành chính Quốc gia, cơ sở Thành phố Hồ Chí Minh'],
};

const ADVANCED_THEORY_SCHOOL: Readonly<Record<Region, string>> = {
  bac_giang: 'Học viện Chính trị khu vực I',
  north: 'Học viện Chính trị khu vực I',
  central: 'Học viện Chính trị khu vực III',
  south: 'Học viện Chính trị khu vực II',
};

/** The major a civil servant of each title usually studied. */
export const MAJOR_OF_TITLE: Partial<Record<TitleCode, readonly Major[]>> = {
  van_phong_thong_ke: ['Hành chính học', 'Quản lý nhà nước', 'Thống kê'],
  dia_chinh_xay_dung: ['Quản lý đất đai'],
  tai_chinh_ke_toan: ['Kế toán', 'Tài chính - Ngân hàng'],
  tu_phap_ho_tich: ['Luật'],
  van_hoa_xa_hoi: ['Văn hóa học', 'Công tác xã hội', 'Sư phạm'],
  chi_huy_truong_quan_su: ['Quân sự cơ sở'],
};

export interface PlaceNames {
  region: Region;
  /** "Tỉnh Bắc Giang": the provincial political school is named after it. */
  provinceName: string;
  /** "huyện Lục Ngạn": elementary political theory was taught by the district centre, before 2025. */
  districtName: string | null;
}

/** The highest levels a person holds on the reference date, plus what they obtain after it. */
export interface QualificationPlan {
  professional: ProfessionalLevel;
  major: Major;
  theory: PoliticalTheoryLevel | null;
  /** "Cử nhân chính trị" rather than the advanced course: the same level. */
  theoryBachelor?: boolean;
  stateManagement: StateManagementLevel | null;
  it: boolean;
  foreignLanguage: ForeignLanguageLevel | null;
  /** Obtained after the reference date: they must not count on it, and do on later dates. */
  later?: readonly { kind: 'professional' | 'political_theory'; level: ProfessionalLevel | PoliticalTheoryLevel; on: IsoDate }[];
}

function schoolFor(random: Random, major: Major, region: Region): string | null {
  const schools = SCHOOLS_OF_MAJOR[major]?.[schoolRegion(region)];
  return schools ? pick(random, schools) : null;
}

const UNIVERSITY_MODES: readonly (readonly [StudyMode, number])[] = [
  ['chinh_quy', 45],
  ['tai_chuc', 25],
  ['vua_lam_vua_hoc', 15],
  ['lien_thong', 10],
  ['van_bang_hai', 5],
];

/**
 * Dated records for a plan: the upper-secondary diploma, each degree on the
 * way to the highest (a master's comes after a bachelor's), political theory,
 * state management, IT and a foreign language, all before `asOf`; then the
 * `later` ones, after it.
 */
export function qualificationsFor(random: Random, birthDate: IsoDate, plan: QualificationPlan, places: PlaceNames, asOf: IsoDate): DemoQualification[] {
  const born = yearOf(birthDate);
  const adult = `${born + 18}-06-30`;
  const latest = addDays(asOf, -30);
  const records: DemoQualification[] = [];
  const add = (record: Omit<DemoQualification, 'obtainedPrecision' | 'language' | 'note'> & Partial<DemoQualification>) =>
    records.push({ obtainedPrecision: 'day', language: null, note: null, ...record });

  add({ kind: 'professional', level: 'thpt', major: null, institution: null, studyMode: null, obtainedOn: `${born + 18}-01-01`, obtainedPrecision: 'year' });

  const { professional, major } = plan;
  const { region } = places;
  if (professional === 'trung_cap' || professional === 'cao_dang') {
    add({
      kind: 'professional',
      level: professional,
      major,
      institution: null,
      studyMode: 'chinh_quy',
      obtainedOn: dayIn(random, born + 20, born + 23, adult, latest),
    });
  } else if (professional !== 'none' && professional !== 'thpt') {
    const mode = pickWeighted(random, UNIVERSITY_MODES);
    const bachelorOn =
      mode === 'chinh_quy' ? dayIn(random, born + 22, born + 23, adult, latest) : dayIn(random, born + 24, born + 38, adult, addDays(latest, -900));
    add({ kind: 'professional', level: 'dai_hoc', major, institution: schoolFor(random, major, region), studyMode: mode, obtainedOn: bachelorOn });
    if (professional === 'thac_si' || professional === 'tien_si') {
      const masterOn = dayIn(
        random,
        yearOf(bachelorOn) + 3,
        yearOf(bachelorOn) + 14,
        addDays(bachelorOn, 730),
        addDays(latest, professional === 'tien_si' ? -1500 : 0),
      );
      add({
        kind: 'professional',
        level: 'thac_si',
        major: pick(random, MASTER_MAJORS),
        institution: pick(random, MASTER_SCHOOLS[region]),
        studyMode: chance(random, 0.7) ? 'vua_lam_vua_hoc' : 'chinh_quy',
        obtainedOn: masterOn,
      });
      if (professional === 'tien_si') {
        add({
          kind: 'professional',
          level: 'tien_si',
          major: pick(random, ['Quản lý kinh tế', 'Kinh tế nông nghiệp', 'Quản lý công']),
          institution: pick(random, MASTER_SCHOOLS[region]),
          studyMode: 'vua_lam_vua_hoc',
          obtainedOn: dayIn(random, yearOf(masterOn) + 4, yearOf(masterOn) + 8, addDays(masterOn, 1400), latest),
        });
      }
    }
  }

  const provincialSchool = `Trường Chính trị ${places.provinceName.replace(/^Tỉnh /, 'tỉnh ').replace(/^Thành phố /, 'thành phố ')}`;
  const theoryRecord = (level: PoliticalTheoryLevel, on: IsoDate, bachelor = false) =>
    add({
      kind: 'political_theory',
      level,
      major: bachelor ? 'Cử nhân chính trị' : null,
      institution:
        level === 'so_cap'
          ? places.districtName
            ? `Trung tâm Chính trị ${places.districtName}`
            : null
          : level === 'trung_cap'
            ? provincialSchool
            : ADVANCED_THEORY_SCHOOL[region],
      studyMode: level === 'cao_cap' ? 'vua_lam_vua_hoc' : 'tai_chuc',
      obtainedOn: on,
    });
  if (plan.theory === 'so_cap') theoryRecord('so_cap', dayIn(random, born + 21, born + 32, adult, latest));
  if (plan.theory === 'trung_cap') theoryRecord('trung_cap', dayIn(random, born + 25, born + 40, adult, latest));
  if (plan.theory === 'cao_cap') {
    const advancedOn = dayIn(random, born + 33, born + 50, addDays(adult, 365 * 10), latest);
    if (chance(random, 0.6)) theoryRecord('trung_cap', dayIn(random, born + 25, yearOf(advancedOn) - 3, adult, addDays(advancedOn, -1000)));
    theoryRecord('cao_cap', advancedOn, plan.theoryBachelor);
  }

  if (plan.stateManagement) {
    add({
      kind: 'state_management',
      level: plan.stateManagement,
      major: null,
      institution: provincialSchool,
      studyMode: null,
      obtainedOn: dayIn(random, born + (plan.stateManagement === 'chuyen_vien' ? 24 : 34), born + 48, adult, latest),
    });
  }
  if (plan.it) {
    add({
      kind: 'it',
      level: chance(random, 0.9) ? 'co_ban' : 'nang_cao',
      major: null,
      institution: null,
      studyMode: null,
      obtainedOn: dayIn(random, 2016, 2021, adult, latest),
    });
  }
  if (plan.foreignLanguage) {
    add({
      kind: 'foreign_language',
      level: plan.foreignLanguage,
      major: null,
      institution: null,
      studyMode: null,
      language: 'Tiếng Anh',
      obtainedOn: dayIn(random, 2010, 2021, adult, latest),
    });
  }

  for (const later of plan.later ?? []) {
    if (later.kind === 'professional') {
      add({
        kind: 'professional',
        level: later.level,
        major: later.level === 'dai_hoc' ? major : pick(random, MASTER_MAJORS),
        institution: later.level === 'dai_hoc' ? schoolFor(random, major, region) : pick(random, MASTER_SCHOOLS[region]),
        studyMode: 'vua_lam_vua_hoc',
        obtainedOn: later.on,
      });
    } else {
      theoryRecord(later.level as PoliticalTheoryLevel, later.on);
    }
  }
  return records;
}

// --- Non-key commune staff ----------------------------------------------------------------

/** How a non-key post is staffed: who usually holds it and from when. */
export interface StaffSeat {
  titleCode: TitleCode;
  femaleShare: number;
  birthYears: readonly [number, number];
  /** Start of the current period: a congress of the organisation, or a recruitment date. */
  start: (random: Random) => IsoDate;
  term: string | null;
  howObtained: HowObtained;
  partyMember: number;
  theory: readonly (readonly [PoliticalTheoryLevel | null, number])[];
  professional: readonly (readonly [ProfessionalLevel, number])[];
  stateManagement: number;
}

/**
 * The people around a commune's key cadres: heads of the Fatherland Front and
 * the four mass organisations, the military commander, and the civil servants
 * (two or three per title), with their qualifications.
 */
export function staffPerson(
  random: Random,
  seat: StaffSeat,
  context: {
    unitId: string;
    unitValidTo: IsoDate | null;
    asOf: IsoDate;
    places: PlaceNames;
    ethnicity: (random: Random) => string;
    name: (sex: Sex, ethnicityCode: string) => string;
    homeTown: (random: Random) => string | null;
    religion: (random: Random, partyMember: boolean) => string | null;
  },
): DemoPerson {
  const sex: Sex = chance(random, seat.femaleShare) ? 'nu' : 'nam';
  let birthDate = birthDateIn(random, seat.birthYears[0], seat.birthYears[1]);
  while (!stillServingOn(sex, birthDate, context.asOf)) birthDate = addDays(birthDate, 365);
  const ethnicityCode = context.ethnicity(random);
  const startDate = seat.start(random);
  const born = yearOf(birthDate);
  const partyJoinedOn = chance(random, seat.partyMember) ? dayIn(random, born + 20, born + 30, `${born + 18}-06-30`, addDays(startDate, -60)) : null;
  const religion = context.religion(random, partyJoinedOn !== null);
  const major = pick(random, MAJOR_OF_TITLE[seat.titleCode] ?? LEADER_MAJORS.map(([m]) => m));
  return {
    fullName: context.name(sex, ethnicityCode),
    gender: sex,
    birthDate,
    ethnicityCode,
    religion,
    homeTown: context.homeTown(random),
    partyJoinedOn,
    owningUnitId: context.unitId,
    posts: [
      post({
        unitId: context.unitId,
        titleCode: seat.titleCode,
        startDate,
        endDate: endOfService(sex, birthDate, context.unitValidTo),
        term: seat.term,
        howObtained: seat.howObtained,
      }),
    ],
    qualifications: qualificationsFor(
      random,
      birthDate,
      {
        professional: pickWeighted(random, seat.professional),
        major,
        theory: pickWeighted(random, seat.theory),
        stateManagement: chance(random, seat.stateManagement) ? 'chuyen_vien' : null,
        it: chance(random, 0.85),
        foreignLanguage: pickWeighted(random, [
          ['b1', 3],
          ['a2', 3],
          [null, 4],
        ] as const),
      },
      context.places,
      context.asOf,
    ),
  };
}
