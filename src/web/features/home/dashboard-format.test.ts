import { describe, expect, it } from 'vitest';
import { describeFigures, formatCount, formatShare } from './dashboard-format';

const BAC_GIANG = {
  scope: 'key' as const,
  totalPeople: 1219,
  meeting: 1200,
  meetingShare: 1200 / 1219,
  universityOrHigher: 1212,
  postgraduate: 180,
  advancedPoliticalTheory: 76,
};

describe('dashboard number formatting', () => {
  it('writes Vietnamese thousands with a dot and decimals with a comma', () => {
    expect(formatCount(1219, 'vi')).toBe('1.219');
    expect(formatShare(1212 / 1219, 'vi')).toBe('99,4%');
    expect(formatShare(1, 'vi')).toBe('100%');
    expect(formatCount(1219, 'en')).toBe('1,219');
    expect(formatShare(1212 / 1219, 'en')).toBe('99.4%');
    expect(formatShare(null, 'vi')).toBe('—');
  });

  it('writes the figures as the article does, in Vietnamese and in English', () => {
    expect(describeFigures(BAC_GIANG, 'vi')).toBe(
      '1.219 cán bộ chủ chốt, 1.212 người có trình độ từ đại học trở lên (99,4%), trong đó 180 người có trình độ sau đại học; ' +
        '76 người có trình độ cao cấp, cử nhân lý luận chính trị; 1.200/1.219 người (98,4%) đạt chuẩn chức danh.',
    );
    expect(describeFigures(BAC_GIANG, 'en')).toBe(
      '1,219 key cadres, 1,212 with a university degree or higher (99.4%), of whom 180 postgraduate; ' +
        '76 with advanced or bachelor political theory; 1,200 of 1,219 (98.4%) meet the standard for their post.',
    );
  });

  it('leaves out the clauses whose count is zero but keeps "0/n" meeting the standard', () => {
    const smallCommune = {
      scope: 'key' as const,
      totalPeople: 4,
      meeting: 0,
      meetingShare: 0,
      universityOrHigher: 3,
      postgraduate: 0,
      advancedPoliticalTheory: 0,
    };
    expect(describeFigures(smallCommune, 'vi')).toBe('4 cán bộ chủ chốt, 3 người có trình độ từ đại học trở lên (75%); 0/4 người (0%) đạt chuẩn chức danh.');
    expect(describeFigures(smallCommune, 'en')).toBe('4 key cadres, 3 with a university degree or higher (75%); 0 of 4 (0%) meet the standard for their post.');
    expect(describeFigures({ ...smallCommune, universityOrHigher: 0, advancedPoliticalTheory: 1, meeting: 1, meetingShare: 0.25 }, 'vi')).toBe(
      '4 cán bộ chủ chốt; 1 người có trình độ cao cấp, cử nhân lý luận chính trị; 1/4 người (25%) đạt chuẩn chức danh.',
    );
  });

  it('says nobody held a post rather than writing zeros', () => {
    expect(
      describeFigures(
        { ...BAC_GIANG, totalPeople: 0, meeting: 0, meetingShare: null, universityOrHigher: 0, postgraduate: 0, advancedPoliticalTheory: 0 },
        'vi',
      ),
    ).toBe('Chưa có cán bộ chủ chốt nào giữ chức vụ vào ngày này.');
  });
});
