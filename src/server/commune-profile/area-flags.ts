import type { AreaFlag } from './commune-profile.tables.js';

/** Relaxed standards (Decree 33/2023, art. 8) apply outside the plains. */
export function isDisadvantagedArea(flags: readonly AreaFlag[]): boolean {
  return flags.length > 0 && !flags.includes('dong_bang');
}
