import { z } from 'zod';

export const healthResponseSchema = z.object({ status: z.literal('ok'), version: z.string(), database: z.literal('ok') });
export const metaResponseSchema = z.object({
  version: z.string(),
  demo: z.boolean(),
  /** The demo's reference date (YYYY-MM-DD) while it is loaded: the date the dashboard opens on. */
  demoAsOf: z.string().nullable(),
});
