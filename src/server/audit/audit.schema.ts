import { z } from 'zod';
import { isoDateSchema } from '../http/common.schema.js';

export const listAuditQuerySchema = z.object({
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  userId: z
    .string()
    .regex(/^\d{1,18}$/, 'Mã người dùng không hợp lệ')
    .optional(),
  action: z.string().max(100).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  user: z.object({ id: z.string(), username: z.string(), fullName: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});

export const listAuditResponseSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
