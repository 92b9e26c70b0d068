import type { z } from 'zod';
import type { petitionListItemSchema, petitionReportSchema, receptionListSchema } from './petitions.schema.js';

export type PetitionListItem = z.output<typeof petitionListItemSchema>;
export type PetitionReport = z.output<typeof petitionReportSchema>;
export type ReceptionList = z.output<typeof receptionListSchema>;
