/** Messages of the user administration screens; `usersEn` must carry the same keys. */
export const usersVi = {
  'users.title': 'Người dùng',
  'users.description': 'Tài khoản truy cập hệ thống, vai trò và đơn vị phụ trách của từng người.',
  'users.searchPlaceholder': 'Tìm theo tên đăng nhập hoặc họ tên',
  'users.create': 'Thêm người dùng',
  'users.createTitle': 'Thêm người dùng',
  'users.editTitle': 'Sửa tài khoản: {name}',
  'users.created': 'Đã tạo tài khoản',
  'users.saved': 'Đã lưu thay đổi',

  'users.column.status': 'Trạng thái',
  'users.column.lastLogin': 'Đăng nhập gần nhất',

  'users.neverLoggedIn': 'Chưa đăng nhập',

  'users.status.active': 'Đang hoạt động',
  'users.status.disabled': 'Đã vô hiệu hóa',
  'users.status.lockedUntil': 'Tạm khóa đến {time}',
  'users.status.mustChangePassword': 'Chờ đổi mật khẩu',

  'users.form.usernameRequired': 'Vui lòng nhập tên đăng nhập',
  'users.form.fullNameRequired': 'Vui lòng nhập họ và tên',
  'users.form.fullNameTooLong': 'Họ và tên không được dài quá {max} ký tự',
  'users.form.roleRequired': 'Vui lòng chọn vai trò',
  'users.form.rolePlaceholder': 'Chọn vai trò',
  'users.form.unitRequired': 'Vui lòng chọn đơn vị',
  'users.form.unitHint': 'Người dùng chỉ xem và cập nhật được dữ liệu thuộc đơn vị này và các đơn vị trực thuộc.',
  'users.form.initialPassword': 'Mật khẩu ban đầu',

  'users.resetPassword': 'Đặt lại mật khẩu',

  'users.resetPassword.title': 'Đặt lại mật khẩu: {name}',
  'users.resetPassword.explanation': 'Người dùng sẽ phải đổi mật khẩu này ở lần đăng nhập tiếp theo.',
  'users.resetPassword.submit': 'Đặt lại mật khẩu',
  'users.resetPassword.done': 'Đã đặt lại mật khẩu cho {name}',

  'users.unlock': 'Mở khóa',
  'users.unlockConfirm': 'Mở khóa tài khoản của {name}?',
  'users.unlockDone': 'Đã mở khóa tài khoản của {name}',
  'users.disable': 'Vô hiệu hóa',
  'users.disableConfirm': 'Vô hiệu hóa tài khoản của {name}? Người này sẽ không đăng nhập được nữa.',
  'users.disabledDone': 'Đã vô hiệu hóa tài khoản của {name}',
  'users.enable': 'Kích hoạt',
  'users.enableConfirm': 'Kích hoạt lại tài khoản của {name}?',
  'users.enabledDone': 'Đã kích hoạt lại tài khoản của {name}',

  'users.picker.typeToSearch': 'Nhập tên đăng nhập hoặc họ tên để tìm',
} satisfies Record<string, string>;

export const usersEn: Record<keyof typeof usersVi, string> = {
  'users.title': 'Users',
  'users.description': 'Accounts with access to the system, with each person’s role and unit.',
  'users.searchPlaceholder': 'Search by username or full name',
  'users.create': 'Add user',
  'users.createTitle': 'Add user',
  'users.editTitle': 'Edit account: {name}',
  'users.created': 'Account created',
  'users.saved': 'Changes saved',

  'users.column.status': 'Status',
  'users.column.lastLogin': 'Last sign-in',

  'users.neverLoggedIn': 'Never signed in',

  'users.status.active': 'Active',
  'users.status.disabled': 'Disabled',
  'users.status.lockedUntil': 'Locked until {time}',
  'users.status.mustChangePassword': 'Must change password',

  'users.form.usernameRequired': 'Please enter a username',
  'users.form.fullNameRequired': 'Please enter the full name',
  'users.form.fullNameTooLong': 'The full name must not exceed {max} characters',
  'users.form.roleRequired': 'Please choose a role',
  'users.form.rolePlaceholder': 'Choose a role',
  'users.form.unitRequired': 'Please choose a unit',
  'users.form.unitHint': 'The user can only see and change data of this unit and the units under it.',
  'users.form.initialPassword': 'Initial password',

  'users.resetPassword': 'Reset password',

  'users.resetPassword.title': 'Reset password: {name}',
  'users.resetPassword.explanation': 'The user will have to change this password at the next sign-in.',
  'users.resetPassword.submit': 'Reset password',
  'users.resetPassword.done': 'Password reset for {name}',

  'users.unlock': 'Unlock',
  'users.unlockConfirm': 'Unlock the account of {name}?',
  'users.unlockDone': 'Account of {name} unlocked',
  'users.disable': 'Disable',
  'users.disableConfirm': 'Disable the account of {name}? They will no longer be able to sign in.',
  'users.disabledDone': 'Account of {name} disabled',
  'users.enable': 'Enable',
  'users.enableConfirm': 'Enable the account of {name} again?',
  'users.enabledDone': 'Account of {name} enabled again',

  'users.picker.typeToSearch': 'Type a username or full name',
};
