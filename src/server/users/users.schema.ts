import { z } from 'zod';
import { currentUserSchema, roleSchema } from '../auth/auth.schema.js';

const idParam = z.string().regex(/^\d{1,18}$/, 'Mã không hợp lệ');

export const userIdParamsSchema = z.object({ id: idParam });

export const managedUserSchema = currentUserSchema.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export const listUsersQuerySchema = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const listUsersResponseSchema = z.object({
  items: z.array(managedUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const createUserBodySchema = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
    .max(50)
    .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ -'),
  fullName: z.string().trim().min(1, 'Cần nhập họ và tên').max(200),
  role: roleSchema,
  unitId: idParam,
  password: z.string().max(500),
  canViewSensitive: z.boolean().default(false),
});

export const updateUserBodySchema = z
  .object({
    fullName: z.string().trim().min(1, 'Cần nhập họ và tên').max(200),
    role: roleSchema,
    unitId: idParam,
    disabled: z.boolean(),
    canViewSensitive: z.boolean(),
  })
  .partial();

export const resetPasswordBodySchema = z.object({ newPassword: z.string().max(500) });
