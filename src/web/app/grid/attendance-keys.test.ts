import { describe, expect, it } from 'vitest';
import { attendanceKeyAction } from './attendance-keys';

describe('attendance grid keys', () => {
  it('sets a status from a digit or the Vietnamese initial, in either case', () => {
    expect(attendanceKeyAction('1', null)).toEqual({ kind: 'set', status: 'present' });
    expect(attendanceKeyAction('C', null)).toEqual({ kind: 'set', status: 'present' });
    expect(attendanceKeyAction('x', null)).toEqual({ kind: 'set', status: 'present' });
    expect(attendanceKeyAction('p', 'present')).toEqual({ kind: 'set', status: 'excused' });
    expect(attendanceKeyAction('3', null)).toEqual({ kind: 'set', status: 'absent' });
    expect(attendanceKeyAction('V', null)).toEqual({ kind: 'set', status: 'absent' });
  });

  it('cycles with space, starting from present, and clears with Delete', () => {
    expect(attendanceKeyAction(' ', null)).toEqual({ kind: 'set', status: 'present' });
    expect(attendanceKeyAction(' ', 'present')).toEqual({ kind: 'set', status: 'excused' });
    expect(attendanceKeyAction(' ', 'absent')).toEqual({ kind: 'set', status: 'present' });
    expect(attendanceKeyAction('Delete', 'absent')).toEqual({ kind: 'set', status: null });
  });

  it('moves with the arrows and Enter, and ignores other keys', () => {
    expect(attendanceKeyAction('ArrowRight', null)).toEqual({ kind: 'move', rows: 0, columns: 1 });
    expect(attendanceKeyAction('Enter', null)).toEqual({ kind: 'move', rows: 1, columns: 0 });
    expect(attendanceKeyAction('q', null)).toBeNull();
    expect(attendanceKeyAction('Tab', null)).toBeNull();
  });
});
