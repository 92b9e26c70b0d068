import { z } from 'zod';

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

export const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});

export const cadreImportResultSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  postsAdded: z.number().int(),
  postsEnded: z.number().int(),
  qualificationsAdded: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
});

export const importHistoryQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const importRunSchema = z.object({
  id: z.string(),
  at: z.string(),
  user: z.object({ id: z.string(), username: z.string(), fullName: z.string() }).nullable(),
  fileName: z.string(),
  sha256: z.string(),
  fileSize: z.number().int(),
  dryRun: z.boolean(),
  status: z.enum(['checked', 'committed', 'rejected', 'unreadable']),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  message: z.string().nullable(),
});

export const importHistoryResponseSchema = z.object({
  items: z.array(importRunSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
