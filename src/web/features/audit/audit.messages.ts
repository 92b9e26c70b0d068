/** Messages of the audit log screen; `auditEn` must carry the same keys. */
export const auditVi = {
  'audit.title': 'Nhật ký hệ thống',
  'audit.description': 'Mọi thao tác trên hệ thống đều được ghi lại và không thể chỉnh sửa.',

  'audit.filter.user': 'Người thực hiện',
  'audit.filter.anyUser': 'Tất cả người dùng',
  'audit.filter.action': 'Hành động',
  'audit.filter.anyAction': 'Tất cả hành động',
  'audit.filter.entity': 'Loại đối tượng',
  'audit.filter.entityPlaceholder': 'Ví dụ: user',
  'audit.filter.entityId': 'Mã đối tượng',
  'audit.filter.period': 'Khoảng thời gian',
  'audit.filter.from': 'Từ ngày',
  'audit.filter.to': 'Đến ngày',

  'audit.column.at': 'Thời gian',
  'audit.column.user': 'Người thực hiện',
  'audit.column.action': 'Hành động',
  'audit.column.entity': 'Đối tượng',
  'audit.column.summary': 'Nội dung',
  'audit.column.ip': 'Địa chỉ IP',

  'audit.systemActor': 'Hệ thống',

  'audit.action.create': 'Tạo mới',
  'audit.action.update': 'Cập nhật',
  'audit.action.delete': 'Xóa',
  'audit.action.login': 'Đăng nhập',
  'audit.action.logout': 'Đăng xuất',
  'audit.action.view': 'Xem',
  'audit.action.login_failed': 'Đăng nhập sai',
  'audit.action.change_password': 'Đổi mật khẩu',
  'audit.action.reset_password': 'Đặt lại mật khẩu',
  'audit.action.unlock': 'Mở khóa tài khoản',

  'audit.entity.user': 'Tài khoản người dùng',

  'audit.changes.summary': '{changed}/{total} trường thay đổi',
  'audit.changes.field': 'Trường dữ liệu',
  'audit.changes.before': 'Trước',
  'audit.changes.after': 'Sau',

  'audit.entity.village': 'Thôn, tổ dân phố',
  'audit.entity.party_organization': 'Tổ chức đảng',
  'audit.entity.commune_area_class': 'Phân loại địa bàn xã',
  'audit.entity.weak_unit_designation': 'Xã có mặt hạn chế, yếu kém',
  'audit.entity.admin_unit_change': 'Thay đổi đơn vị hành chính',
  'audit.entity.admin_unit_lineage': 'Quan hệ kế thừa đơn vị hành chính',

  'audit.action.correct_date': 'Sửa ngày hiệu lực',

  'audit.entity.cadre': 'Hồ sơ cán bộ',
  'audit.entity.cadre_import': 'Nhập danh sách cán bộ',

  'audit.action.add_post': 'Thêm chức vụ',
  'audit.action.end_post': 'Kết thúc chức vụ',
  'audit.action.update_post': 'Sửa giai đoạn chức vụ',
  'audit.action.delete_post': 'Xóa giai đoạn chức vụ',
  'audit.action.add_qualification': 'Thêm trình độ',
  'audit.action.delete_qualification': 'Xóa trình độ',
  'audit.action.update_photo': 'Cập nhật ảnh',
  'audit.action.delete_photo': 'Xóa ảnh',
  'audit.action.import': 'Nhập từ tệp',
  'audit.action.export': 'Xuất dữ liệu',
} satisfies Record<string, string>;

export const auditEn: Record<keyof typeof auditVi, string> = {
  'audit.title': 'Audit log',
  'audit.description': 'Every action in the system is recorded and cannot be altered.',

  'audit.filter.user': 'Performed by',
  'audit.filter.anyUser': 'All users',
  'audit.filter.action': 'Action',
  'audit.filter.anyAction': 'All actions',
  'audit.filter.entity': 'Record type',
  'audit.filter.entityPlaceholder': 'e.g. user',
  'audit.filter.entityId': 'Record id',
  'audit.filter.period': 'Period',
  'audit.filter.from': 'From',
  'audit.filter.to': 'To',

  'audit.column.at': 'Time',
  'audit.column.user': 'Performed by',
  'audit.column.action': 'Action',
  'audit.column.entity': 'Record',
  'audit.column.summary': 'Summary',
  'audit.column.ip': 'IP address',

  'audit.systemActor': 'System',

  'audit.action.create': 'Create',
  'audit.action.update': 'Update',
  'audit.action.delete': 'Delete',
  'audit.action.login': 'Sign in',
  'audit.action.logout': 'Sign out',
  'audit.action.view': 'View',
  'audit.action.login_failed': 'Failed sign-in',
  'audit.action.change_password': 'Password change',
  'audit.action.reset_password': 'Password reset',
  'audit.action.unlock': 'Account unlock',

  'audit.entity.user': 'User account',

  'audit.changes.summary': '{changed} of {total} fields changed',
  'audit.changes.field': 'Field',
  'audit.changes.before': 'Before',
  'audit.changes.after': 'After',

  'audit.entity.village': 'Village / residential group',
  'audit.entity.party_organization': 'Party organisation',
  'audit.entity.commune_area_class': 'Commune area class',
  'audit.entity.weak_unit_designation': 'Weak commune designation',
  'audit.entity.admin_unit_change': 'Administrative unit change',
  'audit.entity.admin_unit_lineage': 'Administrative unit lineage',

  'audit.action.correct_date': 'Effective date correction',

  'audit.entity.cadre': 'Cadre record',
  'audit.entity.cadre_import': 'Cadre list import',

  'audit.action.add_post': 'Add post',
  'audit.action.end_post': 'End post',
  'audit.action.update_post': 'Edit post period',
  'audit.action.delete_post': 'Delete post period',
  'audit.action.add_qualification': 'Add qualification',
  'audit.action.delete_qualification': 'Delete qualification',
  'audit.action.update_photo': 'Update photo',
  'audit.action.delete_photo': 'Delete photo',
  'audit.action.import': 'Import from file',
  'audit.action.export': 'Export data',
};
