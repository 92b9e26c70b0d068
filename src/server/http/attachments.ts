import { AppError } from './errors.js';

/** Scans and documents kept in the database (so that backup and restore carry them): recognised by their first bytes, not their name. */
const ATTACHMENT_TYPES = { 'application/pdf': [0x25, 0x50, 0x44, 0x46], 'image/jpeg': [0xff, 0xd8, 0xff], 'image/png': [0x89, 0x50, 0x4e, 0x47] } as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The type of an uploaded PDF, JPEG or PNG of at most 10 MB; refused otherwise. */
export function checkedAttachmentType(content: Buffer): AttachmentType {
  const type = (Object.entries(ATTACHMENT_TYPES) as [AttachmentType, readonly number[]][]).find(([, magic]) =>
    magic.every((byte, index) => content[index] === byte),
  )?.[0];
  if (!type) throw new AppError('PETITION_ATTACHMENT_TYPE');
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', { message: 'Tệp đính kèm tối đa 10 MB', messageEn: 'Attachments are at most 10 MB' });
  return type;
}
