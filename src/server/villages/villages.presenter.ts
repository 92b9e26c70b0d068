import type { CommuneRow, PartyOrganizationRow, VillageRow } from './villages.repository.js';

export function presentCommune(row: CommuneRow) {
  return { id: row.id, code: row.code, name: row.name, type: row.type, validFrom: row.valid_from, validTo: row.valid_to };
}

export function presentVillage(row: VillageRow) {
  return {
    id: row.id,
    communeId: row.commune_id,
    kind: row.kind,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    note: row.note,
    partyCellCount: row.cell_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

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
