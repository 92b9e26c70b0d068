import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createOrganizationBodySchema,
  organizationImportResultSchema,
  organizationSchema,
} from '../../../server/party-organizations/party-organizations.schema';
import type { createVillageBodySchema, villageImportResultSchema, villageListSchema, villageSchema } from '../../../server/villages/villages.schema';
import { apiFetch } from '../../app/api/api-client';
import { territoryQueryRoot } from './territory.api';
import { useCsvUpload } from './csv-upload';

/** Shapes as the server's schemas give them (villages/ and party-organizations/). */

type Output<Schema extends z.ZodType> = z.output<Schema>;

export type Village = Output<typeof villageSchema>;
export type VillageKind = Village['kind'];
export const VILLAGE_KINDS: readonly VillageKind[] = ['thon', 'to_dan_pho'];
export type PartyOrganization = Output<typeof organizationSchema>;
export type PartyOrganizationKind = PartyOrganization['kind'];
export const GRASSROOTS_KINDS: readonly PartyOrganizationKind[] = ['dang_bo_co_so', 'chi_bo_co_so'];
export type CommuneOfList = Output<typeof villageListSchema>['commune'];
type CommuneList<Item> = Omit<Output<typeof villageListSchema>, 'items'> & { items: Item[] };
export type VillageInput = Omit<z.input<typeof createVillageBodySchema>, 'communeId'>;
export type OrganizationInput = Omit<z.input<typeof createOrganizationBodySchema>, 'communeId'>;
export type VillageImportResult = Output<typeof villageImportResultSchema>;
export type OrganizationImportResult = Output<typeof organizationImportResultSchema>;

/** Villages and party organisations refer to each other (a cell's village), so one root covers both. */
const communeRecordsRoot = [...territoryQueryRoot, 'commune-records'] as const;

/** `asOf` null: every period. */
export function useVillages(communeId: string, asOf: string | null) {
  return useQuery({
    queryKey: [...communeRecordsRoot, 'villages', communeId, asOf],
    queryFn: ({ signal }) => apiFetch<CommuneList<Village>>('/api/villages', { query: { communeId, asOf: asOf ?? undefined, all: asOf === null }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(communeId: string, asOf: string | null) {
  return useQuery({
    queryKey: [...communeRecordsRoot, 'organizations', communeId, asOf],
    queryFn: ({ signal }) =>
      apiFetch<CommuneList<PartyOrganization>>('/api/party-organizations', { query: { communeId, asOf: asOf ?? undefined, all: asOf === null }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useCommuneRecordsMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communeRecordsRoot }),
  });
}

export function useCreateVillage() {
  return useCommuneRecordsMutation((input: VillageInput & { communeId: string }) => apiFetch<Village>('/api/villages', { method: 'POST', body: input }));
}

export function useUpdateVillage() {
  return useCommuneRecordsMutation(({ id, changes }: { id: string; changes: Partial<VillageInput> }) =>
    apiFetch<Village>(`/api/villages/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );
}

export function useDeleteVillage() {
  return useCommuneRecordsMutation((id: string) => apiFetch<void>(`/api/villages/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

export function useCreateOrganization() {
  return useCommuneRecordsMutation((input: OrganizationInput & { communeId: string }) =>
    apiFetch<PartyOrganization>('/api/party-organizations', { method: 'POST', body: input }),
  );
}

export function useUpdateOrganization() {
  return useCommuneRecordsMutation(({ id, changes }: { id: string; changes: Partial<OrganizationInput> }) =>
    apiFetch<PartyOrganization>(`/api/party-organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );
}

export function useDeleteOrganization() {
  return useCommuneRecordsMutation((id: string) => apiFetch<void>(`/api/party-organizations/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

/** All or nothing on the server; `dryRun` checks every line and keeps nothing. */
export function useImportVillages() {
  const upload = useCsvUpload();
  return useCommuneRecordsMutation(
    ({ file, dryRun }: { file: File; dryRun: boolean }) => upload('/api/villages/import', file, dryRun) as Promise<VillageImportResult>,
  );
}

export function useImportOrganizations() {
  const upload = useCsvUpload();
  return useCommuneRecordsMutation(
    ({ file, dryRun }: { file: File; dryRun: boolean }) => upload('/api/party-organizations/import', file, dryRun) as Promise<OrganizationImportResult>,
  );
}
