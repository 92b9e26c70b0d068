import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import { territoryQueryRoot } from './territory.api';
import { useCsvUpload } from './csv-upload';

/** Shapes exactly as `src/server/villages/villages.schema.ts` returns them. */

export type VillageKind = 'thon' | 'to_dan_pho';
export const VILLAGE_KINDS: readonly VillageKind[] = ['thon', 'to_dan_pho'];

export type PartyOrganizationKind = 'dang_bo_co_so' | 'chi_bo_co_so' | 'chi_bo';
export const GRASSROOTS_KINDS: readonly PartyOrganizationKind[] = ['dang_bo_co_so', 'chi_bo_co_so'];

export interface CommuneOfList {
  id: string;
  code: string;
  name: string;
  type: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface Village {
  id: string;
  communeId: string;
  kind: VillageKind;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  partyCellCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PartyOrganization {
  id: string;
  communeId: string;
  kind: PartyOrganizationKind;
  name: string;
  parent: { id: string; name: string } | null;
  village: { id: string; name: string } | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

interface CommuneList<Item> {
  commune: CommuneOfList;
  /** Null when every period was asked for. */
  asOf: string | null;
  items: Item[];
}

export interface VillageInput {
  kind: VillageKind;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
}

export interface OrganizationInput {
  kind: PartyOrganizationKind;
  name: string;
  parentId?: string | null;
  villageId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
}

export interface VillageImportResult {
  dryRun: boolean;
  created: number;
  items: { line: number; communeCode: string; communeName: string; kind: VillageKind; name: string; validFrom: string | null; validTo: string | null }[];
}

export interface OrganizationImportResult {
  dryRun: boolean;
  created: number;
  items: { line: number; communeCode: string; communeName: string; kind: PartyOrganizationKind; name: string; parentName: string | null }[];
}

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
