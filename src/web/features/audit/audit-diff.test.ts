import { describe, expect, it } from 'vitest';
import { compareSnapshots } from './audit-diff';

describe('compareSnapshots', () => {
  it('marks only the fields an update changed', () => {
    const changes = compareSnapshots({ fullName: 'Nguyễn Văn An', role: 'commune' }, { fullName: 'Nguyễn Văn An', role: 'district' });
    expect(changes).toEqual([
      { field: 'fullName', before: 'Nguyễn Văn An', after: 'Nguyễn Văn An', changed: false },
      { field: 'role', before: 'commune', after: 'district', changed: true },
    ]);
  });

  it('treats every field of a created record as changed', () => {
    expect(compareSnapshots(null, { disabled: false })).toEqual([{ field: 'disabled', before: undefined, after: false, changed: true }]);
  });

  it('compares nested values by content, not identity', () => {
    expect(compareSnapshots({ unit: { id: '1' } }, { unit: { id: '1' } })[0]?.changed).toBe(false);
  });
});
