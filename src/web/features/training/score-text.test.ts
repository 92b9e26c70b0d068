import { describe, expect, it } from 'vitest';
import { formatScoreText, normalizeScoreText } from './score-text';

describe('normalizeScoreText', () => {
  it('reads a Vietnamese decimal comma and a decimal point alike', () => {
    expect(normalizeScoreText('7,5')).toBe('7.5');
    expect(normalizeScoreText('7.5')).toBe('7.5');
    expect(normalizeScoreText(' 8,25 ')).toBe('8.25');
    expect(normalizeScoreText('10')).toBe('10');
  });

  it('keeps a half-typed number and an emptied cell as they are', () => {
    expect(normalizeScoreText('7,')).toBe('7.');
    expect(normalizeScoreText('')).toBe('');
    expect(normalizeScoreText(undefined)).toBe('');
  });
});

describe('formatScoreText', () => {
  it('shows a score with the decimal mark of the language and no padding zeros', () => {
    expect(formatScoreText(7.5, ',')).toBe('7,5');
    expect(formatScoreText('8.00', ',')).toBe('8');
    expect(formatScoreText(7.25, '.')).toBe('7.25');
    expect(formatScoreText(undefined, ',')).toBe('');
  });
});
