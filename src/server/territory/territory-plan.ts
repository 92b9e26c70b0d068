import { addDays, formatVietnameseDate } from '../../core/dates.js';
import { AppError } from '../http/errors.js';
import {
  type ConversionTable,
  type KnownChangeDate,
  type ListLevel,
  type ListedUnit,
  type OfficialList,
  lineageKindFromNote,
  listError,
  properName,
} from './official-lists.js';
import type { ChangeDateSource, ChangeKind, LineageKind } from './territory.tables.js';

/**
 * Turns "the units valid the day before" plus "a new official list" into the
 * rows to write: new units, new versions, closed versions, ended units,
 * lineage and dated changes. Pure, so that a bad file is refused before any
 * write and the rules can be read in one place:
 *
 * - continuity (default): a code present in both lists is the same unit; a
 *   difference in name, type or parent is a new version; a missing code ends
 *   the unit; a new code starts one. Dates: the known-dates table, else the
 *   known date of a dissolved or new parent (its communes moved with it),
 *   else the list's own date.
 * - replacesAll (the 2025 reform): every unit ends the day before, every
 *   listed unit is new, and the conversion table gives the lineage.
 */

export interface CurrentUnit {
  id: string;
  level: ListLevel;
  code: string;
  name: string;
  type: string;
  /** The country's id for a province. */
  parentId: string;
  versionId: string;
  versionFrom: string | null;
}

export interface TransitionInput {
  current: CurrentUnit[];
  countryId: string;
  list: OfficialList;
  /** The day the list takes effect; null for the first list, whose units have an open start. */
  effectiveDate: string | null;
  previousListDate: string | null;
  replacesAll: boolean;
  knownDates: KnownChangeDate[];
  conversion: ConversionTable | null;
  existingLineage: { predecessorId: string; successorId: string }[];
  decreeBasis: string | null;
}

/** An existing unit id, or `new:<level>:<code>` for a unit this plan creates. */
export type UnitRef = string;

export interface PlannedVersion {
  unitRef: UnitRef;
  validFrom: string | null;
  name: string;
  type: string;
  parentRef: UnitRef;
}

export interface PlannedLineage {
  predecessorRef: UnitRef;
  successorRef: UnitRef;
  effectiveDate: string;
  kind: LineageKind;
  note: string | null;
  source: string;
  line: number | null;
}

export interface PlannedChange {
  unitRef: UnitRef;
  kind: ChangeKind;
  effectiveDate: string;
  dateSource: ChangeDateSource;
  dateBasis: string;
  /** For 'ended': the version it closes; otherwise the version this plan creates for the unit. */
  closedVersionId: string | null;
  details: Record<string, unknown>;
}

export interface TransitionSummary {
  established: Record<ListLevel, number>;
  changed: Record<ListLevel, number>;
  ended: Record<ListLevel, number>;
  lineage: { fromConversion: number; derived: number };
  datesFromKnownTable: number;
  datesFromParent: number;
  skippedConversionLines: number[];
}

export interface TransitionPlan {
  newUnits: { ref: UnitRef; level: ListLevel; code: string; validFrom: string | null }[];
  newVersions: PlannedVersion[];
  closedVersions: { versionId: string; validTo: string }[];
  endedUnits: { unitId: string; validTo: string }[];
  lineage: PlannedLineage[];
  changes: PlannedChange[];
  summary: TransitionSummary;
}

interface DatedDecision {
  kind: ChangeKind;
  date: string;
  source: ChangeDateSource;
  basis: string;
}

const LEVELS: readonly ListLevel[] = ['province', 'district', 'commune'];

function keyOf(level: ListLevel, code: string): string {
  return `${level}:${code}`;
}

function emptyCounts(): Record<ListLevel, number> {
  return { province: 0, district: 0, commune: 0 };
}

export function planTransition(input: TransitionInput): TransitionPlan {
  const { list, countryId, effectiveDate } = input;
  const currentByKey = new Map(input.current.map((unit) => [keyOf(unit.level, unit.code), unit]));
  const currentById = new Map(input.current.map((unit) => [unit.id, unit]));
  const listedByKey = new Map(list.units.map((unit) => [keyOf(unit.level, unit.code), unit]));
  const decisions = new Map<string, DatedDecision>();
  const plan: TransitionPlan = {
    newUnits: [],
    newVersions: [],
    closedVersions: [],
    endedUnits: [],
    lineage: [],
    changes: [],
    summary: {
      established: emptyCounts(),
      changed: emptyCounts(),
      ended: emptyCounts(),
      lineage: { fromConversion: 0, derived: 0 },
      datesFromKnownTable: 0,
      datesFromParent: 0,
      skippedConversionLines: [],
    },
  };

  const listedParentKey = (unit: ListedUnit): string | null => {
    if (unit.level === 'province' || unit.parentCode === null) return null;
    if (unit.level === 'district') return keyOf('province', unit.parentCode);
    return keyOf(list.hasDistricts ? 'district' : 'province', unit.parentCode);
  };
  const currentParentKey = (unit: CurrentUnit): string | null => {
    const parent = currentById.get(unit.parentId);
    return parent ? keyOf(parent.level, parent.code) : null;
  };
  /** The id a listed unit will have once the plan is applied. */
  const refOfListedKey = (key: string | null): UnitRef => {
    if (key === null) return countryId;
    const existing = currentByKey.get(key);
    return existing && !input.replacesAll ? existing.id : `new:${key}`;
  };
  const describeCurrent = (unit: CurrentUnit) => ({
    code: unit.code,
    name: unit.name,
    type: unit.type,
    parentCode: currentById.get(unit.parentId)?.code ?? null,
  });
  const describeListed = (unit: ListedUnit) => ({ code: unit.code, name: unit.name, type: unit.type, parentCode: unit.parentCode, line: unit.line });

  // ---- The first list: everything is new, from an open start. ----
  if (effectiveDate === null) {
    if (input.current.length > 0) throw new AppError('CONFLICT', { message: 'Danh mục đầu tiên chỉ nạp được khi chưa có đơn vị hành chính nào' });
    for (const level of LEVELS) {
      for (const unit of list.units.filter((u) => u.level === level)) {
        const ref = `new:${keyOf(level, unit.code)}`;
        plan.newUnits.push({ ref, level, code: unit.code, validFrom: null });
        plan.newVersions.push({ unitRef: ref, validFrom: null, name: unit.name, type: unit.type, parentRef: refOfListedKey(listedParentKey(unit)) });
        plan.summary.established[level] += 1;
      }
    }
    return plan;
  }

  const listDateBasis = `Ngày áp dụng danh mục ${list.label} (${formatVietnameseDate(effectiveDate)}); ngày hiệu lực thực tế chưa rõ`;
  const knownIndex = new Map<string, KnownChangeDate[]>();
  for (const known of input.knownDates) {
    const key = `${known.level}:${known.code}:${known.change}`;
    knownIndex.set(key, [...(knownIndex.get(key) ?? []), known]);
  }
  const inWindow = (date: string) => (input.previousListDate === null || date > input.previousListDate) && date <= effectiveDate;

  const decide = (level: ListLevel, code: string, kind: ChangeKind, parentKeys: (string | null)[]): DatedDecision => {
    if (input.replacesAll) {
      return { kind, date: effectiveDate, source: 'decree', basis: input.decreeBasis ?? listDateBasis };
    }
    const known = knownIndex.get(`${level}:${code}:${kind}`)?.find((candidate) => inWindow(candidate.date));
    if (known) {
      plan.summary.datesFromKnownTable += 1;
      return { kind, date: known.date, source: 'known', basis: known.basis };
    }
    for (const parentKey of parentKeys) {
      const parent = parentKey === null ? undefined : decisions.get(parentKey);
      if (parent && parent.kind !== 'changed' && (parent.source === 'known' || parent.source === 'cascade')) {
        plan.summary.datesFromParent += 1;
        return { kind, date: parent.date, source: 'cascade', basis: parent.basis };
      }
    }
    return { kind, date: effectiveDate, source: 'list', basis: listDateBasis };
  };

  const checkAfterVersionStart = (unit: CurrentUnit, date: string) => {
    if (unit.versionFrom !== null && date <= unit.versionFrom) {
      throw new AppError('VALIDATION_FAILED', {
        message: `Ngày thay đổi ${formatVietnameseDate(date)} của ${unit.name} (mã ${unit.code}) không hợp lệ: trạng thái trước đó mới bắt đầu từ ${formatVietnameseDate(unit.versionFrom)}`,
        details: { code: unit.code, level: unit.level, date },
      });
    }
  };

  for (const level of LEVELS) {
    for (const listed of list.units.filter((u) => u.level === level)) {
      const key = keyOf(level, listed.code);
      const parentKey = listedParentKey(listed);
      const parentRef = refOfListedKey(parentKey);
      const existing = input.replacesAll ? undefined : currentByKey.get(key);
      if (existing) {
        const aspects = [
          ...(existing.name !== listed.name ? ['name'] : []),
          ...(existing.type !== listed.type ? ['type'] : []),
          ...(existing.parentId !== parentRef ? ['parent'] : []),
        ];
        if (aspects.length === 0) continue;
        const decision = decide(level, listed.code, 'changed', [currentParentKey(existing), parentKey]);
        decisions.set(key, decision);
        checkAfterVersionStart(existing, decision.date);
        plan.closedVersions.push({ versionId: existing.versionId, validTo: addDays(decision.date, -1) });
        plan.newVersions.push({ unitRef: existing.id, validFrom: decision.date, name: listed.name, type: listed.type, parentRef });
        plan.changes.push({
          unitRef: existing.id,
          kind: 'changed',
          effectiveDate: decision.date,
          dateSource: decision.source,
          dateBasis: decision.basis,
          closedVersionId: null,
          details: { aspects, before: describeCurrent(existing), after: describeListed(listed) },
        });
        plan.summary.changed[level] += 1;
      } else {
        const decision = decide(level, listed.code, 'established', [parentKey]);
        decisions.set(key, decision);
        const ref = `new:${key}`;
        plan.newUnits.push({ ref, level, code: listed.code, validFrom: decision.date });
        plan.newVersions.push({ unitRef: ref, validFrom: decision.date, name: listed.name, type: listed.type, parentRef });
        plan.changes.push({
          unitRef: ref,
          kind: 'established',
          effectiveDate: decision.date,
          dateSource: decision.source,
          dateBasis: decision.basis,
          closedVersionId: null,
          details: { after: describeListed(listed) },
        });
        plan.summary.established[level] += 1;
      }
    }
    for (const unit of input.current.filter((u) => u.level === level)) {
      const key = keyOf(level, unit.code);
      if (!input.replacesAll && listedByKey.has(key)) continue;
      const decision = decide(level, unit.code, 'ended', [currentParentKey(unit)]);
      decisions.set(key, decision);
      checkAfterVersionStart(unit, decision.date);
      const validTo = addDays(decision.date, -1);
      plan.endedUnits.push({ unitId: unit.id, validTo });
      plan.closedVersions.push({ versionId: unit.versionId, validTo });
      plan.changes.push({
        unitRef: unit.id,
        kind: 'ended',
        effectiveDate: decision.date,
        dateSource: decision.source,
        dateBasis: decision.basis,
        closedVersionId: unit.versionId,
        details: { before: describeCurrent(unit) },
      });
      plan.summary.ended[level] += 1;
    }
  }

  const lineage = new Map<string, PlannedLineage>();
  const addLineage = (entry: PlannedLineage) => {
    const pair = `${entry.predecessorRef}>${entry.successorRef}`;
    if (entry.predecessorRef === entry.successorRef || lineage.has(pair)) return;
    lineage.set(pair, entry);
    if (entry.source.startsWith('derived:')) plan.summary.lineage.derived += 1;
    else plan.summary.lineage.fromConversion += 1;
  };
  const dateOfTransition = (predecessorKey: string, successorKey: string): string => {
    const ended = decisions.get(predecessorKey);
    if (ended?.kind === 'ended') return ended.date;
    const established = decisions.get(successorKey);
    if (established?.kind === 'established') return established.date;
    return effectiveDate;
  };

  const convertedOldCodes = new Set<string>();
  if (input.conversion) {
    const conversionSource = input.conversion.label;
    const parentsOfCommunes = new Set(input.current.filter((u) => u.level === 'commune').map((u) => u.parentId));
    for (const row of input.conversion.rows) {
      const successorKey = keyOf('commune', row.newCode);
      if (!listedByKey.has(successorKey)) {
        throw listError(
          input.conversion.label,
          row.line,
          `xã mới mã ${row.newCode} không có trong danh mục ${list.label}: không thể sáp nhập vào đơn vị không tồn tại`,
        );
      }
      if (row.oldCode === null) {
        const district = row.oldDistrictCode ? currentByKey.get(keyOf('district', row.oldDistrictCode)) : undefined;
        if (district && !parentsOfCommunes.has(district.id)) {
          addLineage({
            predecessorRef: district.id,
            successorRef: refOfListedKey(successorKey),
            effectiveDate: dateOfTransition(keyOf('district', district.code), successorKey),
            kind: 'whole',
            note: row.note,
            source: conversionSource,
            line: row.line,
          });
        } else {
          // e.g. an unnumbered coastal area: there is no unit to link.
          plan.summary.skippedConversionLines.push(row.line);
        }
        continue;
      }
      const predecessorKey = keyOf('commune', row.oldCode);
      const predecessor = currentByKey.get(predecessorKey);
      if (!predecessor) {
        throw listError(
          input.conversion.label,
          row.line,
          `xã cũ mã ${row.oldCode} không có hiệu lực ngày ${formatVietnameseDate(addDays(effectiveDate, -1))}, ngày trước khi danh mục mới áp dụng`,
        );
      }
      convertedOldCodes.add(row.oldCode);
      addLineage({
        predecessorRef: predecessor.id,
        successorRef: refOfListedKey(successorKey),
        effectiveDate: dateOfTransition(predecessorKey, successorKey),
        kind: lineageKindFromNote(row.note),
        note: row.note || null,
        source: conversionSource,
        line: row.line,
      });
    }
    if (input.replacesAll) {
      const uncovered = input.current.filter((u) => u.level === 'commune' && !convertedOldCodes.has(u.code));
      if (uncovered.length > 0) {
        throw listError(
          input.conversion.label,
          1,
          `bảng chuyển đổi thiếu ${uncovered.length} xã cũ, ví dụ ${uncovered
            .slice(0, 5)
            .map((u) => `${u.name} (${u.code})`)
            .join(', ')}: mọi xã cũ phải được chuyển vào xã mới`,
        );
      }
    }
  } else if (input.replacesAll) {
    throw new AppError('VALIDATION_FAILED', { message: 'Danh mục thay thế toàn bộ đơn vị cần kèm bảng chuyển đổi đơn vị cũ → mới' });
  }

  const derivedSource = `derived:${list.label}`;
  if (!input.replacesAll) {
    deriveCommuneMerges();
    deriveParentLineage();
  } else {
    deriveReformParentLineage();
  }

  /** Where a commune that disappeared went, when the two lists leave only one possibility in its district. */
  function deriveCommuneMerges(): void {
    const isRenamedOrNew = (listed: ListedUnit) => {
      const existing = currentByKey.get(keyOf('commune', listed.code));
      return !existing || properName(existing.name, existing.type) !== properName(listed.name, listed.type);
    };
    const originDistrict = (listed: ListedUnit) => {
      const existing = currentByKey.get(keyOf('commune', listed.code));
      return existing ? currentParentKey(existing) : listedParentKey(listed);
    };
    const candidatesByDistrict = new Map<string | null, ListedUnit[]>();
    for (const listed of list.units) {
      if (listed.level !== 'commune' || !isRenamedOrNew(listed)) continue;
      const district = originDistrict(listed);
      candidatesByDistrict.set(district, [...(candidatesByDistrict.get(district) ?? []), listed]);
    }
    for (const unit of input.current) {
      if (unit.level !== 'commune' || listedByKey.has(keyOf('commune', unit.code)) || convertedOldCodes.has(unit.code)) continue;
      const candidates = candidatesByDistrict.get(currentParentKey(unit)) ?? [];
      const sameName = candidates.filter((c) => properName(c.name, c.type) === properName(unit.name, unit.type));
      const successor = sameName.length === 1 ? sameName[0] : candidates.length === 1 ? candidates[0] : undefined;
      if (!successor) continue;
      const successorKey = keyOf('commune', successor.code);
      addLineage({
        predecessorRef: unit.id,
        successorRef: refOfListedKey(successorKey),
        effectiveDate: dateOfTransition(keyOf('commune', unit.code), successorKey),
        kind: 'whole',
        note:
          sameName.length === 1
            ? `Suy ra từ hai danh mục: ${successor.name} (mã ${successor.code}) cùng huyện nhận tên của ${unit.name} (mã ${unit.code}); cần đối chiếu nghị quyết`
            : `Suy ra từ hai danh mục: ${successor.name} (mã ${successor.code}) là xã duy nhất cùng huyện đổi tên hoặc mới lập; cần đối chiếu nghị quyết`,
        source: derivedSource,
        line: null,
      });
    }
  }

  /** A dissolved district went where its communes went; a new district came from where its communes were. */
  function deriveParentLineage(): void {
    const successorKeyOf = (ref: UnitRef): string | undefined => {
      if (ref.startsWith('new:')) return ref.slice(4);
      const unit = currentById.get(ref);
      return unit ? keyOf(unit.level, unit.code) : undefined;
    };
    const successorsOf = new Map<string, UnitRef[]>();
    for (const entry of lineage.values()) {
      successorsOf.set(entry.predecessorRef, [...(successorsOf.get(entry.predecessorRef) ?? []), entry.successorRef]);
    }
    const newParentRefOf = (key: string | undefined): UnitRef | undefined => {
      const listed = key ? listedByKey.get(key) : undefined;
      return listed ? refOfListedKey(listedParentKey(listed)) : undefined;
    };
    for (const level of ['province', 'district'] as const) {
      for (const parent of input.current.filter((u) => u.level === level)) {
        const parentKey = keyOf(level, parent.code);
        if (decisions.get(parentKey)?.kind !== 'ended') continue;
        const targets = new Set<UnitRef>();
        for (const child of input.current.filter((u) => u.parentId === parent.id)) {
          const childKey = keyOf(child.level, child.code);
          const refs = listedByKey.has(childKey) ? [child.id] : (successorsOf.get(child.id) ?? []);
          for (const ref of refs) {
            const target = newParentRefOf(successorKeyOf(ref));
            if (target && target !== countryId) targets.add(target);
          }
        }
        for (const target of targets) {
          addLineage({
            predecessorRef: parent.id,
            successorRef: target,
            effectiveDate: decisions.get(parentKey)!.date,
            kind: targets.size === 1 ? 'whole' : 'part',
            note: `Suy ra từ hai danh mục: nơi chuyển đến của các đơn vị trực thuộc ${parent.name}`,
            source: derivedSource,
            line: null,
          });
        }
      }
      for (const listed of list.units.filter((u) => u.level === level)) {
        const listedKey = keyOf(level, listed.code);
        if (decisions.get(listedKey)?.kind !== 'established') continue;
        const sources = new Set<string>();
        for (const child of list.units) {
          if (listedParentKey(child) !== listedKey) continue;
          const before = currentByKey.get(keyOf(child.level, child.code));
          const sourceKey = before ? currentParentKey(before) : null;
          if (sourceKey && decisions.get(sourceKey)?.kind !== 'ended') sources.add(sourceKey);
        }
        for (const sourceKey of sources) {
          const source = currentByKey.get(sourceKey)!;
          addLineage({
            predecessorRef: source.id,
            successorRef: `new:${listedKey}`,
            effectiveDate: decisions.get(listedKey)!.date,
            kind: 'part',
            note: `Suy ra từ hai danh mục: ${listed.name} nhận các đơn vị trực thuộc từ ${source.name}`,
            source: derivedSource,
            line: null,
          });
        }
      }
    }
  }

  /** After the reform an old province or district lies in the new province(s) its communes went to. */
  function deriveReformParentLineage(): void {
    const newProvincesOf = new Map<string, Set<UnitRef>>();
    const ancestorsOf = (unit: CurrentUnit): CurrentUnit[] => {
      const result: CurrentUnit[] = [];
      for (let parent = currentById.get(unit.parentId); parent; parent = currentById.get(parent.parentId)) result.push(parent);
      return result;
    };
    for (const entry of lineage.values()) {
      const old = currentById.get(entry.predecessorRef);
      const successor = listedByKey.get(entry.successorRef.slice(4));
      if (!old || old.level !== 'commune' || !successor) continue;
      const newProvince = refOfListedKey(keyOf('province', provinceCodeOf(successor)));
      for (const ancestor of ancestorsOf(old)) {
        newProvincesOf.set(ancestor.id, (newProvincesOf.get(ancestor.id) ?? new Set()).add(newProvince));
      }
    }
    for (const [oldId, provinces] of newProvincesOf) {
      const old = currentById.get(oldId)!;
      for (const province of provinces) {
        addLineage({
          predecessorRef: oldId,
          successorRef: province,
          effectiveDate: effectiveDate!,
          kind: provinces.size === 1 ? 'whole' : 'part',
          note: `Suy ra từ bảng chuyển đổi: các xã của ${old.name} chuyển vào tỉnh mới`,
          source: derivedSource,
          line: null,
        });
      }
    }
  }

  function provinceCodeOf(unit: ListedUnit): string {
    let current: ListedUnit | undefined = unit;
    while (current && current.level !== 'province') {
      const parentKey = listedParentKey(current);
      current = parentKey ? listedByKey.get(parentKey) : undefined;
    }
    return current?.code ?? '';
  }

  const codeOfRef = (ref: UnitRef) => (ref.startsWith('new:') ? (ref.split(':')[2] ?? ref) : (currentById.get(ref)?.code ?? `#${ref}`));
  assertNoLineageCycle(input, [...lineage.values()], codeOfRef);
  plan.lineage = [...lineage.values()];
  return plan;
}

/**
 * A unit cannot descend from itself. Edges are added in file order and each is checked
 * against those before it, so the message names the line that closes the loop; an edge
 * into a unit this plan creates cannot close one.
 */
function assertNoLineageCycle(input: TransitionInput, planned: PlannedLineage[], codeOfRef: (ref: UnitRef) => string): void {
  const successors = new Map<string, string[]>();
  const link = (from: string, to: string) => successors.set(from, [...(successors.get(from) ?? []), to]);
  for (const edge of input.existingLineage) link(edge.predecessorId, edge.successorId);
  for (const edge of planned) {
    if (!edge.successorRef.startsWith('new:') && reaches(successors, edge.successorRef, edge.predecessorRef)) {
      const message = `quan hệ kế thừa ${codeOfRef(edge.predecessorRef)} → ${codeOfRef(edge.successorRef)} tạo vòng lặp (đơn vị kế thừa lại là tiền thân của chính nó)`;
      if (edge.line !== null && input.conversion) throw listError(input.conversion.label, edge.line, message);
      throw new AppError('VALIDATION_FAILED', { message: `Danh mục ${input.list.label}: ${message}` });
    }
    link(edge.predecessorRef, edge.successorRef);
  }
}

function reaches(successors: Map<string, string[]>, from: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === target) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(successors.get(node) ?? []));
  }
  return false;
}
