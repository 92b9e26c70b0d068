/** Messages of the own-account screen; `accountEn` must carry the same keys. */
export const accountVi = {
  'account.title': 'Tài khoản của tôi',
  'account.profile': 'Thông tin tài khoản',
  'account.changePassword': 'Đổi mật khẩu',
  'account.currentPassword': 'Mật khẩu hiện tại',
  'account.currentPasswordRequired': 'Vui lòng nhập mật khẩu hiện tại',
  'account.newPassword': 'Mật khẩu mới',
  'account.sameAsCurrent': 'Mật khẩu mới phải khác mật khẩu hiện tại',
  'account.passwordChanged': 'Đã đổi mật khẩu',
} satisfies Record<string, string>;

export const accountEn: Record<keyof typeof accountVi, string> = {
  'account.title': 'My account',
  'account.profile': 'Account details',
  'account.changePassword': 'Change password',
  'account.currentPassword': 'Current password',
  'account.currentPasswordRequired': 'Please enter your current password',
  'account.newPassword': 'New password',
  'account.sameAsCurrent': 'The new password must differ from the current one',
  'account.passwordChanged': 'Password changed',
};
