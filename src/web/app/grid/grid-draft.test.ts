import { describe, expect, it } from 'vitest';
import { rebaseDraft } from './grid-draft';

describe('rebaseDraft', () => {
  it('lets untouched cells follow the server and keeps the cells the user changed', () => {
    const before = { a: 'present', b: null, c: 'absent' };
    const draft = { a: 'present', b: 'excused', c: 'absent' };
    const after = { a: 'absent', b: 'present', c: 'present', d: 'present' };
    expect(rebaseDraft(draft, before, after)).toEqual({ a: 'absent', b: 'excused', c: 'present', d: 'present' });
  });

  it('keeps a cell the user cleared', () => {
    expect(rebaseDraft({ a: null }, { a: 'present' }, { a: 'absent' })).toEqual({ a: null });
  });
});
