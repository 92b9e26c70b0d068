import type { CommuneRow, VillageRow } from './villages.repository.js';

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
