/** Messages of the succession-planning screens; `successionEn` must carry the same keys. */
export const successionVi = {
  'succession.tab': 'Quy hoạch',
  'succession.term': 'Nhiệm kỳ',
  'succession.unitHint': 'Chọn một xã, phường để xem quy hoạch các chức danh chủ chốt.',
  'succession.termStarts': 'Nhiệm kỳ {term}, tính từ ngày {date}',
  'succession.rules':
    'Tối đa {perTitle} người cho một chức danh, một người tối đa {titles} chức danh cùng cấp; còn ít nhất {months} tháng công tác khi bắt đầu nhiệm kỳ. {basis}',
  'succession.structure':
    'Cơ cấu: {people} người; nữ {women} ({womenShare}, chỉ tiêu ≥ {womenTarget}); trẻ dưới {youngAge} tuổi {young} ({youngShare}, chỉ tiêu ≥ {youngTarget}); dân tộc thiểu số {minority} ({minorityShare}).',
  'succession.gap': 'Chưa đủ nguồn',
  'succession.none': 'Chưa có ai trong quy hoạch',
  'succession.add': 'Đưa vào quy hoạch',
  'succession.added': 'Đã đưa vào quy hoạch',
  'succession.remove': 'Đưa ra',
  'succession.removed': 'Đã đưa ra khỏi quy hoạch',
  'succession.removedOn': 'Đưa ra ngày {date}: {reason}',
  'succession.addedOn': 'Đưa vào ngày {date}',
  'succession.field.title': 'Chức danh quy hoạch',
  'succession.field.person': 'Cán bộ',
  'succession.field.addedOn': 'Ngày đưa vào',
  'succession.field.removedOn': 'Ngày đưa ra',
  'succession.field.reason': 'Lý do',
  'succession.required': 'Không được để trống: {field}',
} as const;

export const successionEn: Record<keyof typeof successionVi, string> = {
  'succession.tab': 'Succession plans',
  'succession.term': 'Term',
  'succession.unitHint': 'Choose a commune to see the plans for its key titles.',
  'succession.termStarts': 'Term {term}, counted from {date}',
  'succession.rules':
    'At most {perTitle} people per title and {titles} titles per person at one level; at least {months} months of service left at the start of the term. {basis}',
  'succession.structure':
    'Structure: {people} people; women {women} ({womenShare}, target ≥ {womenTarget}); under {youngAge} {young} ({youngShare}, target ≥ {youngTarget}); ethnic minorities {minority} ({minorityShare}).',
  'succession.gap': 'Too few candidates',
  'succession.none': 'Nobody planned',
  'succession.add': 'Add to the plan',
  'succession.added': 'Added to the plan',
  'succession.remove': 'Remove',
  'succession.removed': 'Removed from the plan',
  'succession.removedOn': 'Removed on {date}: {reason}',
  'succession.addedOn': 'Added on {date}',
  'succession.field.title': 'Title planned',
  'succession.field.person': 'Person',
  'succession.field.addedOn': 'Added on',
  'succession.field.removedOn': 'Removed on',
  'succession.field.reason': 'Reason',
  'succession.required': 'Required: {field}',
};
