import type { z } from 'zod';
import { visitRate } from '../../core/cell-attendance.js';
import { addMonths, compareIsoDates, todayInVietnam } from '../../core/dates.js';
import type { Actor } from '../access/actor.js';
import { requireAccess } from '../access/policy.js';
import type { AppContext } from '../context.js';
import { childOfAsOf, childUnitsAsOf, unitNamesAsOf } from '../territory/territory.service.js';
import { type CoverageRow, PartyCellsRepository } from './party-cells.repository.js';
import type { coverageQuerySchema } from './party-cells.schema.js';

const NUMBER = new Intl.NumberFormat('vi-VN');
const IDLE_LISTED = 200;

interface Figures {
  committees: number;
  committeesAssigned: number;
  cells: number;
  cellsAssigned: number;
  planned: number;
  done: number;
  idleCells: number;
}

const ZERO: Figures = { committees: 0, committeesAssigned: 0, cells: 0, cellsAssigned: 0, planned: 0, done: 0, idleCells: 0 };

function figuresOf(row: CoverageRow): Figures {
  return {
    committees: 1,
    committeesAssigned: row.assigned ? 1 : 0,
    cells: row.cells,
    cellsAssigned: row.cells_assigned,
    planned: row.planned,
    done: row.done,
    idleCells: row.idle_cells,
  };
}

function add(a: Figures, b: Figures): Figures {
  return {
    committees: a.committees + b.committees,
    committeesAssigned: a.committeesAssigned + b.committeesAssigned,
    cells: a.cells + b.cells,
    cellsAssigned: a.cellsAssigned + b.cellsAssigned,
    planned: a.planned + b.planned,
    done: a.done + b.done,
    idleCells: a.idleCells + b.idleCells,
  };
}

const withRate = (figures: Figures) => ({ ...figures, rate: visitRate(figures.done, figures.planned) });

/**
 * Whether standing members attend party-cell meetings, for any unit and
 * year: how many grassroots party committees keep assignments (the article's
 * "100% đảng ủy cơ sở duy trì phân công…"), the share of planned visits
 * made, and the cells no standing member has visited for some months.
 */
export class CellCoverageService {
  private readonly cells = new PartyCellsRepository();

  constructor(private readonly context: AppContext) {}

  async coverage(actor: Actor, query: z.output<typeof coverageQuerySchema>) {
    const db = this.context.db;
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const yearEnd = `${query.year}-12-31`;
    const today = todayInVietnam();
    const asOf = compareIsoDates(yearEnd, today) < 0 ? yearEnd : today;
    const idleSince = addMonths(asOf, -query.idleMonths);
    const unit = (await unitNamesAsOf(db, [unitId], asOf)).get(unitId);
    const level = unit?.level ?? 'commune';
    const scopeRootId = level === 'country' ? null : unitId;
    const children = level === 'commune' ? [] : await childUnitsAsOf(db, unitId, asOf);
    const [rows, idle] = await Promise.all([
      this.cells.coverage(db, { scopeRootId, from: `${query.year}-01-01`, asOf, idleSince }),
      this.cells.idleCells(db, { scopeRootId, asOf, idleSince, limit: IDLE_LISTED }),
    ]);
    const communeIds = rows.map((row) => row.commune_id);
    const [childOf, communes] = await Promise.all([
      childOfAsOf(db, unitId, children.length > 0 ? communeIds : [], asOf),
      unitNamesAsOf(db, [...communeIds, ...idle.map((row) => row.commune_id)], asOf),
    ]);
    const total = rows.map(figuresOf).reduce(add, ZERO);
    const byChildFigures = new Map<string, Figures>();
    for (const row of rows) {
      const childId = childOf.get(row.commune_id);
      if (childId) byChildFigures.set(childId, add(byChildFigures.get(childId) ?? ZERO, figuresOf(row)));
    }
    const figures = {
      unit: { id: unitId, name: unit?.name ?? '', level },
      year: query.year,
      asOf,
      idleMonths: query.idleMonths,
      ...withRate(total),
      byChild: children.map((child) => ({ id: child.id, name: child.name, ...withRate(byChildFigures.get(child.id) ?? ZERO) })),
      committeeRows:
        level === 'country'
          ? []
          : rows.map((row) => ({
              id: row.committee_id,
              name: row.name,
              commune: { id: row.commune_id, name: communes.get(row.commune_id)?.name ?? '' },
              ...withRate(figuresOf(row)),
            })),
      idle: idle.map((row) => ({
        cell: { id: row.cell_id, name: row.cell_name },
        committee: { id: row.committee_id, name: row.committee_name },
        commune: { id: row.commune_id, name: communes.get(row.commune_id)?.name ?? '' },
        lastVisit: row.last_visit,
      })),
    };
    return { ...figures, sentence: coverageSentence(figures) };
  }
}

/** The article's sentence for a unit and year, from the data. */
export function coverageSentence(figures: Figures & { unit: { name: string }; year: number; idleMonths: number; rate: number | null }): string {
  if (figures.committees === 0) return `${figures.unit.name} chưa có đảng bộ cơ sở nào được ghi nhận trong hệ thống.`;
  const share = Math.round((figures.committeesAssigned / figures.committees) * 1000) / 10;
  const parts = [
    `Năm ${figures.year}, ${NUMBER.format(figures.committeesAssigned)}/${NUMBER.format(figures.committees)} đảng ủy cơ sở (${share.toLocaleString('vi-VN')}%) của ${figures.unit.name} duy trì phân công các đồng chí thường trực Đảng ủy, HĐND, UBND định kỳ dự sinh hoạt chi bộ`,
    `${NUMBER.format(figures.cellsAssigned)}/${NUMBER.format(figures.cells)} chi bộ có người được phân công`,
  ];
  if (figures.planned > 0) {
    parts.push(
      `đã dự ${NUMBER.format(figures.done)}/${NUMBER.format(figures.planned)} lượt theo kế hoạch (${(figures.rate ?? 0).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%)`,
    );
  }
  parts.push(
    figures.idleCells === 0
      ? `chi bộ nào cũng có thường trực dự sinh hoạt trong ${figures.idleMonths} tháng gần nhất`
      : `${NUMBER.format(figures.idleCells)} chi bộ chưa có thường trực dự sinh hoạt trong ${figures.idleMonths} tháng gần nhất`,
  );
  return `${parts.join('; ')}.`;
}
