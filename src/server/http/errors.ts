/**
 * Every error the API can return, with a stable id, its HTTP status and the
 * message officials read, in Vietnamese and English (chosen by the request's
 * Accept-Language). Features add their ids here so that the catalogue stays
 * one reviewable list.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ', messageEn: 'The data sent is not valid' },
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ', messageEn: 'The request is not valid' },
  AUTH_REQUIRED: { status: 401, message: 'Vui lòng đăng nhập để tiếp tục', messageEn: 'Please sign in to continue' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng', messageEn: 'Wrong username or password' },
  AUTH_LOCKED: {
    status: 423,
    message: 'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau',
    messageEn: 'The account is locked for a while after too many failed sign-ins; please try again later',
  },
  AUTH_ACCOUNT_DISABLED: {
    status: 401,
    message: 'Tài khoản đã bị vô hiệu hóa, vui lòng liên hệ quản trị hệ thống',
    messageEn: 'The account is disabled; please contact the system administrator',
  },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, message: 'Mật khẩu hiện tại không đúng', messageEn: 'The current password is wrong' },
  AUTH_WEAK_PASSWORD: { status: 400, message: 'Mật khẩu phải có ít nhất 10 ký tự', messageEn: 'The password must have at least 10 characters' },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Bạn cần đổi mật khẩu do quản trị viên cấp trước khi tiếp tục làm việc',
    messageEn: 'Please change the password the administrator gave you before you continue',
  },
  CSRF_FAILED: {
    status: 403,
    message: 'Yêu cầu bị từ chối vì thiếu mã xác thực chống giả mạo (CSRF)',
    messageEn: 'The request was refused: its anti-forgery (CSRF) token is missing',
  },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này', messageEn: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu', messageEn: 'The requested data was not found' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không tìm thấy đường dẫn API', messageEn: 'No such API path' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi hoặc trùng lặp', messageEn: 'The data has changed or duplicates existing data' },
  USERNAME_TAKEN: { status: 409, message: 'Tên đăng nhập đã được sử dụng', messageEn: 'This username is already in use' },
  CADRE_PERSONAL_ID_TAKEN: {
    status: 409,
    message: 'Số định danh cá nhân này đã có trong một hồ sơ khác',
    messageEn: 'This personal identification number is already in another record',
  },
  CADRE_POST_OVERLAP: {
    status: 409,
    message: 'Giai đoạn giữ chức vụ trùng thời gian với một giai đoạn đã có của cùng chức vụ',
    messageEn: 'This period in post overlaps a recorded period of the same post',
  },
  ROTATION_WARNINGS_NOT_ACCEPTED: {
    status: 409,
    message: 'Quyết định luân chuyển chưa đáp ứng một số quy định; hãy xem các cảnh báo và xác nhận trước khi ghi',
    messageEn: 'The rotation does not meet some rules; review the warnings and confirm them before recording it',
  },
  ROTATION_OVERLAP: {
    status: 409,
    message: 'Người này đã có một đợt luân chuyển, điều động trùng thời gian',
    messageEn: 'This person already has a rotation or assignment in that period',
  },
  ROTATION_ALREADY_ENDED: { status: 409, message: 'Đợt luân chuyển này đã kết thúc', messageEn: 'This rotation has already ended' },
  CADRE_POST_ALREADY_ENDED: { status: 409, message: 'Giai đoạn giữ chức vụ này đã kết thúc', messageEn: 'This period in post has already ended' },
  CADRE_PHOTO_INVALID: {
    status: 400,
    message: 'Ảnh phải là tệp JPEG hoặc PNG, dung lượng không quá 2 MB',
    messageEn: 'The photo must be a JPEG or PNG file of at most 2 MB',
  },
  TRAINING_CLASS_FULL: { status: 409, message: 'Lớp đã đủ số học viên tối đa', messageEn: 'The class is full' },
  TRAINING_INSTRUCTOR_OVERLAP: {
    status: 409,
    message: 'Giảng viên đã có buổi giảng khác trùng thời gian',
    messageEn: 'The instructor already teaches another session at that time',
  },
  TRAINING_INSTRUCTOR_IN_USE: {
    status: 409,
    message: 'Giảng viên đã được phân công buổi giảng hoặc chuyến hướng dẫn, không thể xóa',
    messageEn: 'The instructor has sessions or guidance visits and cannot be deleted',
  },
  TRAINING_NOT_ENROLLED: { status: 400, message: 'Người này không có trong danh sách học viên của lớp', messageEn: 'This person is not enrolled in the class' },
  TRAINING_CERTIFICATE_NOT_ELIGIBLE: {
    status: 409,
    message: 'Học viên chưa đủ điều kiện cấp chứng chỉ theo Thông tư 01/2018/TT-BNV',
    messageEn: 'The learner does not yet meet the conditions for the certificate (Circular 01/2018/TT-BNV)',
  },
  TRAINING_CERTIFICATE_ALREADY_ISSUED: {
    status: 409,
    message: 'Chứng chỉ của khóa học này đã được cấp cho học viên (chỉ cấp một lần)',
    messageEn: 'The certificate of this course has already been issued to the learner (once only)',
  },
  TRAINING_CERTIFICATE_IN_FORCE: {
    status: 409,
    message: 'Học viên đã được cấp chứng chỉ; hãy thu hồi chứng chỉ trước khi thay đổi',
    messageEn: 'The learner holds a certificate; revoke it before changing this',
  },
  TRAINING_CLASS_HAS_RECORDS: {
    status: 409,
    message: 'Lớp đã có điểm danh, điểm hoặc chứng chỉ, không thể xóa',
    messageEn: 'The class has attendance, scores or certificates and cannot be deleted',
  },
  TRAINING_SESSION_HAS_ATTENDANCE: {
    status: 409,
    message: 'Buổi học đã được điểm danh, không thể xóa',
    messageEn: 'The session has attendance recorded and cannot be deleted',
  },
  TRAINING_TEST_HAS_SCORES: { status: 409, message: 'Bài kiểm tra đã có điểm, không thể xóa', messageEn: 'The test has scores and cannot be deleted' },
  IMPORT_FILE_MISSING: { status: 400, message: 'Chưa chọn tệp Excel để nhập (trường "file")', messageEn: 'No Excel file was chosen to import (field "file")' },
  IMPORT_NOT_XLSX: { status: 400, message: 'Tệp không phải Excel (.xlsx)', messageEn: 'The file is not an Excel workbook (.xlsx)' },
  IMPORT_FILE_TOO_LARGE: { status: 413, message: 'Tệp Excel quá lớn để nhập', messageEn: 'The Excel file is too large to import' },
  IMPORT_TOO_MANY_ROWS: { status: 400, message: 'Tệp có quá nhiều dòng dữ liệu', messageEn: 'The file has too many data rows' },
  IMPORT_NO_HEADER: {
    status: 400,
    message: 'Không tìm thấy dòng tiêu đề của danh sách cán bộ trong tệp',
    messageEn: 'The header row of the cadre list was not found in the file',
  },
  PETITION_RULE_MISSING: {
    status: 409,
    message: 'Chưa có quy định thời hạn áp dụng cho ngày này',
    messageEn: 'No legal period applies on this date',
  },
  PETITION_WRONG_STAGE: {
    status: 409,
    message: 'Đơn không ở bước xử lý phù hợp với thao tác này',
    messageEn: 'The petition is not at a stage where this can be done',
  },
  PETITION_ATTACHMENT_TYPE: {
    status: 415,
    message: 'Tệp đính kèm phải là PDF, JPEG hoặc PNG',
    messageEn: 'Attachments must be PDF, JPEG or PNG files',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên quá lớn', messageEn: 'The data sent is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng dữ liệu gửi lên không được hỗ trợ', messageEn: 'This kind of content is not supported' },
  RATE_LIMITED: { status: 429, message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', messageEn: 'Too many requests; please try again in a few minutes' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'Không kết nối được cơ sở dữ liệu', messageEn: 'The database cannot be reached' },
  INTERNAL: {
    status: 500,
    message: 'Đã xảy ra lỗi hệ thống, vui lòng thử lại hoặc liên hệ quản trị',
    messageEn: 'A system error occurred; please try again or contact the administrator',
  },
} as const satisfies Record<string, { status: number; message: string; messageEn: string }>;

export type ErrorId = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly details: unknown;
  /** The English message: given with a specific Vietnamese one, or the catalogue's for the id. */
  readonly messageEn: string;

  constructor(id: ErrorId, options: { message?: string; messageEn?: string; details?: unknown; cause?: unknown } = {}) {
    const entry = ERROR_CATALOGUE[id];
    super(options.message ?? entry.message, { cause: options.cause });
    this.id = id;
    this.status = entry.status;
    this.details = options.details;
    this.messageEn = options.messageEn ?? entry.messageEn;
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export interface FieldProblem {
  path: string;
  message: string;
  /** The same problem in English, when it has been written; otherwise English readers get a generic one. */
  messageEn?: string;
}

/** Said of a field whose English message has not been written. */
export const FIELD_INVALID_EN = 'Invalid value';

export function validationError(fields: FieldProblem[], message?: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: message ?? `${ERROR_CATALOGUE.VALIDATION_FAILED.message}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    messageEn: `${ERROR_CATALOGUE.VALIDATION_FAILED.messageEn}: ${fields.map((f) => `${f.path}: ${f.messageEn ?? FIELD_INVALID_EN}`).join('; ')}`,
    details: { fields },
  });
}
