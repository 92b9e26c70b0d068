import type { z } from 'zod';
import { todayInVietnam } from '../../core/dates.js';
import { resolutionRate } from '../../core/grassroots-problems.js';
import type { Actor } from '../access/actor.js';
import { requireAccess } from '../access/policy.js';
import type { AppContext } from '../context.js';
import { childOfAsOf, childUnitsAsOf, unitNamesAsOf } from '../territory/territory.service.js';
import type { problemReportQuerySchema } from './grassroots.schema.js';
import { GrassrootsRepository } from './grassroots.repository.js';

const NUMBER = new Intl.NumberFormat('vi-VN');

interface Counts {
  registered: number;
  resolved: number;
  partly_resolved: number;
  not_resolved: number;
  carried_over: number;
  open: number;
}

function rateRow(counts: Counts) {
  return {
    registered: counts.registered,
    resolved: counts.resolved,
    partlyResolved: counts.partly_resolved,
    notResolved: counts.not_resolved,
    carriedOver: counts.carried_over,
    open: counts.open,
    rate: resolutionRate(counts.resolved, counts.registered),
  };
}

const ZERO: Counts = { registered: 0, resolved: 0, partly_resolved: 0, not_resolved: 0, carried_over: 0, open: 0 };

function add(a: Counts, b: Counts): Counts {
  return {
    registered: a.registered + b.registered,
    resolved: a.resolved + b.resolved,
    partly_resolved: a.partly_resolved + b.partly_resolved,
    not_resolved: a.not_resolved + b.not_resolved,
    carried_over: a.carried_over + b.carried_over,
    open: a.open + b.open,
  };
}

/**
 * How a year's grassroots problems ended, for any unit: its communes (and
 * those merged into them, so a 2024 problem of a commune merged in 2025
 * counts for the new one), by field and by child unit, with the article's
 * sentence ("đăng ký hơn 800 vấn đề…, giải quyết đạt hơn 94%…").
 */
export class GrassrootsReportService {
  private readonly problems = new GrassrootsRepository();

  constructor(private readonly context: AppContext) {}

  async report(actor: Actor, query: z.output<typeof problemReportQuerySchema>) {
    const db = this.context.db;
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const yearEnd = `${query.year}-12-31`;
    const asOf = yearEnd < todayInVietnam() ? yearEnd : todayInVietnam();
    const names = await unitNamesAsOf(db, [unitId], asOf);
    const unit = names.get(unitId);
    const level = unit?.level ?? 'commune';
    const children = level === 'commune' ? [] : await childUnitsAsOf(db, unitId, asOf);
    const [rates, fields] = await Promise.all([
      this.problems.rates(db, { scopeRootId: level === 'country' ? null : unitId, year: query.year }),
      db.selectFrom('petition_field').select(['code', 'name', 'position']).orderBy('position').execute(),
    ]);
    const total = rates.byField.reduce(add, ZERO);
    const byFieldCounts = new Map(rates.byField.map((row) => [row.field_code, row]));
    const byField = fields
      .filter((field) => byFieldCounts.has(field.code))
      .map((field) => ({ code: field.code, label: field.name, ...rateRow(byFieldCounts.get(field.code)!) }))
      .sort((a, b) => b.registered - a.registered);
    // Each commune's problems count once, under the unit below that held the commune on the day (or its successor).
    const childOf = await childOfAsOf(db, unitId, children.length > 0 ? rates.byCommune.map((row) => row.commune_id) : [], asOf);
    const byChildCounts = new Map<string, Counts>();
    for (const row of rates.byCommune) {
      const childId = childOf.get(row.commune_id);
      if (childId) byChildCounts.set(childId, add(byChildCounts.get(childId) ?? ZERO, row));
    }
    const byChild = children.map((child) => ({ id: child.id, name: child.name, ...rateRow(byChildCounts.get(child.id) ?? ZERO) }));
    const figures = { unit: { id: unitId, name: unit?.name ?? '' }, year: query.year, ...rateRow(total), byField, byChild };
    return { ...figures, sentence: problemsSentence({ ...figures, level }) };
  }
}

/** The article's sentence for a unit and year, from the data. */
export function problemsSentence(figures: {
  unit: { name: string };
  level: string;
  year: number;
  registered: number;
  resolved: number;
  rate: number | null;
  byField: { label: string }[];
}): string {
  const who = figures.level === 'commune' ? figures.unit.name : `các xã, phường, thị trấn của ${figures.unit.name}`;
  if (figures.registered === 0) return `Trong năm ${figures.year}, ${who} chưa đăng ký vấn đề nào cần tập trung lãnh đạo, chỉ đạo.`;
  const rate = (figures.rate ?? 0).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  const fields = figures.byField
    .slice(0, 3)
    .map((field) => field.label.toLowerCase())
    .join(', ');
  return `Trong năm ${figures.year}, ${who} đăng ký ${NUMBER.format(figures.registered)} vấn đề cần tập trung cao trong công tác lãnh đạo, chỉ đạo; kết quả số vụ việc giải quyết đạt ${rate}% (${NUMBER.format(figures.resolved)} vấn đề), tập trung ở các lĩnh vực: ${fields}.`;
}
