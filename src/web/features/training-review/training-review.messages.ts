/** Messages of the annual training-needs review screens; `reviewsEn` must carry the same keys. */
export const reviewsVi = {
  'reviews.title': 'Rà soát nhu cầu đào tạo, bồi dưỡng',
  'reviews.description': 'Hằng năm đơn vị rà soát, chọn người cần đào tạo, bồi dưỡng; cấp tỉnh phê duyệt kế hoạch và chỉ tiêu.',
  'reviews.create': 'Tạo rà soát',

  'reviews.create.explanation':
    'Hệ thống đề xuất: người chưa đạt chuẩn (kèm khóa học phù hợp), người lần đầu tham gia cấp ủy, và các lĩnh vực trọng tâm cấp tỉnh đặt cho năm.',
  'reviews.create.submit': 'Tạo và đề xuất',

  'reviews.created': 'Đã tạo rà soát với {count} đề xuất',
  'reviews.unit': 'Đơn vị',
  'reviews.unitHint': 'Huyện (trước 01/7/2025) hoặc xã, phường (từ 01/7/2025).',
  'reviews.unitRequired': 'Chọn đơn vị',
  'reviews.year': 'Năm',
  'reviews.allYears': 'Mọi năm',
  'reviews.asOf': 'Ngày rà soát',
  'reviews.asOfHint': 'Để trống: hôm nay (trong năm), hoặc ngày cuối năm đã qua.',
  'reviews.note': 'Ghi chú',
  'reviews.version': 'Phiên bản',
  'reviews.status': 'Trạng thái',
  'reviews.counts': 'Đề xuất',
  'reviews.countsText': '{total} đề xuất, {accepted} được chọn, {pending} chưa quyết định',
  'reviews.countsDetail': '{total} đề xuất: {accepted} được chọn, {rejected} không chọn, {pending} chưa quyết định',
  'reviews.approvedAt': 'Phê duyệt lúc',
  'reviews.back': 'Danh sách rà soát',

  'reviews.detail.title': 'Rà soát năm {year} — {unit}',
  'reviews.detail.version': 'Phiên bản {version}',
  'reviews.detail.newerExists': 'Đã có phiên bản {version}',

  'reviews.step.draft': 'Đơn vị rà soát',
  'reviews.step.submitted': 'Trình cấp tỉnh',
  'reviews.step.approved': 'Đã phê duyệt',

  'reviews.returnedNote': 'Cấp tỉnh trả lại, đề nghị sửa',
  'reviews.frozen': 'Kế hoạch đã được phê duyệt và không sửa được nữa; muốn thay đổi, hãy tạo phiên bản mới.',
  'reviews.focusFields': 'Lĩnh vực trọng tâm',
  'reviews.noFocus': 'Chưa đặt',

  'reviews.tab.proposals': 'Đề xuất ({count})',
  'reviews.tab.quotas': 'Chỉ tiêu',

  'reviews.submit': 'Trình phê duyệt',

  'reviews.submit.confirm': 'Trình danh sách lên cấp tỉnh phê duyệt?',
  'reviews.submit.pending': 'Còn {count} đề xuất chưa quyết định.',
  'reviews.submit.done': 'Đã trình phê duyệt',

  'reviews.return': 'Trả lại để sửa',

  'reviews.return.placeholder': 'Nội dung đơn vị cần sửa',
  'reviews.return.done': 'Đã trả lại đơn vị',

  'reviews.approve': 'Phê duyệt',

  'reviews.approve.confirm': 'Phê duyệt kế hoạch?',
  'reviews.approve.frozen': 'Sau khi phê duyệt, kế hoạch không sửa được nữa.',
  'reviews.approve.done': 'Đã phê duyệt kế hoạch',

  'reviews.newVersion': 'Tạo phiên bản mới',

  'reviews.newVersion.confirm': 'Sao kế hoạch đã phê duyệt thành một bản dự thảo mới để sửa?',
  'reviews.newVersion.done': 'Đã tạo phiên bản {version}',

  'reviews.export': 'Xuất Excel',
  'reviews.add': 'Bổ sung người',

  'reviews.add.explanation': 'Người đang giữ chức vụ tại {unit} vào ngày rà soát.',
  'reviews.add.searchPlaceholder': 'Gõ họ tên để tìm',
  'reviews.add.typeToSearch': 'Gõ họ tên để tìm',
  'reviews.add.personRequired': 'Chọn người',
  'reviews.add.courseRequired': 'Chọn khóa đào tạo, bồi dưỡng',
  'reviews.add.reasonRequired': 'Ghi lý do bổ sung',
  'reviews.add.done': 'Đã bổ sung vào danh sách',

  'reviews.proposal.person': 'Cán bộ',
  'reviews.proposal.unit': 'Đơn vị',
  'reviews.proposal.course': 'Khóa đào tạo, bồi dưỡng',
  'reviews.proposal.reason': 'Lý do',
  'reviews.proposal.decision': 'Quyết định',

  'reviews.decision.pending': 'Chưa quyết định',
  'reviews.decision.accepted': 'Chọn',
  'reviews.decision.rejected': 'Không chọn',
  'reviews.decision.accept': 'Chọn',
  'reviews.decision.reject': 'Không chọn',
  'reviews.decision.reset': 'Bỏ quyết định',
  'reviews.decision.rejectTitle': 'Không chọn {name} cho khóa {course}',
  'reviews.decision.rejectHint': 'Ghi lý do không chọn (ví dụ: sắp nghỉ hưu, đang học lớp khác).',
  'reviews.decision.acceptedDone': 'Đã chọn {name}',
  'reviews.decision.rejectedDone': 'Đã ghi không chọn {name}',
  'reviews.decision.resetDone': 'Đã bỏ quyết định với {name}',

  'reviews.quotas.places': 'Tổng số lượt',
  'reviews.quotas.people': 'Số người',
  'reviews.quotas.byCourse': 'Theo khóa học',
  'reviews.quotas.byField': 'Theo lĩnh vực',
  'reviews.quotas.byUnit': 'Theo đơn vị',
  'reviews.quotas.field': 'Lĩnh vực',
  'reviews.quotas.count': 'Số lượt',

  'reviews.focus.open': 'Lĩnh vực trọng tâm',
  'reviews.focus.title': 'Lĩnh vực trọng tâm đào tạo, bồi dưỡng của năm',
  'reviews.focus.explanation':
    'Cấp tỉnh chọn lĩnh vực trọng tâm của năm và các chức danh phụ trách; rà soát của các đơn vị trực thuộc sẽ đề xuất khóa tương ứng cho những chức danh đó.',
  'reviews.focus.saved': 'Đã lưu lĩnh vực trọng tâm năm {year}',
} satisfies Record<string, string>;

export const reviewsEn: Record<keyof typeof reviewsVi, string> = {
  'reviews.title': 'Training needs reviews',
  'reviews.description': 'Every year units review who needs training; the province approves the plan and its quotas.',
  'reviews.create': 'New review',

  'reviews.create.explanation':
    'The system proposes: people who do not meet their standard (with the course that closes the gap), people in their first party committee term, and the province’s focus fields for the year.',
  'reviews.create.submit': 'Create and propose',

  'reviews.created': 'Review created with {count} proposals',
  'reviews.unit': 'Unit',
  'reviews.unitHint': 'A district (until 30/06/2025) or a commune or ward (from 01/07/2025).',
  'reviews.unitRequired': 'Choose the unit',
  'reviews.year': 'Year',
  'reviews.allYears': 'All years',
  'reviews.asOf': 'Review date',
  'reviews.asOfHint': 'Empty: today (within the year), or the last day of a past year.',
  'reviews.note': 'Note',
  'reviews.version': 'Version',
  'reviews.status': 'Status',
  'reviews.counts': 'Proposals',
  'reviews.countsText': '{total} proposals, {accepted} chosen, {pending} undecided',
  'reviews.countsDetail': '{total} proposals: {accepted} chosen, {rejected} not chosen, {pending} undecided',
  'reviews.approvedAt': 'Approved',
  'reviews.back': 'All reviews',

  'reviews.detail.title': 'Review {year} — {unit}',
  'reviews.detail.version': 'Version {version}',
  'reviews.detail.newerExists': 'Version {version} exists',

  'reviews.step.draft': 'Unit review',
  'reviews.step.submitted': 'Submitted to the province',
  'reviews.step.approved': 'Approved',

  'reviews.returnedNote': 'Returned by the province for changes',
  'reviews.frozen': 'The plan is approved and can no longer change; create a new version to change it.',
  'reviews.focusFields': 'Focus fields',
  'reviews.noFocus': 'None set',

  'reviews.tab.proposals': 'Proposals ({count})',
  'reviews.tab.quotas': 'Quotas',

  'reviews.submit': 'Submit for approval',

  'reviews.submit.confirm': 'Submit the list to the province for approval?',
  'reviews.submit.pending': '{count} proposals are still undecided.',
  'reviews.submit.done': 'Submitted for approval',

  'reviews.return': 'Return for changes',

  'reviews.return.placeholder': 'What the unit should change',
  'reviews.return.done': 'Returned to the unit',

  'reviews.approve': 'Approve',

  'reviews.approve.confirm': 'Approve the plan?',
  'reviews.approve.frozen': 'Once approved, the plan can no longer change.',
  'reviews.approve.done': 'Plan approved',

  'reviews.newVersion': 'New version',

  'reviews.newVersion.confirm': 'Copy the approved plan into a new draft to change it?',
  'reviews.newVersion.done': 'Version {version} created',

  'reviews.export': 'Export to Excel',
  'reviews.add': 'Add a person',

  'reviews.add.explanation': 'Someone holding a post in {unit} on the review date.',
  'reviews.add.searchPlaceholder': 'Type a name to search',
  'reviews.add.typeToSearch': 'Type a name to search',
  'reviews.add.personRequired': 'Choose the person',
  'reviews.add.courseRequired': 'Choose the course',
  'reviews.add.reasonRequired': 'Give the reason',
  'reviews.add.done': 'Added to the list',

  'reviews.proposal.person': 'Cadre',
  'reviews.proposal.unit': 'Unit',
  'reviews.proposal.course': 'Course',
  'reviews.proposal.reason': 'Reason',
  'reviews.proposal.decision': 'Decision',

  'reviews.decision.pending': 'Undecided',
  'reviews.decision.accepted': 'Chosen',
  'reviews.decision.rejected': 'Not chosen',
  'reviews.decision.accept': 'Choose',
  'reviews.decision.reject': 'Do not choose',
  'reviews.decision.reset': 'Undo',
  'reviews.decision.rejectTitle': 'Not choosing {name} for {course}',
  'reviews.decision.rejectHint': 'Say why (e.g. retiring soon, already in another class).',
  'reviews.decision.acceptedDone': '{name} chosen',
  'reviews.decision.rejectedDone': '{name} not chosen',
  'reviews.decision.resetDone': 'Decision on {name} undone',

  'reviews.quotas.places': 'Places',
  'reviews.quotas.people': 'People',
  'reviews.quotas.byCourse': 'By course',
  'reviews.quotas.byField': 'By field',
  'reviews.quotas.byUnit': 'By unit',
  'reviews.quotas.field': 'Field',
  'reviews.quotas.count': 'Places',

  'reviews.focus.open': 'Focus fields',
  'reviews.focus.title': 'The year’s training focus fields',
  'reviews.focus.explanation':
    'The province chooses the year’s focus fields and the posts in charge of each; reviews of its units then propose the matching course to those posts.',
  'reviews.focus.saved': 'Focus fields for {year} saved',
};
