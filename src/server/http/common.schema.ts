import { z } from 'zod';
import { isValidIsoDate } from '../../core/dates.js';

/** 'YYYY-MM-DD', a real calendar date. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(isValidIsoDate, 'Ngày không tồn tại trên lịch');

export const idSchema = z.string().regex(/^\d{1,18}$/, 'Mã không hợp lệ');

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
