import { expect } from 'vitest';
import type { SignedInClient } from '../helpers.js';

/** A person as an office enters one: the record, then each post and qualification, through the cadres API. */
export interface PersonSpec {
  fullName: string;
  unitId: string;
  gender?: 'nam' | 'nu';
  /** 'YYYY-MM-DD', or 'YYYY' when only the year is known. */
  birthDate?: string;
  posts?: { titleCode: string; startDate: string; endDate?: string; howObtained?: string; unitId?: string; concurrent?: boolean }[];
  qualifications?: { kind: string; level: string; obtainedOn?: string; major?: string; source?: string }[];
}

async function created(client: SignedInClient, url: string, payload: object): Promise<{ id: string }> {
  const response = await client.inject({ method: 'POST', url, payload });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
  return response.json() as { id: string };
}

/** Creates the person (kept by `unitId`) with their posts (in `unitId` unless said) and qualifications; answers the id. */
export async function createPerson(client: SignedInClient, spec: PersonSpec): Promise<string> {
  const { id } = await created(client, '/api/cadres', {
    fullName: spec.fullName,
    owningUnitId: spec.unitId,
    ...(spec.gender && { gender: spec.gender }),
    ...(spec.birthDate && { birthDate: spec.birthDate }),
  });
  for (const post of spec.posts ?? []) await created(client, `/api/cadres/${id}/posts`, { unitId: spec.unitId, concurrent: false, ...post });
  for (const qualification of spec.qualifications ?? []) await created(client, `/api/cadres/${id}/qualifications`, { source: 'declared', ...qualification });
  return id;
}
