import { z } from 'zod';

export const unitSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['country', 'province', 'district', 'commune']),
});

export const roleSchema = z.enum(['admin', 'province', 'district', 'commune', 'viewer']);

export const currentUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  unit: unitSummarySchema,
  mustChangePassword: z.boolean(),
  abilities: z.object({
    write: z.boolean(),
    viewPersonalData: z.boolean(),
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
    manageStandards: z.boolean(),
    manageTerritory: z.boolean(),
    loadTerritory: z.boolean(),
    setTrainingFocus: z.boolean(),
    decideTrainingPlans: z.boolean(),
    receivePetitions: z.boolean(),
    manageLegalCalendar: z.boolean(),
    decideRotations: z.boolean(),
  }),
});

export const sessionResponseSchema = z.object({ user: currentUserSchema, csrfToken: z.string() });

export const loginBodySchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(500),
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(500),
  newPassword: z.string().min(1).max(500),
});
