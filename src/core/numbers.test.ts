import { describe, it, expect } from 'vitest';
import { NO_VALUE, formatCount, formatPercent, ratio } from './numbers.js';

describe('formatCount', () => {
  it('groups thousands with a dot, as in the Bắc Giang report', () => {
    expect(formatCount(1219)).toBe('1.219');
    expect(formatCount(1212)).toBe('1.212');
    expect(formatCount(10035)).toBe('10.035');
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it('leaves small numbers and zero alone', () => {
    expect(formatCount(92)).toBe('92');
    expect(formatCount(0)).toBe('0');
  });

  it('shows negative counts with a minus sign', () => {
    expect(formatCount(-1219)).toBe('-1.219');
  });
});

describe('formatPercent', () => {
  it('uses a decimal comma', () => {
    expect(formatPercent(0.9943, 1)).toBe('99,4%');
    expect(formatPercent(1212 / 1219, 1)).toBe('99,4%');
    expect(formatPercent(0.94, 0)).toBe('94%');
  });

  it('rounds to the requested number of decimals and pads with zeros', () => {
    expect(formatPercent(1, 1)).toBe('100,0%');
    expect(formatPercent(0.12345, 2)).toBe('12,35%');
    expect(formatPercent(0.5)).toBe('50%');
  });

  it('shows a dash when there is no share', () => {
    expect(formatPercent(null)).toBe(NO_VALUE);
    expect(formatPercent(Number.NaN, 1)).toBe(NO_VALUE);
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(92, 92)).toBe(1);
    expect(ratio(6, 8)).toBe(0.75);
    expect(ratio(0, 5)).toBe(0);
  });

  it('is null, not NaN or 0, when the total is zero', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(formatPercent(ratio(0, 0), 1)).toBe('—');
  });
});
