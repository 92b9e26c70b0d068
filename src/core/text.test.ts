import { describe, it, expect } from 'vitest';
import { compareByGivenName, compareVietnamese, foldForMatching, foldHeader, foldVietnamese, normalizeText, splitVietnameseName } from './text.js';

const nfd = (s: string) => s.normalize('NFD');

describe('normalizeText', () => {
  it('trims and collapses runs of spaces, tabs and newlines', () => {
    expect(normalizeText('  Nguyễn   Văn\t\nAn  ')).toBe('Nguyễn Văn An');
  });

  it('treats non-breaking and other Unicode spaces as spaces', () => {
    expect(normalizeText('Xã\u00A0Quỳnh\u202FSơn\u3000')).toBe('Xã Quỳnh Sơn');
  });

  it('removes zero-width characters and the BOM', () => {
    expect(normalizeText('\uFEFFQuỳnh\u200B Sơn\u200D')).toBe('Quỳnh Sơn');
    expect(normalizeText('Ng\u200Buyễn')).toBe('Nguyễn');
  });

  it('turns NFD input into NFC', () => {
    const decomposed = nfd('Quỳnh Sơn');
    expect(decomposed).not.toBe('Quỳnh Sơn');
    expect(normalizeText(decomposed)).toBe('Quỳnh Sơn');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeText(' \u00A0\u200B ')).toBe('');
  });
});

describe('foldVietnamese', () => {
  it('makes "quynh son" match "Quỳnh Sơn"', () => {
    expect(foldVietnamese('Quỳnh Sơn')).toBe('quynh son');
    expect(foldVietnamese('Quỳnh Sơn')).toBe(foldVietnamese('quynh son'));
  });

  it('folds NFD input exactly like NFC input', () => {
    for (const s of ['Quỳnh Sơn', 'Nghĩa Hưng', 'Lạng Giang', 'Hoàng Minh Thành', 'Đảng ủy', 'Yên Dũng']) {
      expect(foldVietnamese(nfd(s))).toBe(foldVietnamese(s));
    }
  });

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  it('maps the look-alike Ð left by legacy font conversion to d', () => {
    expect(foldVietnamese('Ðảng ủy')).toBe('dang uy');
  });

  it('folds every tone on every vowel', () => {
    expect(foldVietnamese('àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy',
    );
  });

  it('folds old-style and new-style tone placement alike (hoà / hòa, thuỷ / thủy)', () => {
    expect(foldVietnamese('Hoà Bình')).toBe(foldVietnamese('Hòa Bình'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
  });

  it('collapses spaces, including non-breaking spaces', () => {
    expect(foldVietnamese('  Xã\u00A0 Quảng   Minh ')).toBe('xa quang minh');
  });
});

describe('foldHeader', () => {
  it('ignores case, diacritics, spacing and punctuation', () => {
    expect(foldHeader('Họ và tên')).toBe('hovaten');
    expect(foldHeader('HỌ VÀ TÊN')).toBe('hovaten');
    expect(foldHeader(' Họ  và\u00A0tên: ')).toBe('hovaten');
    expect(foldHeader('Ngày sinh (dd/mm/yyyy)')).toBe('ngaysinhddmmyyyy');
    expect(foldHeader('Trình độ chuyên môn*')).toBe(foldHeader('trinh do chuyen mon'));
  });

  it('treats NFD headers like NFC headers', () => {
    expect(foldHeader(nfd('Lý luận chính trị'))).toBe('lyluanchinhtri');
  });

  it('keeps digits', () => {
    expect(foldHeader('STT 2')).toBe('stt2');
  });
});

describe('foldForMatching', () => {
  it('keeps dotted abbreviations as one word', () => {
    expect(foldForMatching('Th.S')).toBe('ths');
    expect(foldForMatching('P.CT UBND')).toBe('pct ubnd');
  });

  it('turns other punctuation into single spaces', () => {
    expect(foldForMatching('Địa chính - xây dựng')).toBe('dia chinh xay dung');
    expect(foldForMatching('Cao cấp (LLCT)')).toBe('cao cap llct');
    expect(foldForMatching(' ĐH-Luật, ')).toBe('dh luat');
  });

  it('keeps the slash of "12/12"', () => {
    expect(foldForMatching('12/12')).toBe('12/12');
  });

  it('treats NFD input like NFC input', () => {
    expect(foldForMatching('Phó Bí thư Đảng ủy'.normalize('NFD'))).toBe('pho bi thu dang uy');
  });
});

describe('compareVietnamese', () => {
  it('sorts by the Vietnamese alphabet: a ă â … d đ … e ê', () => {
    const sorted = ['Đức', 'Dũng', 'Ân', 'An', 'Ê', 'E', 'Bình'].sort(compareVietnamese);
    expect(sorted).toEqual(['An', 'Ân', 'Bình', 'Dũng', 'Đức', 'E', 'Ê']);
  });

  it('sorts numbers inside names naturally', () => {
    expect(['Thôn 10', 'Thôn 2', 'Thôn 1'].sort(compareVietnamese)).toEqual(['Thôn 1', 'Thôn 2', 'Thôn 10']);
  });
});

describe('splitVietnameseName', () => {
  it('takes the last word as the given name and the first as the family name', () => {
    expect(splitVietnameseName('Hoàng Minh Thành')).toEqual({ family: 'Hoàng', middle: 'Minh', given: 'Thành' });
    expect(splitVietnameseName('Nguyễn Thị Thu Hà')).toEqual({ family: 'Nguyễn', middle: 'Thị Thu', given: 'Hà' });
  });

  it('handles two-word and one-word names', () => {
    expect(splitVietnameseName('Lê Lợi')).toEqual({ family: 'Lê', middle: '', given: 'Lợi' });
    expect(splitVietnameseName('Hùng')).toEqual({ family: '', middle: '', given: 'Hùng' });
  });

  it('normalises spacing and NFD before splitting', () => {
    expect(splitVietnameseName(nfd('  Trần\u00A0 Văn   Nam '))).toEqual({ family: 'Trần', middle: 'Văn', given: 'Nam' });
  });

  it('returns empty parts for a blank name', () => {
    expect(splitVietnameseName('  ')).toEqual({ family: '', middle: '', given: '' });
  });
});

describe('compareByGivenName', () => {
  it('orders a list by given name (An < Anh < Ân < Bình), then by full name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn Bình', 'Đỗ Đức Anh', 'Phạm Thị Ân'];
    expect([...names].sort(compareByGivenName)).toEqual(['Nguyễn Thị An', 'Đỗ Đức Anh', 'Phạm Thị Ân', 'Lê Văn Bình', 'Trần Văn Bình']);
  });

  it('does not let NFD input change the order', () => {
    expect(compareByGivenName(nfd('Lê Văn Bình'), 'Lê Văn Bình')).toBe(0);
  });
});
