import { summaryQuerySchema } from '../compliance/compliance.schema.js';

/** The export counts exactly what the dashboard shows: the same unit, date and posts as the summary. */
export const dashboardExportQuerySchema = summaryQuerySchema;
