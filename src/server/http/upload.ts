import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * The one file of a multipart request (field `file`), read whole: uploads are
 * capped by the multipart limits registered in app.ts, and the checks that
 * follow (zip structure, image type) need random access anyway.
 */
export async function readUploadedFile(request: FastifyRequest, missingMessage?: string): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'Hãy gửi tệp dưới dạng multipart/form-data, trường "file"' });
  const part = await request.file();
  if (!part || part.fieldname !== 'file')
    throw new AppError('IMPORT_FILE_MISSING', missingMessage ? { message: missingMessage, messageEn: 'No file was chosen (field "file")' } : {});
  const content = await part.toBuffer();
  return { fileName: part.filename || 'tep-tai-len', content };
}

/** Content-Disposition for a download: an ASCII fallback name and the UTF-8 one (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
