import { checkFirstAppointmentAge } from '../../core/appointment-age.js';
import { addDays, type IsoDate } from '../../core/dates.js';
import type { PoliticalTheoryLevel, ProfessionalLevel, StateManagementLevel } from '../../core/qualifications.js';
import { COMMUNE_TITLES, type TitleCode } from '../../core/titles.js';
import type { HowObtained } from '../cadres/cadres.tables.js';
import type { AreaFlag } from '../../core/commune-profile.js';
import { makeUniqueName, type Sex } from './names.js';
import { chance, dateBetween, pick, pickWeighted, shuffled, streamFor, type Random } from './random.js';
import {
  birthDateIn,
  endOfService,
  LEADER_MAJORS,
  post,
  qualificationsFor,
  staffPerson,
  stillServingOn,
  yearOf,
  type DemoPerson,
  type DemoPost,
  type PlaceNames,
  type QualificationPlan,
  type StaffSeat,
} from './staff.js';

/*
 * The demo province: Bắc Giang on the units of the 2023 list (10 districts,
 * 209 communes), term 2020–2025, as of 31/12/2021, built so that the figures
 * of the article the product started from (Báo Bắc Giang, "Đa dạng hình thức
 * đào tạo, rèn luyện cán bộ cấp xã") come out exactly. The plan is deterministic, not sampled: team sizes are
 * chosen to add up to the article's totals, then levels are handed out to
 * exact counts; randomness (a fixed-seed stream per commune) only decides
 * who gets what, names, dates and the like.
 */

export const PROVINCE_DEMO = {
  provinceCode: '24',
  asOf: '2021-12-31',
  partyTerm: '2020-2025',
  councilTerm: '2021-2026',
  seed: 'bac-giang-2021',
} as const;

/** The source article's figures for key cadres (from Vice-chair of the People's Committee up), as of 2021. */
export const ARTICLE_FIGURES = {
  keyCadres: 1219,
  universityOrHigher: 1212,
  advancedTheory: 76,
  city: { districtCode: '213', keyCadres: 92, masters: 25, advancedTheory: 11 },
  quangMinh: { communeCode: '07792', keyCadres: 6 },
  /** "Hơn 70 cán bộ ở các huyện, TP được luân chuyển" into key commune posts since the start of the term. */
  movedFromDistricts: 72,
} as const;

export const MOUNTAIN_DISTRICTS: Readonly<Record<string, readonly AreaFlag[]>> = {
  '215': ['mien_nui'], // Yên Thế
  '218': ['mien_nui'], // Lục Nam
  '219': ['mien_nui', 'dan_toc'], // Lục Ngạn
  '220': ['mien_nui', 'dan_toc', 'dac_biet_kho_khan'], // Sơn Động
};

export const HOANG_MINH_THANH = {
  fullName: 'Hoàng Minh Thành',
  communeCode: '07381',
  districtCode: '217',
  movedOn: '2020-06-15',
  note: 'Điều động từ Phó Chủ tịch Hội Nông dân huyện Lạng Giang về giữ chức Chủ tịch UBND xã (tháng 6/2020)',
} as const;

const FIXED_TEAM_SIZE: Readonly<Record<string, number>> = { '07792': 6, '07381': 6, '07702': 6 };
/** Below university, beyond the city and Quảng Minh: 4 in plains communes (they fail the standard), 3 in mountain ones. */
const BELOW_UNIVERSITY = { plains: 4, mountain: 3 } as const;
/** Only elementary political theory: 6 in plains communes (they fail), 3 in mountain ones (the relaxed standard accepts it). */
const ELEMENTARY_THEORY = { plains: 6, mountain: 3 } as const;
const OTHER_MASTERS = 55;
const OTHER_DOCTORS = 1;

export interface DemoCommune {
  id: string;
  code: string;
  name: string;
  type: string;
  validTo: IsoDate | null;
}

export interface DemoDistrict {
  id: string;
  code: string;
  name: string;
  type: string;
  communes: DemoCommune[];
}

export interface ProvinceTerritory {
  province: { id: string; code: string; name: string };
  districts: DemoDistrict[];
}

export interface AreaClassRow {
  communeId: string;
  flags: AreaFlag[];
  basis: string;
}

export interface ProvinceDemo {
  people: DemoPerson[];
  areaClasses: AreaClassRow[];
  keyPeople: number;
  otherPeople: number;
}

type Seat = 'bt' | 'bt_ct_hdnd' | 'ct_hdnd' | 'pbt_tt' | 'pbt_tt_ct_hdnd' | 'pbt_ct_ubnd' | 'pct_hdnd' | 'pct_ubnd';

interface SeatSpec {
  titles: readonly { code: TitleCode; concurrent: boolean }[];
  /** Lower is more senior: advanced political theory goes mostly to the senior. */
  seniority: number;
  femaleShare: number;
  birthYears: readonly [number, number];
  /** The lower key post held in the previous term by someone promoted to this seat. */
  promotedFrom: TitleCode | null;
}

const SEATS: Readonly<Record<Seat, SeatSpec>> = {
  bt: {
    titles: [{ code: 'bi_thu_dang_uy', concurrent: false }],
    seniority: 0,
    femaleShare: 0.08,
    birthYears: [1964, 1980],
    promotedFrom: 'pho_bi_thu_thuong_truc',
  },
  bt_ct_hdnd: {
    titles: [
      { code: 'bi_thu_dang_uy', concurrent: false },
      { code: 'chu_tich_hdnd', concurrent: true },
    ],
    seniority: 0,
    femaleShare: 0.08,
    birthYears: [1964, 1980],
    promotedFrom: 'pho_bi_thu_thuong_truc',
  },
  ct_hdnd: {
    titles: [{ code: 'chu_tich_hdnd', concurrent: false }],
    seniority: 2,
    femaleShare: 0.15,
    birthYears: [1965, 1980],
    promotedFrom: 'pho_chu_tich_hdnd',
  },
  pbt_tt: {
    titles: [{ code: 'pho_bi_thu_thuong_truc', concurrent: false }],
    seniority: 2,
    femaleShare: 0.25,
    birthYears: [1966, 1984],
    promotedFrom: 'pho_chu_tich_hdnd',
  },
  pbt_tt_ct_hdnd: {
    titles: [
      { code: 'pho_bi_thu_thuong_truc', concurrent: false },
      { code: 'chu_tich_hdnd', concurrent: true },
    ],
    seniority: 1,
    femaleShare: 0.2,
    birthYears: [1966, 1982],
    promotedFrom: 'pho_chu_tich_hdnd',
  },
  pbt_ct_ubnd: {
    titles: [
      { code: 'pho_bi_thu_dang_uy', concurrent: true },
      { code: 'chu_tich_ubnd', concurrent: false },
    ],
    seniority: 1,
    femaleShare: 0.08,
    birthYears: [1968, 1986],
    promotedFrom: 'pho_chu_tich_ubnd',
  },
  pct_hdnd: { titles: [{ code: 'pho_chu_tich_hdnd', concurrent: false }], seniority: 4, femaleShare: 0.35, birthYears: [1970, 1988], promotedFrom: null },
  pct_ubnd: { titles: [{ code: 'pho_chu_tich_ubnd', concurrent: false }], seniority: 5, femaleShare: 0.25, birthYears: [1975, 1990], promotedFrom: null },
};

const PARTY_TITLES = new Set<TitleCode>(COMMUNE_TITLES.filter((t) => t.group === 'party').map((t) => t.code));

/** The usual teams: the secretary chairs the People's Council; in some communes the standing deputy does; big ones have a separate chair. */
function teamSeats(size: number, standingDeputyChairsCouncil: boolean): Seat[] {
  if (size === 7) return ['bt', 'ct_hdnd', 'pbt_tt', 'pbt_ct_ubnd', 'pct_hdnd', 'pct_ubnd', 'pct_ubnd'];
  const base: Seat[] = standingDeputyChairsCouncil
    ? ['bt', 'pbt_tt_ct_hdnd', 'pbt_ct_ubnd', 'pct_hdnd', 'pct_ubnd']
    : ['bt_ct_hdnd', 'pbt_tt', 'pbt_ct_ubnd', 'pct_hdnd', 'pct_ubnd'];
  return size === 6 ? [...base, 'pct_ubnd'] : base;
}

const ETHNIC_MIX: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  '220': [
    ['01', 45],
    ['02', 20],
    ['07', 20],
    ['09', 8],
    ['15', 4],
    ['04', 3],
  ],
  '219': [
    ['01', 55],
    ['07', 20],
    ['02', 10],
    ['15', 6],
    ['04', 5],
    ['09', 4],
  ],
  '218': [
    ['01', 76],
    ['07', 8],
    ['02', 5],
    ['18', 6],
    ['09', 3],
    ['04', 2],
  ],
  '215': [
    ['01', 85],
    ['07', 6],
    ['02', 4],
    ['18', 3],
    ['09', 2],
  ],
};
const PLAINS_MIX: readonly (readonly [string, number])[] = [
  ['01', 99],
  ['18', 0.5],
  ['02', 0.3],
  ['07', 0.2],
];

type Career = 'reelected' | 'promoted' | 'new' | 'moved';

interface KeyDraft {
  district: DemoDistrict;
  commune: DemoCommune;
  seat: Seat;
  sex: Sex;
  birthDate: IsoDate;
  ethnicityCode: string;
  fullName: string;
  career: Career;
  /** For 'moved': how the person came from a district post, and that post. */
  move: { how: HowObtained; note: string } | null;
  random: Random;
  professional: ProfessionalLevel;
  theory: PoliticalTheoryLevel;
  later: NonNullable<QualificationPlan['later']>[number][];
}

interface CommuneDates {
  congress2015: IsoDate;
  congress2020: IsoDate;
  session2016: IsoDate;
  session2021: IsoDate;
}

function communeDates(random: Random, communeCode: string): CommuneDates {
  return {
    congress2015: dateBetween(random, '2015-05-10', '2015-06-30'),
    // Nghĩa Hưng's congress came after Hoàng Minh Thành's move in June 2020.
    congress2020: communeCode === HOANG_MINH_THANH.communeCode ? '2020-07-08' : dateBetween(random, '2020-05-15', '2020-07-10'),
    session2016: dateBetween(random, '2016-06-20', '2016-06-30'),
    session2021: dateBetween(random, '2021-06-21', '2021-06-30'),
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "Thành ủy Bắc Giang", "Huyện ủy Lục Ngạn". */
function partyCommitteeOf(district: DemoDistrict): string {
  const place = district.name.slice(district.type.length + 1);
  return `${district.type === 'Thành phố' ? 'Thành ủy' : district.type === 'Thị xã' ? 'Thị ủy' : 'Huyện ủy'} ${place}`;
}

/** Where the district cadres moved into communes came from. */
function districtPostOf(random: Random, district: DemoDistrict): string {
  const committee = partyCommitteeOf(district);
  const place = lowerFirst(district.name);
  const youth = `${district.type === 'Thành phố' ? 'Thành đoàn' : 'Huyện đoàn'} ${district.name.slice(district.type.length + 1)}`;
  return pick(random, [
    `Phó Trưởng Ban Tổ chức ${committee}`,
    `Phó Chủ nhiệm Ủy ban Kiểm tra ${committee}`,
    `Phó Trưởng Ban Tuyên giáo ${committee}`,
    `Phó Trưởng Ban Dân vận ${committee}`,
    `Phó Chánh Văn phòng ${committee}`,
    `Phó Trưởng phòng Nội vụ ${place}`,
    `Phó Trưởng phòng Tài nguyên và Môi trường ${place}`,
    `Phó Trưởng phòng Tài chính - Kế hoạch ${place}`,
    `Phó Trưởng phòng ${district.type === 'Thành phố' ? 'Kinh tế' : 'Nông nghiệp và Phát triển nông thôn'} ${place}`,
    `Phó Chủ tịch Hội Nông dân ${place}`,
    `Phó Chủ tịch Ủy ban Mặt trận Tổ quốc ${place}`,
    `Phó Bí thư ${youth}`,
  ]);
}

/** Efraimidis–Spirakis: `count` items drawn without replacement, each with chance proportional to its weight. */
function chooseWeighted<T>(random: Random, items: readonly T[], count: number, weight: (item: T) => number): T[] {
  if (items.length < count) throw new Error(`demo plan: need ${count}, only ${items.length} candidates`);
  return items
    .map((item) => ({ item, score: Math.pow(random(), 1 / weight(item)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((entry) => entry.item);
}

/** Team size per commune: the city's 16 units hold exactly 92 people, all 209 hold 1,219. */
function teamSizes(territory: ProvinceTerritory): Map<string, number> {
  const random = streamFor(`${PROVINCE_DEMO.seed}:team-sizes`);
  const sizes = new Map<string, number>();
  const city = territory.districts.find((d) => d.code === ARTICLE_FIGURES.city.districtCode);
  if (!city) throw new Error('demo plan: Thành phố Bắc Giang (213) is not in the territory');
  const cityFives = 6 * city.communes.length - ARTICLE_FIGURES.city.keyCadres;
  shuffled(random, city.communes).forEach((commune, index) => sizes.set(commune.code, index < cityFives ? 5 : 6));

  const others = territory.districts.filter((d) => d !== city).flatMap((d) => d.communes);
  for (const commune of others) {
    const fixed = FIXED_TEAM_SIZE[commune.code];
    if (fixed) sizes.set(commune.code, fixed);
  }
  const free = others.filter((commune) => !sizes.has(commune.code));
  const target =
    ARTICLE_FIGURES.keyCadres - ARTICLE_FIGURES.city.keyCadres - others.filter((c) => sizes.has(c.code)).reduce((sum, c) => sum + sizes.get(c.code)!, 0);
  // Big towns get a seventh key person (a separate council chair); small communes five.
  const sevens = 10;
  const fives = 6 * free.length + sevens - target;
  if (fives < 0) throw new Error('demo plan: team sizes cannot reach the article total');
  const bySize = free.map((commune) => ({ commune, order: (commune.type === 'Thị trấn' ? 0 : 1) + random() })).sort((a, b) => a.order - b.order);
  bySize.forEach(({ commune }, index) => sizes.set(commune.code, index < sevens ? 7 : 6));
  shuffled(
    random,
    bySize.slice(sevens).map((entry) => entry.commune),
  )
    .slice(0, fives)
    .forEach((commune) => sizes.set(commune.code, 5));
  return sizes;
}

function passesFirstAppointment(sex: Sex, birthDate: IsoDate, onDate: IsoDate): boolean {
  return checkFirstAppointmentAge({ sex: sex === 'nam' ? 'male' : 'female', birthDate, onDate }).ok;
}

/** The periods a key person held, current and previous, per their career. */
function keyPosts(draft: KeyDraft, dates: CommuneDates): DemoPost[] {
  const spec = SEATS[draft.seat];
  const unitId = draft.commune.id;
  const end = endOfService(draft.sex, draft.birthDate, draft.commune.validTo);
  const posts: DemoPost[] = [];
  for (const { code, concurrent } of spec.titles) {
    const party = PARTY_TITLES.has(code);
    const startDate = party ? dates.congress2020 : dates.session2021;
    const rotatedHere = party && draft.move?.how === 'luan_chuyen';
    if (draft.move?.how === 'dieu_dong' && code === 'chu_tich_ubnd') {
      posts.push(
        post({
          unitId,
          titleCode: code,
          startDate: HOANG_MINH_THANH.movedOn,
          endDate: addDays(dates.session2021, -1),
          term: '2016-2021',
          howObtained: 'dieu_dong',
          note: draft.move.note,
        }),
      );
    }
    posts.push(
      post({
        unitId,
        titleCode: code,
        startDate,
        endDate: end,
        term: party ? PROVINCE_DEMO.partyTerm : PROVINCE_DEMO.councilTerm,
        howObtained: rotatedHere ? 'luan_chuyen' : 'bau_cu',
        concurrent,
        note: rotatedHere ? draft.move!.note : null,
      }),
    );
    if (draft.career === 'reelected') {
      posts.push(
        post({
          unitId,
          titleCode: code,
          startDate: party ? dates.congress2015 : dates.session2016,
          endDate: addDays(startDate, -1),
          term: party ? '2015-2020' : '2016-2021',
          howObtained: 'bau_cu',
          concurrent,
        }),
      );
    }
  }
  if (draft.career === 'promoted' && spec.promotedFrom) {
    const party = PARTY_TITLES.has(spec.promotedFrom);
    const start = party ? dates.congress2015 : dates.session2016;
    const endBefore = PARTY_TITLES.has(spec.titles[0]!.code) ? dates.congress2020 : dates.session2021;
    posts.push(
      post({
        unitId,
        titleCode: spec.promotedFrom,
        startDate: start,
        endDate: addDays(endBefore, -1),
        term: party ? '2015-2020' : '2016-2021',
        howObtained: 'bau_cu',
      }),
    );
  }
  return posts;
}

/** Every first appointment among the current posts leaves at least 60 months before retirement age. */
function firstAppointmentsPass(draft: KeyDraft, dates: CommuneDates): boolean {
  if (draft.career === 'reelected') return true;
  const posts = keyPosts(draft, dates);
  return posts
    .filter((p) => p.endDate === null || p.endDate >= PROVINCE_DEMO.asOf)
    .filter((p) => !posts.some((earlier) => earlier.titleCode === p.titleCode && earlier.startDate < p.startDate))
    .every((p) => passesFirstAppointment(draft.sex, draft.birthDate, p.startDate));
}

/** Most commune staff are from the commune itself; district cadres moved into a commune come from elsewhere in the district. */
function homeTownIn(random: Random, territory: ProvinceTerritory, district: DemoDistrict, commune: DemoCommune, local: number, sameDistrict = 0.8): string {
  const roll = random();
  const home =
    roll < local
      ? commune
      : roll < local + (1 - local) * sameDistrict
        ? pick(random, district.communes)
        : pick(random, pick(random, territory.districts).communes);
  const homeDistrict = territory.districts.find((d) => d.communes.includes(home))!;
  return `${home.name}, ${lowerFirst(homeDistrict.name)}, ${lowerFirst(territory.province.name)}`;
}

function religionOf(random: Random, partyMember: boolean): string {
  if (partyMember) return chance(random, 0.98) ? 'Không' : 'Phật giáo';
  return pickWeighted(random, [
    ['Không', 92],
    ['Phật giáo', 5],
    ['Công giáo', 3],
  ] as const);
}

function staffSeats(): StaffSeat[] {
  const heads = (titleCode: TitleCode, femaleShare: number, birthYears: [number, number], congress: [IsoDate, IsoDate], term: string): StaffSeat => ({
    titleCode,
    femaleShare,
    birthYears,
    start: (random) => dateBetween(random, congress[0], congress[1]),
    term,
    howObtained: 'bau_cu',
    partyMember: 1,
    theory: [
      ['trung_cap', 7],
      ['so_cap', 3],
    ],
    professional: [
      ['dai_hoc', 7],
      ['cao_dang', 1],
      ['trung_cap', 2],
    ],
    stateManagement: 0.4,
  });
  return [
    heads('chu_tich_mttq', 0.3, [1965, 1985], ['2019-05-06', '2019-07-20'], '2019-2024'),
    {
      ...heads('bi_thu_doan_thanh_nien', 0.4, [1988, 1996], ['2017-04-10', '2017-06-30'], '2017-2022'),
      theory: [
        ['so_cap', 6],
        ['trung_cap', 4],
      ],
    },
    heads('chu_tich_hoi_phu_nu', 1, [1970, 1988], ['2021-03-15', '2021-05-15'], '2021-2026'),
    heads('chu_tich_hoi_nong_dan', 0.15, [1965, 1984], ['2018-04-02', '2018-06-15'], '2018-2023'),
    heads('chu_tich_hoi_cuu_chien_binh', 0, [1963, 1972], ['2017-04-03', '2017-06-15'], '2017-2022'),
  ];
}

function civilServantSeat(titleCode: TitleCode, femaleShare: number): StaffSeat {
  return {
    titleCode,
    femaleShare,
    birthYears: [1975, 1996],
    start: (random) => dateBetween(random, '2005-01-01', '2021-09-30'),
    term: null,
    howObtained: 'bo_nhiem',
    partyMember: titleCode === 'chi_huy_truong_quan_su' ? 1 : 0.7,
    theory: [
      ['so_cap', 4],
      ['trung_cap', 2],
      [null, 4],
    ],
    professional: [
      ['dai_hoc', 17],
      ['cao_dang', 1],
      ['trung_cap', 2],
    ],
    stateManagement: 0.7,
  };
}

/** Chỉ huy trưởng quân sự and two (sometimes three) civil servants per title: 11 to 14 people. */
function civilServantSeats(random: Random): StaffSeat[] {
  const seats: StaffSeat[] = [{ ...civilServantSeat('chi_huy_truong_quan_su', 0), birthYears: [1975, 1990] }];
  const titles: readonly [TitleCode, number, number][] = [
    ['van_phong_thong_ke', 0.6, 0],
    ['dia_chinh_xay_dung', 0.2, 0.3],
    ['tai_chinh_ke_toan', 0.7, 0],
    ['tu_phap_ho_tich', 0.5, 0.2],
    ['van_hoa_xa_hoi', 0.55, 0.3],
  ];
  for (const [title, femaleShare, third] of titles) {
    const count = 2 + (chance(random, third) ? 1 : 0);
    for (let i = 0; i < count; i++) seats.push(civilServantSeat(title, femaleShare));
  }
  return seats;
}

/**
 * The whole demo province from its territory (the 2023 list as stored),
 * the same every time for the same territory.
 */
export function generateProvinceDemo(territory: ProvinceTerritory): ProvinceDemo {
  const { asOf } = PROVINCE_DEMO;
  const sizes = teamSizes(territory);
  const drafts: KeyDraft[] = [];
  const datesOf = new Map<string, CommuneDates>();
  const namesOf = new Map<string, Set<string>>();
  const communeRandoms = new Map<string, Random>();

  for (const district of territory.districts) {
    const mix = ETHNIC_MIX[district.code] ?? PLAINS_MIX;
    for (const commune of district.communes) {
      const random = streamFor(`${PROVINCE_DEMO.seed}:${commune.code}`);
      communeRandoms.set(commune.code, random);
      const dates = communeDates(random, commune.code);
      datesOf.set(commune.code, dates);
      const taken = new Set<string>([HOANG_MINH_THANH.fullName]);
      namesOf.set(commune.code, taken);
      const seats = teamSeats(sizes.get(commune.code)!, chance(random, 0.15));
      for (const seat of seats) {
        const spec = SEATS[seat];
        const sex: Sex = chance(random, spec.femaleShare) ? 'nu' : 'nam';
        const birthYears: [number, number] = sex === 'nu' ? [Math.max(spec.birthYears[0], 1970), spec.birthYears[1]] : [spec.birthYears[0], spec.birthYears[1]];
        let birthDate = birthDateIn(random, birthYears[0], birthYears[1]);
        while (!stillServingOn(sex, birthDate, asOf)) birthDate = addDays(birthDate, 365);
        const ethnicityCode = pickWeighted(random, mix);
        const roll = random();
        const career: Career = roll < 0.45 ? 'reelected' : roll < 0.65 && spec.promotedFrom ? 'promoted' : 'new';
        const draft: KeyDraft = {
          district,
          commune,
          seat,
          sex,
          birthDate,
          ethnicityCode,
          fullName: makeUniqueName(random, { sex, ethnicityCode, region: 'bac_giang' }, taken),
          career,
          move: null,
          random,
          professional: 'dai_hoc',
          theory: 'trung_cap',
          later: [],
        };
        // Someone too close to retirement for a first appointment was re-elected, as the rules require.
        if (!firstAppointmentsPass(draft, dates)) draft.career = 'reelected';
        drafts.push(draft);
      }
    }
  }

  placeHoangMinhThanh(drafts);
  placeMovedCadres(drafts, datesOf);
  assignLevels(drafts);

  const people: DemoPerson[] = drafts.map((draft) => keyPerson(draft, datesOf.get(draft.commune.code)!, territory));
  const keyPeople = people.length;
  for (const district of territory.districts) {
    const mix = ETHNIC_MIX[district.code] ?? PLAINS_MIX;
    const places: PlaceNames = { region: 'bac_giang', provinceName: territory.province.name, districtName: lowerFirst(district.name) };
    for (const commune of district.communes) {
      const random = communeRandoms.get(commune.code)!;
      const taken = namesOf.get(commune.code)!;
      for (const seat of [...staffSeats(), ...civilServantSeats(random)]) {
        const person = staffPerson(random, seat, {
          unitId: commune.id,
          unitValidTo: commune.validTo,
          asOf,
          places,
          ethnicity: (r) => pickWeighted(r, mix),
          name: (sex, ethnicityCode) => makeUniqueName(random, { sex, ethnicityCode, region: 'bac_giang' }, taken),
          homeTown: (r) => homeTownIn(r, territory, district, commune, 0.6),
          religion: religionOf,
        });
        people.push(person);
      }
    }
  }

  const areaClasses = territory.districts.flatMap((district) =>
    district.communes.map((commune) => ({
      communeId: commune.id,
      flags: [...(MOUNTAIN_DISTRICTS[district.code] ?? (['dong_bang'] as const))],
      basis: MOUNTAIN_DISTRICTS[district.code]
        ? `Dữ liệu minh họa: xã thuộc ${lowerFirst(district.name)}, huyện miền núi của tỉnh`
        : `Dữ liệu minh họa: xã đồng bằng, đô thị của ${lowerFirst(district.name)}`,
    })),
  );
  return { people, areaClasses, keyPeople, otherPeople: people.length - keyPeople };
}

function placeHoangMinhThanh(drafts: KeyDraft[]): void {
  const draft = drafts.find((d) => d.commune.code === HOANG_MINH_THANH.communeCode && d.seat === 'pbt_ct_ubnd');
  if (!draft) throw new Error('demo plan: Xã Nghĩa Hưng (07381) has no People’s Committee chair seat');
  draft.fullName = HOANG_MINH_THANH.fullName;
  draft.sex = 'nam';
  draft.birthDate = '1979-03-12';
  draft.ethnicityCode = '01';
  draft.career = 'moved';
  draft.move = { how: 'dieu_dong', note: HOANG_MINH_THANH.note };
}

/** 71 more district cadres moved into the party posts of communes (besides Hoàng Minh Thành): 72 in all. */
function placeMovedCadres(drafts: KeyDraft[], datesOf: ReadonlyMap<string, CommuneDates>): void {
  const random = streamFor(`${PROVINCE_DEMO.seed}:moved`);
  const candidates = drafts.filter(
    (d) => d.career !== 'moved' && (d.seat === 'bt' || d.seat === 'bt_ct_hdnd' || d.seat === 'pbt_tt' || d.seat === 'pbt_ct_ubnd'),
  );
  // One per commune: a weak commune receives one district cadre.
  const byCommune = new Set<string>();
  const chosen = chooseWeighted(random, candidates, candidates.length, (d) => (d.seat === 'pbt_ct_ubnd' ? 1 : 2)).filter((d) => {
    if (byCommune.has(d.commune.code) || d.commune.code === HOANG_MINH_THANH.communeCode) return false;
    byCommune.add(d.commune.code);
    return true;
  });
  for (const draft of chosen.slice(0, ARTICLE_FIGURES.movedFromDistricts - 1)) {
    draft.career = 'moved';
    // Regulation 65-QĐ/TW: rotated cadres have at least ten years of service left.
    draft.birthDate = birthDateIn(draft.random, 1976, 1986);
    draft.move = { how: 'luan_chuyen', note: `Luân chuyển từ cấp huyện: nguyên ${districtPostOf(draft.random, draft.district)}` };
    if (!firstAppointmentsPass(draft, datesOf.get(draft.commune.code)!)) throw new Error('demo plan: a rotated cadre is too old');
  }
}

const SENIORITY_WEIGHT = [6, 4, 3, 2, 1, 1];

/**
 * Levels to exact counts: outside the city 7 below university and 9 with
 * only elementary political theory; 76 with advanced political theory (11 in
 * the city); 25 master's degrees in the city; then a few degrees obtained
 * after 31/12/2021, which must not count on that date.
 */
function assignLevels(drafts: KeyDraft[]): void {
  const random = streamFor(`${PROVINCE_DEMO.seed}:levels`);
  const cityCode = ARTICLE_FIGURES.city.districtCode;
  const city = drafts.filter((d) => d.district.code === cityCode);
  const others = drafts.filter((d) => d.district.code !== cityCode);
  const isMountain = (d: KeyDraft) => MOUNTAIN_DISTRICTS[d.district.code] !== undefined;
  const isDeputy = (d: KeyDraft) => d.seat === 'pct_hdnd' || d.seat === 'pct_ubnd';
  const ordinary = (d: KeyDraft) => d.career !== 'moved' && d.commune.code !== ARTICLE_FIGURES.quangMinh.communeCode;
  const seniority = (d: KeyDraft) => SENIORITY_WEIGHT[SEATS[d.seat].seniority] ?? 1;

  const belowUniversity = [
    ...chooseWeighted(
      random,
      others.filter((d) => ordinary(d) && isDeputy(d) && !isMountain(d)),
      BELOW_UNIVERSITY.plains,
      () => 1,
    ),
    ...chooseWeighted(
      random,
      others.filter((d) => ordinary(d) && isDeputy(d) && isMountain(d)),
      BELOW_UNIVERSITY.mountain,
      () => 1,
    ),
  ];
  belowUniversity.forEach((d, i) => (d.professional = i % 2 === 0 ? 'trung_cap' : 'cao_dang'));
  const rest = (d: KeyDraft) => !belowUniversity.includes(d);

  const elementary = [
    ...chooseWeighted(
      random,
      others.filter((d) => ordinary(d) && isDeputy(d) && rest(d) && !isMountain(d)),
      ELEMENTARY_THEORY.plains,
      () => 1,
    ),
    ...chooseWeighted(
      random,
      others.filter((d) => ordinary(d) && isDeputy(d) && rest(d) && isMountain(d)),
      ELEMENTARY_THEORY.mountain,
      () => 1,
    ),
  ];
  for (const d of elementary) d.theory = 'so_cap';
  const regular = (d: KeyDraft) => rest(d) && !elementary.includes(d);

  const advancedInCity = chooseWeighted(random, city, ARTICLE_FIGURES.city.advancedTheory, seniority);
  const notThanh = (d: KeyDraft) => d.fullName !== HOANG_MINH_THANH.fullName;
  const advancedElsewhere = chooseWeighted(
    random,
    others.filter((d) => regular(d) && notThanh(d)),
    ARTICLE_FIGURES.advancedTheory - ARTICLE_FIGURES.city.advancedTheory,
    seniority,
  );
  for (const d of [...advancedInCity, ...advancedElsewhere]) d.theory = 'cao_cap';

  for (const d of chooseWeighted(random, city, ARTICLE_FIGURES.city.masters, () => 1)) d.professional = 'thac_si';
  const postgraduates = chooseWeighted(
    random,
    others.filter((d) => rest(d) && notThanh(d)),
    OTHER_MASTERS + OTHER_DOCTORS,
    () => 1,
  );
  postgraduates.forEach((d, i) => (d.professional = i < OTHER_DOCTORS ? 'tien_si' : 'thac_si'));

  // After the reference date: they show on later dates only.
  const laterDay = (from: IsoDate, to: IsoDate) => dateBetween(random, from, to);
  for (const d of chooseWeighted(random, belowUniversity, 3, () => 1))
    d.later.push({ kind: 'professional', level: 'dai_hoc', on: laterDay('2023-06-01', '2023-12-20') });
  for (const d of chooseWeighted(random, elementary, 4, () => 1))
    d.later.push({ kind: 'political_theory', level: 'trung_cap', on: laterDay('2022-03-01', '2023-11-30') });
  for (const d of chooseWeighted(
    random,
    others.filter((d) => regular(d) && d.professional === 'dai_hoc'),
    8,
    () => 1,
  )) {
    d.later.push({ kind: 'professional', level: 'thac_si', on: laterDay('2023-01-10', '2024-10-30') });
  }
  const laterAdvanced = [
    ...chooseWeighted(
      random,
      city.filter((d) => d.theory === 'trung_cap'),
      2,
      seniority,
    ),
    ...chooseWeighted(
      random,
      others.filter((d) => regular(d) && d.theory === 'trung_cap'),
      8,
      seniority,
    ),
  ];
  for (const d of laterAdvanced) d.later.push({ kind: 'political_theory', level: 'cao_cap', on: laterDay('2022-02-01', '2024-12-15') });
}

function keyPerson(draft: KeyDraft, dates: CommuneDates, territory: ProvinceTerritory): DemoPerson {
  const { random } = draft;
  const posts = keyPosts(draft, dates);
  const firstStart = posts.reduce((min, p) => (p.startDate < min ? p.startDate : min), posts[0]!.startDate);
  const born = yearOf(draft.birthDate);
  const joinedFrom = `${born + 20}-01-01`;
  const joinedTo = addDays(firstStart, -365);
  const partyJoinedOn = dateBetween(random, joinedFrom < joinedTo ? joinedFrom : joinedTo, joinedTo);
  const senior = SEATS[draft.seat].seniority <= 1;
  const stateManagement: StateManagementLevel | null = pickWeighted(random, [
    ['chuyen_vien', 75],
    ['chuyen_vien_chinh', senior ? 20 : 5],
    [null, 15],
  ] as const);
  const isThanh = draft.fullName === HOANG_MINH_THANH.fullName && draft.commune.code === HOANG_MINH_THANH.communeCode;
  const plan: QualificationPlan = {
    professional: draft.professional,
    major: isThanh ? 'Nông học' : pickWeighted(random, LEADER_MAJORS),
    theory: draft.theory,
    theoryBachelor: draft.theory === 'cao_cap' && chance(random, 0.1),
    stateManagement,
    it: chance(random, 0.9),
    foreignLanguage: pickWeighted(random, [
      ['b1', 4],
      ['a2', 3],
      [null, 3],
    ] as const),
    later: draft.later,
  };
  const places: PlaceNames = { region: 'bac_giang', provinceName: territory.province.name, districtName: lowerFirst(draft.district.name) };
  const moved = draft.career === 'moved';
  return {
    fullName: draft.fullName,
    gender: draft.sex,
    birthDate: draft.birthDate,
    ethnicityCode: draft.ethnicityCode,
    religion: religionOf(random, true),
    homeTown: moved ? homeTownIn(random, territory, draft.district, draft.commune, 0, 1) : homeTownIn(random, territory, draft.district, draft.commune, 0.75),
    partyJoinedOn,
    owningUnitId: draft.commune.id,
    posts,
    qualifications: qualificationsFor(random, draft.birthDate, plan, places, PROVINCE_DEMO.asOf),
  };
}
