import type { ColumnType, Generated } from 'kysely';

export type PartyOrganizationKind = 'dang_bo_co_so' | 'chi_bo_co_so' | 'chi_bo';

export interface PartyOrganizationTable {
  id: Generated<string>;
  commune_id: string;
  kind: PartyOrganizationKind;
  parent_id: string | null;
  village_id: string | null;
  name: string;
  name_folded: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PartyOrganizationsTables {
  party_organization: PartyOrganizationTable;
}
