/**
 * Every error the API can return, with a stable id, its HTTP status and the
 * Vietnamese message officials read. Features add their ids here so that the
 * catalogue stays one reviewable list.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ' },
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ' },
  AUTH_REQUIRED: { status: 401, message: 'Vui lòng đăng nhập để tiếp tục' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  AUTH_LOCKED: { status: 423, message: 'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau' },
  AUTH_ACCOUNT_DISABLED: { status: 401, message: 'Tài khoản đã bị vô hiệu hóa, vui lòng liên hệ quản trị hệ thống' },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, message: 'Mật khẩu hiện tại không đúng' },
  AUTH_WEAK_PASSWORD: { status: 400, message: 'Mật khẩu phải có ít nhất 10 ký tự' },
  CSRF_FAILED: { status: 403, message: 'Yêu cầu bị từ chối vì thiếu mã xác thực chống giả mạo (CSRF)' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không tìm thấy đường dẫn API' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi hoặc trùng lặp' },
  USERNAME_TAKEN: { status: 409, message: 'Tên đăng nhập đã được sử dụng' },
  CADRE_PERSONAL_ID_TAKEN: { status: 409, message: 'Số định danh cá nhân này đã có trong một hồ sơ khác' },
  CADRE_POST_OVERLAP: { status: 409, message: 'Giai đoạn giữ chức vụ trùng thời gian với một giai đoạn đã có của cùng chức vụ' },
  CADRE_POST_ALREADY_ENDED: { status: 409, message: 'Giai đoạn giữ chức vụ này đã kết thúc' },
  CADRE_PHOTO_INVALID: { status: 400, message: 'Ảnh phải là tệp JPEG hoặc PNG, dung lượng không quá 2 MB' },
  TRAINING_CLASS_FULL: { status: 409, message: 'Lớp đã đủ số học viên tối đa' },
  TRAINING_INSTRUCTOR_OVERLAP: { status: 409, message: 'Giảng viên đã có buổi giảng khác trùng thời gian' },
  TRAINING_INSTRUCTOR_IN_USE: { status: 409, message: 'Giảng viên đã được phân công buổi giảng hoặc chuyến hướng dẫn, không thể xóa' },
  TRAINING_NOT_ENROLLED: { status: 400, message: 'Người này không có trong danh sách học viên của lớp' },
  TRAINING_CERTIFICATE_NOT_ELIGIBLE: { status: 409, message: 'Học viên chưa đủ điều kiện cấp chứng chỉ theo Thông tư 01/2018/TT-BNV' },
  TRAINING_CERTIFICATE_ALREADY_ISSUED: { status: 409, message: 'Chứng chỉ của khóa học này đã được cấp cho học viên (chỉ cấp một lần)' },
  TRAINING_CERTIFICATE_IN_FORCE: { status: 409, message: 'Học viên đã được cấp chứng chỉ; hãy thu hồi chứng chỉ trước khi thay đổi' },
  TRAINING_CLASS_HAS_RECORDS: { status: 409, message: 'Lớp đã có điểm danh, điểm hoặc chứng chỉ, không thể xóa' },
  TRAINING_SESSION_HAS_ATTENDANCE: { status: 409, message: 'Buổi học đã được điểm danh, không thể xóa' },
  TRAINING_TEST_HAS_SCORES: { status: 409, message: 'Bài kiểm tra đã có điểm, không thể xóa' },
  IMPORT_FILE_MISSING: { status: 400, message: 'Chưa chọn tệp Excel để nhập (trường "file")' },
  IMPORT_NOT_XLSX: { status: 400, message: 'Tệp không phải Excel (.xlsx)' },
  IMPORT_FILE_TOO_LARGE: { status: 413, message: 'Tệp Excel quá lớn để nhập' },
  IMPORT_TOO_MANY_ROWS: { status: 400, message: 'Tệp có quá nhiều dòng dữ liệu' },
  IMPORT_NO_HEADER: { status: 400, message: 'Không tìm thấy dòng tiêu đề của danh sách cán bộ trong tệp' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên quá lớn' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng dữ liệu gửi lên không được hỗ trợ' },
  RATE_LIMITED: { status: 429, message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'Không kết nối được cơ sở dữ liệu' },
  INTERNAL: { status: 500, message: 'Đã xảy ra lỗi hệ thống, vui lòng thử lại hoặc liên hệ quản trị' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorId = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly details: unknown;

  constructor(id: ErrorId, options: { message?: string; details?: unknown; cause?: unknown } = {}) {
    const entry = ERROR_CATALOGUE[id];
    super(options.message ?? entry.message, { cause: options.cause });
    this.id = id;
    this.status = entry.status;
    this.details = options.details;
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export interface FieldProblem {
  path: string;
  message: string;
}

export function validationError(fields: FieldProblem[], message?: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: message ?? `${ERROR_CATALOGUE.VALIDATION_FAILED.message}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    details: { fields },
  });
}
