/**
 * Reads what an official typed in a score cell: Vietnamese write "7,5", others "7.5";
 * both mean seven and a half. The answer is the text the number input parses, not a
 * number, so that an emptied cell stays empty (no score yet) instead of becoming NaN.
 */
export function normalizeScoreText(typed: string | undefined): string {
  return (typed ?? '').replace(',', '.').replace(/[^\d.-]/g, '');
}

/** A stored score as the cell shows it: 7.5 is "7,5" in Vietnamese, and 8 is "8", not "8,00". */
export function formatScoreText(value: number | string | undefined, decimalMark: ',' | '.'): string {
  if (value === undefined || value === '') return '';
  const score = Number(value);
  return Number.isNaN(score) ? String(value) : String(score).replace('.', decimalMark);
}
