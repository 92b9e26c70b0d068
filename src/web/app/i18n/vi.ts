/**
 * Vietnamese is the source language: every key is born here and `en.ts` must
 * carry the same keys. `{name}` placeholders are filled by `t(key, { name })`.
 * This file keeps the shell's own messages (navigation, login, roles, common words).
 */
import { dashboardEn, dashboardVi } from '../../features/home/dashboard.messages';
import { trainingEn, trainingVi } from '../../features/training/training.messages';
import { territoryEn, territoryVi } from '../../features/territory/territory.messages';
import { cadresEn, cadresVi } from '../../features/cadres/cadres.messages';
import { reviewsEn, reviewsVi } from '../../features/training-review/training-review.messages';
import { complianceEn, complianceVi } from '../../features/compliance/compliance.messages';
import { importsEn, importsVi } from '../../features/imports/imports.messages';
import { auditEn, auditVi } from '../../features/audit/audit.messages';
import { usersEn, usersVi } from '../../features/users/users.messages';
import { accountEn, accountVi } from '../../features/account/account.messages';
import { petitionsEn, petitionsVi } from '../../features/petitions/petitions.messages';
import { grassrootsEn, grassrootsVi } from '../../features/grassroots/grassroots.messages';
import { partyCellsEn, partyCellsVi } from '../../features/party-cells/party-cells.messages';
import { rotationsEn, rotationsVi } from '../../features/rotations/rotations.messages';
import { evaluationsEn, evaluationsVi } from '../../features/evaluations/evaluations.messages';
import { successionEn, successionVi } from '../../features/succession/succession.messages';

export const commonVi = {
  'app.name': 'Cán bộ xã',
  'app.tagline': 'Hệ thống phát triển và quản lý đội ngũ cán bộ chủ chốt cấp xã',
  'app.version': 'Phiên bản {version}',
  'app.demoBanner': 'Dữ liệu minh họa — không phải số liệu chính thức',

  'common.actions': 'Thao tác',
  'common.backHome': 'Về trang chủ',
  'common.cancel': 'Hủy',
  'common.clearFilters': 'Xóa bộ lọc',
  'common.edit': 'Sửa',
  'common.filter': 'Lọc',
  'common.no': 'Không',
  'common.noResults': 'Không tìm thấy kết quả phù hợp',
  'common.retry': 'Thử lại',
  'common.save': 'Lưu',
  'grid.undo': 'Hoàn tác',
  'common.totalItems': 'Tổng số: {total}',
  'common.yes': 'Có',

  'error.network': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.unexpected': 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc liên hệ quản trị hệ thống.',

  'role.admin': 'Quản trị hệ thống',
  'role.province': 'Cán bộ cấp tỉnh',
  'role.district': 'Cán bộ cấp huyện',
  'role.commune': 'Cán bộ cấp xã',
  'role.viewer': 'Người xem',

  'unitLevel.country': 'Trung ương',
  'unitLevel.province': 'Cấp tỉnh',
  'unitLevel.district': 'Cấp huyện',
  'unitLevel.commune': 'Cấp xã',

  'nav.section.administration': 'Quản trị',
  'nav.section.personal': 'Cá nhân',

  'nav.home': 'Trang chủ',

  'nav.home.description': 'Tổng quan về tài khoản và các chức năng của bạn.',

  'nav.users': 'Người dùng',

  'nav.users.description': 'Tạo tài khoản, phân quyền theo vai trò và địa bàn, khóa hoặc mở khóa tài khoản.',

  'nav.audit': 'Nhật ký hệ thống',

  'nav.audit.description': 'Tra cứu ai đã làm gì, khi nào, trên dữ liệu nào.',

  'nav.account': 'Tài khoản của tôi',

  'nav.account.description': 'Xem thông tin tài khoản và đổi mật khẩu.',

  'shell.language': 'Ngôn ngữ',
  'shell.logout': 'Đăng xuất',
  'shell.myAccount': 'Tài khoản của tôi',
  'shell.scope': 'Phạm vi: {unit}',
  'shell.userMenu': 'Menu tài khoản',
  'shell.openMenu': 'Mở danh mục chức năng',
  'shell.closeMenu': 'Đóng danh mục chức năng',

  'page.notFound.title': 'Không tìm thấy trang',
  'page.notFound.description': 'Đường dẫn không tồn tại hoặc đã được thay đổi.',

  'page.forbidden.title': 'Không có quyền truy cập',
  'page.forbidden.description': 'Tài khoản của bạn không được phép mở trang này.',

  'page.error.title': 'Trang gặp sự cố',
  'page.error.description': 'Đã xảy ra lỗi khi hiển thị trang. Hệ thống có thể vừa được cập nhật; vui lòng tải lại trang.',
  'page.error.reload': 'Tải lại trang',

  'auth.sessionExpired': 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  'auth.sessionCheckFailed': 'Không kiểm tra được phiên đăng nhập',

  'login.username': 'Tên đăng nhập',
  'login.usernameRequired': 'Vui lòng nhập tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.passwordRequired': 'Vui lòng nhập mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.retryIn': 'Có thể đăng nhập lại sau {time}.',

  'forcedPassword.title': 'Bạn cần đặt mật khẩu mới',
  'forcedPassword.description': 'Mật khẩu hiện tại do quản trị hệ thống cấp. Vui lòng đặt mật khẩu của riêng bạn trước khi tiếp tục làm việc.',

  'password.hint': 'Tối thiểu {min} ký tự.',
  'password.required': 'Vui lòng nhập mật khẩu',
  'password.tooShort': 'Mật khẩu phải có ít nhất {min} ký tự',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.confirmRequired': 'Vui lòng nhập lại mật khẩu mới',
  'password.mismatch': 'Mật khẩu nhập lại không khớp',

  'user.username': 'Tên đăng nhập',
  'user.fullName': 'Họ và tên',
  'user.role': 'Vai trò',
  'user.unit': 'Đơn vị',

  'unitPicker.placeholder': 'Tìm theo tên hoặc mã đơn vị',
  'unitPicker.typeToSearch': 'Nhập tên hoặc mã đơn vị để tìm (không cần gõ dấu)',
  'unitPicker.noResults': 'Không tìm thấy đơn vị phù hợp',

  // ---- Địa bàn (features/territory) ----
  'nav.territory': 'Địa bàn',

  'nav.territory.description': 'Đơn vị hành chính theo từng thời điểm, lịch sử sáp nhập, thôn, tổ dân phố, tổ chức đảng và phân loại xã.',

  // ---- Cán bộ (features/cadres, features/imports) ----
  'nav.cadres': 'Cán bộ',

  'nav.cadres.description': 'Hồ sơ cán bộ chủ chốt cấp xã: chức vụ theo thời gian, trình độ, sơ yếu lý lịch; nhập và xuất danh sách Excel.',

  'nav.compliance': 'Chuẩn hóa cán bộ',

  'nav.compliance.description': 'Ai đạt tiêu chuẩn chức danh, còn thiếu gì, tại bất kỳ ngày nào; tổng hợp theo đơn vị và tiêu chuẩn chức danh.',

  'nav.trainingReviews': 'Rà soát đào tạo, bồi dưỡng',

  'nav.trainingReviews.description': 'Rà soát nhu cầu đào tạo hằng năm: đề xuất, chọn người, trình và phê duyệt kế hoạch, chỉ tiêu.',
} satisfies Record<string, string>;

/** Each feature keeps its messages beside its screens; they are merged here. */
export const vi = {
  ...commonVi,
  ...trainingVi,
  ...dashboardVi,
  ...territoryVi,
  ...cadresVi,
  ...reviewsVi,
  ...complianceVi,
  ...importsVi,
  ...auditVi,
  ...usersVi,
  ...accountVi,
  ...petitionsVi,
  ...grassrootsVi,
  ...partyCellsVi,
  ...rotationsVi,
  ...evaluationsVi,
  ...successionVi,
};
export const featureEn = {
  ...trainingEn,
  ...dashboardEn,
  ...territoryEn,
  ...cadresEn,
  ...reviewsEn,
  ...complianceEn,
  ...importsEn,
  ...auditEn,
  ...usersEn,
  ...accountEn,
  ...petitionsEn,
  ...grassrootsEn,
  ...partyCellsEn,
  ...rotationsEn,
  ...evaluationsEn,
  ...successionEn,
};

export type MessageKey = keyof typeof vi;
