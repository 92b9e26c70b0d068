import type { AreaClassRow, CommuneClassRow, WeakDesignationRow } from './commune-profile.repository.js';
import { isDisadvantagedArea } from '../../core/commune-profile.js';

export function presentAreaClass(row: AreaClassRow) {
  return {
    id: row.id,
    communeId: row.commune_id,
    flags: row.flags,
    disadvantaged: isDisadvantagedArea(row.flags),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    basis: row.basis,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentCommuneClass(row: CommuneClassRow) {
  return {
    commune: { id: row.id, code: row.code, name: row.name, type: row.type },
    areaClass:
      row.class_id && row.flags
        ? {
            id: row.class_id,
            flags: row.flags,
            disadvantaged: isDisadvantagedArea(row.flags),
            validFrom: row.class_from,
            validTo: row.class_to,
            basis: row.basis,
          }
        : null,
  };
}

export function presentDesignation(row: WeakDesignationRow) {
  return {
    id: row.id,
    commune: { id: row.commune_id, code: row.commune_code, name: row.commune_name, type: row.commune_type },
    year: row.year,
    fields: row.fields,
    reasons: row.reasons,
    decision: row.decision,
    decidedOn: row.decided_on,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
