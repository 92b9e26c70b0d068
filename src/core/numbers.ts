// Vietnamese writes '.' between thousands and ',' before decimals: 1.219 and 99,4%.
const countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percentFormats = new Map<number, Intl.NumberFormat>();

/** Shown where a share has no meaning because its total is zero. */
export const NO_VALUE = '—';

export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** `share` is a fraction: 0.9943 → '99,4%' with one decimal. */
export function formatPercent(share: number | null, fractionDigits = 0): string {
  if (share === null || !Number.isFinite(share)) return NO_VALUE;
  let format = percentFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', {
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    percentFormats.set(fractionDigits, format);
  }
  return format.format(share);
}

/**
 * part / whole, or null when whole is 0: a commune with no key cadres has no
 * "share meeting the standard", and showing 0% would read as a failure.
 */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
