import { pick, pickWeighted, type Random } from './random.js';

/*
 * Vietnamese personal names for the demo. Kinh family names follow their
 * usual national shares (Nguyễn about 38%, then Trần, Lê, Phạm, Hoàng/Huỳnh,
 * Phan, Vũ/Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý…), with the northern
 * spellings Hoàng/Vũ in the north and Huỳnh/Võ in the south, and the family
 * names typical of Bắc Giang (Thân, Giáp) there. Ethnic minorities get the
 * family names and name patterns of their own group.
 */

export type Sex = 'nam' | 'nu';
export type Region = 'bac_giang' | 'north' | 'central' | 'south';

type Weighted = readonly (readonly [string, number])[];

const KINH_COMMON: Weighted = [
  ['Nguyễn', 38],
  ['Trần', 10],
  ['Lê', 8.5],
  ['Phạm', 6.5],
  ['Phan', 3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.6],
  ['Hồ', 1.3],
  ['Ngô', 1.5],
  ['Dương', 1.3],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Trịnh', 0.8],
  ['Đào', 0.9],
  ['Mai', 0.6],
  ['Cao', 0.5],
  ['Tạ', 0.5],
  ['Lưu', 0.5],
  ['Đoàn', 0.6],
  ['Trương', 0.8],
  ['Hà', 0.8],
  ['Lương', 0.6],
];

const KINH_BY_REGION: Readonly<Record<Region, Weighted>> = {
  bac_giang: [...KINH_COMMON, ['Hoàng', 5], ['Vũ', 4], ['Thân', 3], ['Giáp', 1.2], ['Chu', 0.8], ['Nghiêm', 0.5], ['Ong', 0.3], ['Khổng', 0.3], ['Đàm', 0.3]],
  north: [...KINH_COMMON, ['Hoàng', 5], ['Vũ', 4], ['Chu', 0.6], ['Nghiêm', 0.4], ['Khuất', 0.2], ['Kiều', 0.3], ['Tô', 0.4]],
  central: [...KINH_COMMON, ['Hoàng', 3], ['Huỳnh', 2], ['Võ', 3.5], ['Vũ', 0.5], ['Thái', 0.5], ['Văn', 0.3], ['Tôn', 0.2], ['Hồ', 1.5]],
  south: [...KINH_COMMON, ['Huỳnh', 5], ['Võ', 4], ['Hoàng', 0.3], ['Lâm', 0.9], ['Châu', 0.6], ['Thái', 0.4], ['Quách', 0.3]],
};

const KINH_MIDDLE: Readonly<Record<Sex, Weighted>> = {
  nam: [
    ['Văn', 38],
    ['Đức', 8],
    ['Minh', 7],
    ['Quang', 5],
    ['Hữu', 5],
    ['Xuân', 4],
    ['Thanh', 4],
    ['Đình', 4],
    ['Ngọc', 3],
    ['Tiến', 3],
    ['Công', 3],
    ['Duy', 3],
    ['Thế', 3],
    ['Quốc', 3],
    ['Mạnh', 3],
    ['Hồng', 2],
    ['Trung', 2],
    ['Việt', 2],
    ['Trọng', 2],
    ['Anh', 1.5],
    ['Bá', 1],
    ['Kim', 1],
  ],
  nu: [
    ['Thị', 62],
    ['Thu', 5],
    ['Thanh', 5],
    ['Ngọc', 4],
    ['Hồng', 4],
    ['Kim', 3],
    ['Minh', 3],
    ['Phương', 3],
    ['Thúy', 2],
    ['Hải', 2],
    ['Bích', 2],
    ['Thùy', 2],
    ['Diệu', 1],
    ['Mai', 1],
    ['Lan', 1],
  ],
};

const KINH_GIVEN: Readonly<Record<Sex, readonly string[]>> = {
  nam: [
    'Hùng',
    'Dũng',
    'Tuấn',
    'Thắng',
    'Hải',
    'Sơn',
    'Thành',
    'Long',
    'Hưng',
    'Cường',
    'Minh',
    'Nam',
    'Trung',
    'Quân',
    'Hoàng',
    'Khánh',
    'Bình',
    'Tùng',
    'Việt',
    'Đức',
    'Hiếu',
    'Huy',
    'Phong',
    'Quang',
    'Toàn',
    'Tiến',
    'Thịnh',
    'Lâm',
    'Tâm',
    'Chiến',
    'Giang',
    'Hòa',
    'Lợi',
    'Nghĩa',
    'Phúc',
    'Quyết',
    'Thuận',
    'Trường',
    'Vinh',
    'Chung',
    'Công',
    'Kiên',
    'Mạnh',
    'Thanh',
    'Tú',
    'Tuyên',
    'Hiệp',
    'Định',
    'Hậu',
    'Luân',
    'Ngọc',
    'Phương',
    'Sáng',
    'Thái',
    'Thao',
    'Thọ',
    'Trọng',
    'Tuệ',
    'Văn',
    'Vượng',
    'Bắc',
    'Duy',
    'Điệp',
    'Hạnh',
    'Khải',
    'Khoa',
    'Lực',
    'Nhất',
    'Quý',
    'Thư',
    'Triều',
    'Tuân',
    'Hoan',
    'Hợp',
    'Đông',
  ],
  nu: [
    'Hương',
    'Lan',
    'Hoa',
    'Hà',
    'Thủy',
    'Hằng',
    'Nga',
    'Huyền',
    'Trang',
    'Linh',
    'Mai',
    'Phương',
    'Thảo',
    'Yến',
    'Oanh',
    'Nhung',
    'Hạnh',
    'Loan',
    'Thu',
    'Hiền',
    'Dung',
    'Ngọc',
    'Vân',
    'Liên',
    'Thanh',
    'Quyên',
    'Tuyết',
    'Hồng',
    'Thúy',
    'Giang',
    'Ly',
    'Anh',
    'Chi',
    'Duyên',
    'Hải',
    'Huệ',
    'Lệ',
    'Lụa',
    'Minh',
    'Nguyệt',
    'Nhàn',
    'Phượng',
    'Quỳnh',
    'Tâm',
    'Thoa',
    'Trà',
    'Uyên',
    'Xuân',
    'Yên',
    'Dịu',
    'Hậu',
    'Lài',
    'Ngân',
    'Tươi',
    'Vui',
  ],
};

const SOUTHERN_GIVEN: Readonly<Record<Sex, readonly string[]>> = {
  nam: [...KINH_GIVEN.nam, 'Phước', 'Lộc', 'Tài', 'Thiện', 'Nhân', 'Trí', 'Khang', 'Tấn', 'Phát', 'Nhựt', 'Tánh', 'Hoài'],
  nu: [...KINH_GIVEN.nu, 'Nhi', 'Trinh', 'Diễm', 'Kiều', 'Thơ', 'Mỹ', 'Ngọc Hân', 'Bảo Trân', 'Cẩm', 'Thắm'],
};

interface NamingStyle {
  families: Weighted;
  middle: Readonly<Record<Sex, Weighted>>;
  given: Readonly<Record<Sex, readonly string[]>>;
  /** Highland groups of the Central Highlands write the clan name last: "Y Bhim Niê", "H'Hen Niê". */
  clanLast?: { prefix: Readonly<Record<Sex, string>> };
}

const NO_MIDDLE: Weighted = [['', 1]];

function kinhLike(families: Weighted): NamingStyle {
  return { families, middle: KINH_MIDDLE, given: KINH_GIVEN };
}

const TAY_NUNG = kinhLike([
  ['Hoàng', 15],
  ['Nông', 12],
  ['Lương', 8],
  ['Vi', 6],
  ['Hà', 6],
  ['Nguyễn', 6],
  ['Lăng', 5],
  ['Triệu', 5],
  ['Lục', 4],
  ['La', 4],
  ['Lâm', 4],
  ['Đàm', 4],
  ['Bế', 4],
  ['Chu', 3],
  ['Mã', 3],
  ['Hứa', 3],
  ['Ma', 3],
  ['Dương', 3],
  ['Đinh', 2],
  ['Linh', 1],
]);

const STYLES: Readonly<Record<string, NamingStyle>> = {
  // Tày, Nùng, Sán Chay, Giáy
  '02': TAY_NUNG,
  '07': TAY_NUNG,
  '15': kinhLike([
    ['Hoàng', 15],
    ['Lâm', 12],
    ['La', 10],
    ['Trần', 8],
    ['Diệp', 6],
    ['Lý', 6],
    ['Nịnh', 5],
    ['Đặng', 5],
    ['Hà', 5],
    ['Lưu', 4],
  ]),
  '25': kinhLike([
    ['Hoàng', 15],
    ['Lò', 10],
    ['Vương', 8],
    ['Lục', 8],
    ['Sần', 6],
    ['Ly', 5],
    ['Hà', 5],
  ]),
  // Thái, Khơ Mú, Lào, Lự
  '03': kinhLike([
    ['Lò', 20],
    ['Lường', 10],
    ['Quàng', 10],
    ['Cầm', 10],
    ['Hà', 8],
    ['Tòng', 6],
    ['Điêu', 6],
    ['Vì', 6],
    ['Vi', 5],
    ['Bạc', 4],
    ['Lèo', 4],
    ['Sầm', 3],
    ['Mè', 3],
    ['Lộc', 3],
  ]),
  '29': kinhLike([
    ['Lò', 20],
    ['Vi', 15],
    ['Quàng', 12],
    ['Cụt', 10],
    ['Lầu', 8],
    ['Lô', 8],
    ['Moong', 6],
  ]),
  // Mường
  '06': kinhLike([
    ['Bùi', 35],
    ['Đinh', 25],
    ['Quách', 12],
    ['Hà', 10],
    ['Nguyễn', 8],
    ['Xa', 5],
    ['Cao', 5],
  ]),
  // Mông
  '08': {
    families: [
      ['Giàng', 18],
      ['Vàng', 18],
      ['Sùng', 14],
      ['Thào', 14],
      ['Lý', 10],
      ['Hầu', 6],
      ['Mùa', 6],
      ['Sình', 4],
      ['Lầu', 4],
      ['Cứ', 3],
      ['Hạng', 3],
    ],
    middle: {
      nam: [
        ['A', 45],
        ['Seo', 20],
        ['Văn', 25],
        ['Chứ', 10],
      ],
      nu: [
        ['Thị', 60],
        ['Mí', 25],
        ['Mỷ', 15],
      ],
    },
    given: {
      nam: ['Páo', 'Chứ', 'Dình', 'Sử', 'Tủa', 'Pó', 'Chúng', 'Lử', 'Sính', 'Thề', 'Chư', 'Vần', 'Mua', 'Dế', 'Nhè', 'Sình', 'Chá', 'Lềnh'],
      nu: ['Mỷ', 'Dợ', 'Máy', 'Súa', 'Chía', 'Pàng', 'Sua', 'Mai', 'Dung', 'Ly', 'Cở', 'Dở', 'Xí'],
    },
  },
  // Dao
  '09': {
    families: [
      ['Triệu', 30],
      ['Bàn', 20],
      ['Đặng', 20],
      ['Lý', 12],
      ['Chảo', 8],
      ['Phùn', 5],
      ['Tẩn', 5],
    ],
    middle: {
      nam: [
        ['Văn', 55],
        ['Tài', 15],
        ['Kim', 10],
        ['Phúc', 10],
        ['Quý', 10],
      ],
      nu: [
        ['Thị', 80],
        ['Mùi', 10],
        ['Kim', 10],
      ],
    },
    given: {
      nam: ['Chòi', 'Phin', 'Quẩy', 'Sành', 'Vần', 'Tiến', 'Lưu', 'Phú', 'Dào', 'Hin', 'Kiềm', 'Lịn', 'Thanh', 'Sơn', 'Hùng'],
      nu: ['Mẩy', 'Nhất', 'Slam', 'Nái', 'Liên', 'Thu', 'Hương', 'Xuân', 'Mai', 'Dung'],
    },
  },
  // Hoa, Sán Dìu, Ngái
  '04': kinhLike([
    ['Lý', 12],
    ['Lâm', 12],
    ['Tạ', 8],
    ['Lưu', 8],
    ['Trương', 10],
    ['Quách', 6],
    ['Mạch', 5],
    ['Hà', 5],
    ['Dương', 6],
    ['Hứa', 5],
    ['Diệp', 5],
    ['Lư', 4],
  ]),
  '18': kinhLike([
    ['Trương', 14],
    ['Diệp', 12],
    ['Lý', 10],
    ['Tạ', 8],
    ['Dương', 10],
    ['Lam', 8],
    ['Hoàng', 8],
    ['Đàm', 5],
    ['Vi', 4],
    ['Lục', 4],
    ['Nguyễn', 6],
  ]),
  '11': kinhLike([
    ['Trương', 12],
    ['Lý', 10],
    ['Hoàng', 8],
    ['Lưu', 8],
    ['Dương', 8],
  ]),
  // Khmer
  '05': {
    families: [
      ['Thạch', 25],
      ['Sơn', 18],
      ['Danh', 15],
      ['Kim', 10],
      ['Chau', 10],
      ['Lâm', 7],
      ['Lý', 5],
      ['Trần', 5],
    ],
    middle: {
      nam: [
        ['', 60],
        ['Văn', 25],
        ['Sô', 15],
      ],
      nu: [
        ['Thị', 75],
        ['', 25],
      ],
    },
    given: {
      nam: ['Phanh', 'Ra', 'Sa Rin', 'Sóc', 'Sà Ry', 'Út', 'Vĩnh', 'Sa Rây', 'Phol', 'Sang', 'Mến', 'Chanh', 'Đa Ra', 'Thươl', 'Chiêm'],
      nu: ['Sa Rươl', 'Ngọc Hân', 'Sa Ly', 'Phương', 'Mỹ', 'Thanh', 'Sóc Ny', 'Kim Hoa', 'Chanh Thu', 'Sà Rết', 'Mai'],
    },
  },
  // Chăm
  '17': kinhLike([
    ['Đàng', 25],
    ['Thuận', 15],
    ['Lưu', 10],
    ['Quảng', 10],
    ['Châu', 10],
    ['Trượng', 8],
    ['Bá', 8],
    ['Thập', 5],
    ['Lộ', 5],
  ]),
  // Highland groups that write the clan name last
  '12': {
    families: [
      ['Niê', 20],
      ['Êban', 15],
      ['Mlô', 10],
      ['Ayũn', 8],
      ['Byă', 8],
      ['Knul', 6],
      ['Ksơr', 8],
      ['Adrơng', 6],
      ['Hwing', 5],
      ['Mdrang', 5],
      ['Kđoh', 4],
    ],
    middle: { nam: NO_MIDDLE, nu: NO_MIDDLE },
    given: {
      nam: ['Bhim', 'Ngọc', 'Khu', 'Jing', 'Thông', 'Wai', 'Krăk', 'Blin', 'Kô', 'Phi', 'Hoan', 'Biên', 'Dhăm', 'Suôn'],
      nu: ['Hen', 'Linh', 'Lan', 'Bli', 'Nhi', 'Ni', 'Dun', 'Yam', 'Bliang', 'Hoa', 'Lê'],
    },
    clanLast: { prefix: { nam: 'Y ', nu: "H'" } },
  },
  '20': {
    families: [
      ['Bya', 20],
      ['Nđơr', 15],
      ['Kđơr', 12],
      ['Niê', 10],
      ['Bon', 10],
      ['Jơ Jrăng', 8],
    ],
    middle: { nam: NO_MIDDLE, nu: NO_MIDDLE },
    given: { nam: ['Kiệt', 'Khim', 'Lanh', 'Thuy', 'Bril', 'Dju', 'Phơl'], nu: ['Liên', 'Hương', 'Bluyn', 'Drim', 'Ngơn'] },
    clanLast: { prefix: { nam: 'Y ', nu: "H'" } },
  },
  // Gia Rai
  '10': {
    families: [
      ['Ksor', 18],
      ['Rơ Mah', 15],
      ['Siu', 15],
      ['Rơ Châm', 8],
      ['Nay', 8],
      ['Kpă', 8],
      ['Puih', 6],
      ['Rah Lan', 5],
      ['Đinh', 5],
    ],
    middle: {
      nam: [
        ['', 60],
        ['Văn', 40],
      ],
      nu: [
        ['Thị', 50],
        ['', 50],
      ],
    },
    given: {
      nam: ['Krih', 'Blih', 'Dưk', 'Hoan', 'Tơ', 'Dơn', 'Hyang', 'Thuyên', 'Chuân', 'Phôn', 'Kơl'],
      nu: ['Lim', 'Hoa', 'Ngơi', 'Bơi', 'Dung', 'Hlan', 'Nhi', 'Ang'],
    },
  },
  // Ba Na, Xơ Đăng, Hrê, Giẻ - Triêng: "Đinh Văn Nhơi", "A Thút", "Y Hoa"
  '13': kinhLike([
    ['Đinh', 40],
    ['A', 25],
    ['Y', 10],
    ['Phạm', 10],
    ['Hồ', 8],
    ['Võ', 7],
  ]),
  '14': kinhLike([
    ['A', 30],
    ['Đinh', 20],
    ['Y', 10],
    ['Hồ', 20],
    ['Võ', 10],
    ['Trần', 10],
  ]),
  '19': kinhLike([
    ['Đinh', 45],
    ['Phạm', 30],
    ['Hồ', 10],
    ['Nguyễn', 15],
  ]),
  '27': kinhLike([
    ['A', 30],
    ['Hồ', 25],
    ['Đinh', 15],
    ['Y', 10],
    ['Nguyễn', 20],
  ]),
  // Cơ Ho, Mạ, Xtiêng, Chơ Ro
  '16': {
    families: [
      ["K'", 30],
      ['Ka', 25],
      ['Cil', 15],
      ['Liêng', 10],
      ['Kră Jăn', 10],
      ['Bon Đing', 10],
    ],
    middle: {
      nam: NO_MIDDLE,
      nu: [
        ['', 70],
        ['Thị', 30],
      ],
    },
    given: { nam: ['Brừm', 'Bròn', 'Brel', 'Điệp', 'Sơn', 'Tuyên', 'Nhuận', 'Lanh'], nu: ['Huệ', 'Thin', 'Hồng', 'Ly', 'Thúy', 'Nhung'] },
  },
  '28': kinhLike([
    ['Điểu', 40],
    ['Ka', 20],
    ['Ma', 20],
    ['Nguyễn', 20],
  ]),
  '22': kinhLike([
    ['Điểu', 60],
    ['Thị', 10],
    ['Lâm', 15],
    ['Nguyễn', 15],
  ]),
  '32': kinhLike([
    ['Điểu', 40],
    ['Lâm', 20],
    ['Thị', 10],
    ['Nguyễn', 30],
  ]),
  // Cơ Tu, Tà Ôi, Bru - Vân Kiều
  '26': kinhLike([
    ['Bhling', 18],
    ['Zơrâm', 15],
    ['Alăng', 15],
    ['Bríu', 12],
    ['Clâu', 10],
    ['Ploong', 10],
    ['Hốih', 10],
    ['Arất', 10],
  ]),
  '31': kinhLike([
    ['Hồ', 30],
    ['Kăn', 15],
    ['Pả', 15],
    ['Nguyễn', 20],
    ['Lê', 10],
    ['Quỳnh', 10],
  ]),
  '23': kinhLike([
    ['Hồ', 60],
    ['Lê', 15],
    ['Nguyễn', 15],
    ['Trần', 10],
  ]),
  // Ra Glai
  '21': kinhLike([
    ['Chamaléa', 40],
    ['Katơr', 20],
    ['Pi Năng', 15],
    ['Mấu', 15],
    ['Bo Bo', 10],
  ]),
  // Hà Nhì and other small northern groups
  '35': kinhLike([
    ['Lỳ', 25],
    ['Chu', 20],
    ['Pờ', 15],
    ['Lò', 15],
    ['Phìn', 10],
    ['Ly', 15],
  ]),
};

function familyNames(ethnicityCode: string, region: Region): NamingStyle {
  const style = STYLES[ethnicityCode];
  if (style) return style;
  return {
    families: KINH_BY_REGION[region],
    middle: KINH_MIDDLE,
    given: region === 'south' ? SOUTHERN_GIVEN : KINH_GIVEN,
  };
}

/** One full name, NFC, at least two words. */
export function makeName(random: Random, input: { sex: Sex; ethnicityCode: string; region: Region }): string {
  const style = familyNames(input.ethnicityCode, input.region);
  const family = pickWeighted(random, style.families);
  const middle = pickWeighted(random, style.middle[input.sex]);
  const given = pick(random, style.given[input.sex]);
  if (style.clanLast) return `${style.clanLast.prefix[input.sex]}${given} ${family}`.normalize('NFC');
  return [family, middle, given]
    .filter((part) => part !== '')
    .join(' ')
    .normalize('NFC');
}

/** A name not yet used in `taken` (one commune's team): draws again, then falls back to adding a middle name. */
export function makeUniqueName(random: Random, input: { sex: Sex; ethnicityCode: string; region: Region }, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = makeName(random, input);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const base = makeName(random, input).split(' ');
  const extra = pickWeighted(random, KINH_MIDDLE[input.sex]);
  const name = [base[0], extra, ...base.slice(1)].join(' ');
  taken.add(name);
  return name;
}
