/** A mark on an attendance grid: a class session (training) or a party-cell meeting (standing members). */
export type AttendanceMark = 'present' | 'excused' | 'absent';

/**
 * Keys of the attendance grid. Digits work on any keyboard layout; the
 * letters are the Vietnamese initials: C = có mặt, P = vắng có phép,
 * V = vắng (không phép); X is present too, as ticked on a paper register and
 * in the spreadsheet import. Space cycles through the three, Delete clears.
 */
const STATUS_OF_KEY: Record<string, AttendanceMark> = {
  '1': 'present',
  c: 'present',
  x: 'present',
  '2': 'excused',
  p: 'excused',
  '3': 'absent',
  v: 'absent',
};

const CYCLE: readonly AttendanceMark[] = ['present', 'excused', 'absent'];

/** The status after `current` when the cell is clicked or Space is pressed. */
export function cycledStatus(current: AttendanceMark | null): AttendanceMark {
  return current === null ? 'present' : (CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length] ?? 'present');
}

export type AttendanceKeyAction = { kind: 'set'; status: AttendanceMark | null } | { kind: 'move'; rows: number; columns: number } | null;

export function attendanceKeyAction(key: string, current: AttendanceMark | null): AttendanceKeyAction {
  const status = STATUS_OF_KEY[key.toLowerCase()];
  if (status) return { kind: 'set', status };
  switch (key) {
    case ' ':
      return { kind: 'set', status: cycledStatus(current) };
    case 'Delete':
    case 'Backspace':
      return { kind: 'set', status: null };
    case 'ArrowUp':
      return { kind: 'move', rows: -1, columns: 0 };
    case 'ArrowDown':
    case 'Enter':
      return { kind: 'move', rows: 1, columns: 0 };
    case 'ArrowLeft':
      return { kind: 'move', rows: 0, columns: -1 };
    case 'ArrowRight':
      return { kind: 'move', rows: 0, columns: 1 };
    default:
      return null;
  }
}
