import type { LoadRecord } from './territory-load.repository.js';
import type { AncestorColumns, ChangeRow, ChildRow, CountRow, LineageRow, SearchRow, TreeRow, UnitRow, VersionRow } from './territory.repository.js';
import type { UnitLevel } from './territory.tables.js';

export const PATH_SEPARATOR = ' › ';

/** "Tỉnh Bắc Giang › Huyện Lạng Giang": the ancestors below the country, highest first. */
export function presentPath(row: AncestorColumns): string {
  const parts: string[] = [];
  if (row.p2_name && row.p2_level && row.p2_level !== 'country') parts.push(row.p2_name);
  if (row.p1_name && row.p1_level && row.p1_level !== 'country') parts.push(row.p1_name);
  return parts.join(PATH_SEPARATOR);
}

export function presentUnitRef(row: { id: string; code: string; name: string; type: string; level: UnitLevel }) {
  return { id: row.id, code: row.code, name: row.name, type: row.type, level: row.level };
}

export function presentUnit(row: UnitRow) {
  return {
    ...presentUnitRef(row),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    parentId: row.parent_id,
    path: presentPath(row),
  };
}

export function presentChild(row: ChildRow) {
  return { ...presentUnit(row), childCount: row.child_count };
}

export function presentSearchItem(row: SearchRow) {
  return { ...presentUnitRef(row), path: presentPath(row), validFrom: row.valid_from, validTo: row.valid_to };
}

export function presentTreeItem(row: TreeRow) {
  return { ...presentUnitRef(row), parentId: row.parent_id, depth: row.depth };
}

export function presentVersion(row: VersionRow) {
  return {
    id: row.id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    name: row.name,
    type: row.type,
    parent:
      row.parent_id && row.parent_code && row.parent_level && row.parent_name && row.parent_type && row.parent_level !== 'country'
        ? { id: row.parent_id, code: row.parent_code, name: row.parent_name, type: row.parent_type, level: row.parent_level }
        : null,
    source: row.source,
  };
}

export function presentChange(row: ChangeRow) {
  return {
    id: row.id,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, type: row.unit_type, level: row.unit_level },
    kind: row.kind,
    effectiveDate: row.effective_date,
    originalDate: row.original_date,
    dateSource: row.date_source,
    dateBasis: row.date_basis,
    corrected: row.corrected_at !== null,
    loadId: row.load_id,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

function presentLineageLink(row: LineageRow) {
  return {
    lineageId: row.id,
    unit: presentUnitRef({ id: row.unit_id, code: row.code, name: row.name, type: row.type, level: row.level }),
    effectiveDate: row.effective_date,
    kind: row.kind,
    note: row.note,
    source: row.source,
    generation: row.generation,
    viaId: row.via_id,
  };
}

export function presentLineage(rows: LineageRow[]) {
  return {
    predecessors: rows.filter((row) => row.direction === 'predecessor').map(presentLineageLink),
    successors: rows.filter((row) => row.direction === 'successor').map(presentLineageLink),
  };
}

function tally(rows: CountRow[]) {
  const byLevel = { province: 0, district: 0, commune: 0 };
  const byType = new Map<string, { level: UnitLevel; type: string; count: number }>();
  let total = 0;
  for (const row of rows) {
    if (row.level === 'province' || row.level === 'district' || row.level === 'commune') byLevel[row.level] += row.count;
    total += row.count;
    const key = `${row.level}:${row.type}`;
    const entry = byType.get(key) ?? { level: row.level, type: row.type, count: 0 };
    entry.count += row.count;
    byType.set(key, entry);
  }
  return { total, byLevel, byType: [...byType.values()] };
}

export function presentCounts(rows: CountRow[]) {
  return { children: tally(rows.filter((row) => row.direct)), descendants: tally(rows) };
}

export function presentLoad(row: LoadRecord) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    listDate: row.list_date,
    openStart: row.open_start,
    replacesAll: row.replaces_all,
    description: row.description,
    summary: (row.summary ?? {}) as Record<string, unknown>,
    loadedAt: row.loaded_at.toISOString(),
  };
}
