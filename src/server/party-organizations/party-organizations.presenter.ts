import type { PartyOrganizationRow } from './party-organizations.repository.js';

export function presentOrganization(row: PartyOrganizationRow) {
  return {
    id: row.id,
    communeId: row.commune_id,
    kind: row.kind,
    name: row.name,
    parent: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
    village: row.village_id && row.village_name ? { id: row.village_id, name: row.village_name } : null,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
