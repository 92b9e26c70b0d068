import { addDays } from '../../core/dates.js';
import type { PoliticalTheoryLevel, ProfessionalLevel, StateManagementLevel } from '../../core/qualifications.js';
import { COMMUNE_TITLES, type TitleCode } from '../../core/titles.js';
import { makeUniqueName, type Region, type Sex } from './names.js';
import { chance, dateBetween, pick, pickWeighted, seedOf, streamFor, type Random } from './random.js';
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
  type PlaceNames,
  type StaffSeat,
} from './staff.js';

/*
 * The national demo for load tests: every one of the 3,321 communes of the
 * 2025 list (34 provinces, no districts), as of 31/12/2025, term 2025–2030,
 * about 15 key cadres and 45 other staff per commune (the new communes keep
 * more deputies than the norm while merged staff are placed). `scale` takes a
 * fixed, evenly spread share of the communes, so counts stay proportional.
 */

export const NATIONAL_DEMO = {
  asOf: '2025-12-31',
  partyTerm: '2025-2030',
  councilTerm: '2021-2026',
  seed: 'toan-quoc-2025',
  keyCadres: 50_000,
  otherStaff: 150_000,
} as const;

export interface NationalCommune {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}

export interface CommuneQuota {
  commune: NationalCommune;
  keyPeople: number;
  otherPeople: number;
}

const NORTH = ['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37'];
const SOUTH = ['75', '79', '80', '82', '86', '91', '92', '96'];

function regionOf(provinceCode: string): Region {
  if (NORTH.includes(provinceCode)) return 'north';
  return SOUTH.includes(provinceCode) ? 'south' : 'central';
}

type Mix = readonly (readonly [string, number])[];

/** Ethnic make-up of commune staff, roughly as of each province's population (2019 census). */
const ETHNIC_MIX: Readonly<Record<string, Mix>> = {
  '04': [
    ['02', 40],
    ['07', 30],
    ['01', 10],
    ['08', 10],
    ['09', 10],
  ],
  '08': [
    ['02', 25],
    ['01', 25],
    ['08', 25],
    ['09', 15],
    ['07', 5],
    ['15', 5],
  ],
  '11': [
    ['03', 40],
    ['08', 30],
    ['01', 20],
    ['29', 5],
    ['35', 5],
  ],
  '12': [
    ['03', 30],
    ['08', 30],
    ['01', 20],
    ['09', 10],
    ['35', 10],
  ],
  '14': [
    ['03', 50],
    ['01', 20],
    ['08', 15],
    ['06', 10],
    ['09', 5],
  ],
  '15': [
    ['01', 40],
    ['02', 15],
    ['08', 15],
    ['09', 15],
    ['25', 5],
    ['07', 5],
    ['03', 5],
  ],
  '19': [
    ['01', 60],
    ['02', 25],
    ['07', 8],
    ['09', 5],
    ['15', 2],
  ],
  '20': [
    ['07', 40],
    ['02', 35],
    ['01', 20],
    ['09', 5],
  ],
  '22': [
    ['01', 88],
    ['09', 5],
    ['02', 3],
    ['18', 2],
    ['04', 2],
  ],
  '24': [
    ['01', 92],
    ['07', 3],
    ['02', 2],
    ['18', 2],
    ['15', 1],
  ],
  '25': [
    ['01', 70],
    ['06', 25],
    ['09', 3],
    ['03', 2],
  ],
  '38': [
    ['01', 85],
    ['06', 8],
    ['03', 6],
    ['08', 1],
  ],
  '40': [
    ['01', 85],
    ['03', 10],
    ['08', 3],
    ['29', 2],
  ],
  '44': [
    ['01', 92],
    ['23', 6],
    ['31', 2],
  ],
  '46': [
    ['01', 95],
    ['31', 3],
    ['26', 2],
  ],
  '48': [
    ['01', 90],
    ['26', 6],
    ['14', 2],
    ['27', 2],
  ],
  '51': [
    ['01', 70],
    ['14', 12],
    ['19', 10],
    ['13', 5],
    ['27', 3],
  ],
  '52': [
    ['01', 65],
    ['10', 20],
    ['13', 15],
  ],
  '56': [
    ['01', 85],
    ['17', 8],
    ['21', 7],
  ],
  '66': [
    ['01', 75],
    ['12', 15],
    ['20', 3],
    ['07', 3],
    ['02', 2],
    ['10', 2],
  ],
  '68': [
    ['01', 80],
    ['16', 8],
    ['20', 5],
    ['17', 4],
    ['28', 3],
  ],
  '75': [
    ['01', 90],
    ['22', 5],
    ['04', 3],
    ['32', 2],
  ],
  '79': [
    ['01', 95],
    ['04', 5],
  ],
  '80': [
    ['01', 98],
    ['05', 1],
    ['04', 1],
  ],
  '82': [
    ['01', 99],
    ['04', 1],
  ],
  '86': [
    ['01', 85],
    ['05', 14],
    ['04', 1],
  ],
  '91': [
    ['01', 88],
    ['05', 10],
    ['04', 1],
    ['17', 1],
  ],
  '92': [
    ['01', 80],
    ['05', 17],
    ['04', 3],
  ],
  '96': [
    ['01', 93],
    ['05', 5],
    ['04', 2],
  ],
};
const KINH: Mix = [['01', 1]];

const PARTY_TITLES = new Set<TitleCode>(COMMUNE_TITLES.filter((t) => t.group === 'party').map((t) => t.code));

/** The first three seats are always there; deputies fill the rest. */
const LEADING_SEATS: readonly (readonly { code: TitleCode; concurrent: boolean }[])[] = [
  [
    { code: 'bi_thu_dang_uy', concurrent: false },
    { code: 'chu_tich_hdnd', concurrent: true },
  ],
  [{ code: 'pho_bi_thu_thuong_truc', concurrent: false }],
  [
    { code: 'pho_bi_thu_dang_uy', concurrent: true },
    { code: 'chu_tich_ubnd', concurrent: false },
  ],
];
const DEPUTY_CYCLE: readonly TitleCode[] = [
  'pho_chu_tich_hdnd',
  'pho_chu_tich_ubnd',
  'pho_chu_tich_ubnd',
  'pho_bi_thu_dang_uy',
  'pho_chu_tich_ubnd',
  'pho_chu_tich_hdnd',
];

function keySeat(index: number): readonly { code: TitleCode; concurrent: boolean }[] {
  return LEADING_SEATS[index] ?? [{ code: DEPUTY_CYCLE[(index - LEADING_SEATS.length) % DEPUTY_CYCLE.length]!, concurrent: false }];
}

/**
 * Which communes a scale takes and how many people each gets. Counts are
 * fixed per commune (15 or 16 key, 45 or 46 others) so that the full set
 * totals exactly 50,000 and 150,000; a scale takes the communes first in a
 * seeded order, i.e. a spread-out sample of every province.
 */
export function nationalQuotas(communes: readonly NationalCommune[], scale: number): CommuneQuota[] {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  const rank = (salt: string) =>
    [...communes].sort(
      (a, b) => seedOf(`${NATIONAL_DEMO.seed}:${salt}:${a.code}`) - seedOf(`${NATIONAL_DEMO.seed}:${salt}:${b.code}`) || a.code.localeCompare(b.code),
    );
  const extra = (total: number, salt: string) => {
    const base = Math.floor(total / communes.length);
    const bigger = new Set(
      rank(salt)
        .slice(0, total - base * communes.length)
        .map((c) => c.code),
    );
    return (code: string) => base + (bigger.has(code) ? 1 : 0);
  };
  const keyOf = extra(NATIONAL_DEMO.keyCadres, 'key');
  const otherOf = extra(NATIONAL_DEMO.otherStaff, 'other');
  const count = Math.max(1, Math.round(communes.length * scale));
  return rank('sample')
    .slice(0, count)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((commune) => ({ commune, keyPeople: keyOf(commune.code), otherPeople: otherOf(commune.code) }));
}

function religionOf(random: Random, partyMember: boolean, region: Region): string {
  if (partyMember) return chance(random, 0.97) ? 'Không' : 'Phật giáo';
  return pickWeighted(random, [
    ['Không', 80],
    ['Phật giáo', 12],
    ['Công giáo', 6],
    [region === 'south' ? 'Cao Đài' : 'Tin Lành', 2],
  ] as const);
}

function staffSeats(random: Random, count: number): StaffSeat[] {
  const start = (r: Random) => dateBetween(r, '2025-07-01', '2025-07-15');
  const head = (titleCode: TitleCode, femaleShare: number, birthYears: [number, number]): StaffSeat => ({
    titleCode,
    femaleShare,
    birthYears,
    start,
    term: NATIONAL_DEMO.partyTerm,
    howObtained: 'bo_nhiem',
    partyMember: 1,
    theory: [
      ['trung_cap', 8],
      ['so_cap', 1],
      ['cao_cap', 1],
    ],
    professional: [
      ['dai_hoc', 8],
      ['thac_si', 1],
      ['trung_cap', 1],
    ],
    stateManagement: 0.6,
  });
  const civil = (titleCode: TitleCode, femaleShare: number): StaffSeat => ({
    titleCode,
    femaleShare,
    birthYears: [1976, 2000],
    start,
    term: null,
    howObtained: 'bo_nhiem',
    partyMember: 0.7,
    theory: [
      ['so_cap', 4],
      ['trung_cap', 3],
      [null, 3],
    ],
    professional: [
      ['dai_hoc', 17],
      ['thac_si', 1],
      ['cao_dang', 1],
      ['trung_cap', 1],
    ],
    stateManagement: 0.8,
  });
  const seats: StaffSeat[] = [
    head('chu_tich_mttq', 0.3, [1968, 1988]),
    head('bi_thu_doan_thanh_nien', 0.4, [1990, 1999]),
    head('chu_tich_hoi_phu_nu', 1, [1974, 1992]),
    head('chu_tich_hoi_nong_dan', 0.15, [1968, 1988]),
    head('chu_tich_hoi_cuu_chien_binh', 0, [1966, 1975]),
    { ...civil('chi_huy_truong_quan_su', 0), birthYears: [1978, 1994], partyMember: 1 },
  ];
  const civilTitles: readonly [TitleCode, number][] = [
    ['van_phong_thong_ke', 0.6],
    ['dia_chinh_xay_dung', 0.2],
    ['tai_chinh_ke_toan', 0.7],
    ['tu_phap_ho_tich', 0.5],
    ['van_hoa_xa_hoi', 0.55],
  ];
  while (seats.length < count) {
    const [title, femaleShare] = pick(random, civilTitles);
    seats.push(civil(title, femaleShare));
  }
  return seats.slice(0, count);
}

/** One commune's key cadres and other staff, from its own seeded stream. */
export function nationalCommuneStaff(quota: CommuneQuota, provinceCommunes: readonly NationalCommune[]): DemoPerson[] {
  const { commune } = quota;
  const { asOf } = NATIONAL_DEMO;
  const random = streamFor(`${NATIONAL_DEMO.seed}:${commune.code}`);
  const region = regionOf(commune.provinceCode);
  const mix = ETHNIC_MIX[commune.provinceCode] ?? KINH;
  const places: PlaceNames = { region, provinceName: commune.provinceName, districtName: null };
  const taken = new Set<string>();
  const congress = dateBetween(random, '2025-08-01', '2025-09-30');
  const provinceLower = commune.provinceName.charAt(0).toLocaleLowerCase('vi') + commune.provinceName.slice(1);
  const homeTown = (r: Random) => `${(chance(r, 0.6) ? commune : pick(r, provinceCommunes)).name}, ${provinceLower}`;
  const people: DemoPerson[] = [];

  for (let index = 0; index < quota.keyPeople; index++) {
    const titles = keySeat(index);
    const leading = index < LEADING_SEATS.length;
    const sex: Sex = chance(random, leading ? 0.1 : 0.28) ? 'nu' : 'nam';
    let birthDate = birthDateIn(random, sex === 'nu' ? 1974 : 1967, leading ? 1986 : 1994);
    while (!stillServingOn(sex, birthDate, asOf)) birthDate = addDays(birthDate, 365);
    const ethnicityCode = pickWeighted(random, mix);
    const born = yearOf(birthDate);
    const posts = titles.map(({ code, concurrent }) => {
      const party = PARTY_TITLES.has(code);
      return post({
        unitId: commune.id,
        titleCode: code,
        startDate: party ? congress : '2025-07-01',
        endDate: endOfService(sex, birthDate, null),
        term: party ? NATIONAL_DEMO.partyTerm : NATIONAL_DEMO.councilTerm,
        howObtained: party ? 'bau_cu' : 'bo_nhiem',
        concurrent,
      });
    });
    const professional: ProfessionalLevel = pickWeighted(random, [
      ['dai_hoc', 76],
      ['thac_si', 20],
      ['tien_si', 0.6],
      ['cao_dang', 1.4],
      ['trung_cap', 2],
    ] as const);
    const theory: PoliticalTheoryLevel = pickWeighted(random, [
      ['trung_cap', leading ? 62 : 86],
      ['cao_cap', leading ? 37 : 10],
      ['so_cap', leading ? 1 : 4],
    ] as const);
    const stateManagement: StateManagementLevel | null = pickWeighted(random, [
      ['chuyen_vien', 70],
      ['chuyen_vien_chinh', leading ? 25 : 10],
      [null, 10],
    ] as const);
    people.push({
      fullName: makeUniqueName(random, { sex, ethnicityCode, region }, taken),
      gender: sex,
      birthDate,
      ethnicityCode,
      religion: religionOf(random, true, region),
      homeTown: homeTown(random),
      partyJoinedOn: dateBetween(random, `${born + 20}-01-01`, `${Math.min(born + 32, 2020)}-12-31`),
      owningUnitId: commune.id,
      posts,
      qualifications: qualificationsFor(
        random,
        birthDate,
        {
          professional,
          major: pickWeighted(random, LEADER_MAJORS),
          theory,
          stateManagement,
          it: chance(random, 0.9),
          foreignLanguage: pickWeighted(random, [
            ['b1', 5],
            ['a2', 3],
            [null, 2],
          ] as const),
        },
        places,
        asOf,
      ),
    });
  }

  for (const seat of staffSeats(random, quota.otherPeople)) {
    people.push(
      staffPerson(random, seat, {
        unitId: commune.id,
        unitValidTo: null,
        asOf,
        places,
        ethnicity: (r) => pickWeighted(r, mix),
        name: (sex, ethnicityCode) => makeUniqueName(random, { sex, ethnicityCode, region }, taken),
        homeTown,
        religion: (r, partyMember) => religionOf(r, partyMember, region),
      }),
    );
  }
  return people;
}
