import { type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { PETITION_TYPE_LABELS, PETITION_TYPES } from '../../core/petition-deadlines.js';
import type { Actor } from '../access/actor.js';
import { requireAccess } from '../access/policy.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { CHANNEL_LABELS } from './petitions.presenter.js';
import type { petitionReportQuerySchema } from './petitions.schema.js';
import { PETITION_CHANNELS } from './petitions.tables.js';

type ReportQuery = z.output<typeof petitionReportQuerySchema>;

const NUMBER = new Intl.NumberFormat('vi-VN');

/**
 * What a unit's petitions and dialogues came to over a period, for any unit
 * (its subtree, with the communes merged into it) and any dates: the figures
 * the article quotes for Quỳnh Sơn, and the sentence that says them.
 */
export class PetitionReportService {
  constructor(private readonly context: AppContext) {}

  async report(actor: Actor, query: ReportQuery) {
    if (query.to < query.from) throw validationError([{ path: 'to', message: 'Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu' }]);
    const unitId = query.unitId ?? actor.unitId;
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const unitLevel = (await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow()).level;
    const inScope = (column: string) =>
      unitLevel === 'country' ? sql<SqlBool>`true` : sql<SqlBool>`${sql.ref(column)} in (select s.unit_id from unit_scope s where s.root_id = ${unitId})`;
    const asOf = query.to < todayInVietnam() ? query.to : todayInVietnam();
    const received = sql<SqlBool>`${inScope('p.unit_id')} and p.received_on between ${query.from} and ${query.to}`;

    const [byType, byField, byChannel, totals, overLevelByCommune, overLevelByYear, dialogues] = await Promise.all([
      this.countBy(db, 'p.type', received),
      db
        .selectFrom('petition as p')
        .innerJoin('petition_field as f', 'f.code', 'p.field_code')
        .select(['f.code', 'f.name', sql<number>`count(*)::int`.as('count')])
        .where(received)
        .groupBy(['f.code', 'f.name', 'f.position'])
        .orderBy(sql`count(*) desc`)
        .orderBy('f.position')
        .execute(),
      this.countBy(db, 'p.channel', received),
      db
        .selectFrom('petition as p')
        .select([
          sql<number>`count(*) filter (where ${received})::int`.as('received'),
          sql<number>`count(*) filter (where ${received} and p.handling = 'accepted')::int`.as('within_authority'),
          sql<number>`count(*) filter (where p.handling = 'accepted' and p.settled_on between ${query.from} and ${query.to})::int`.as('settled'),
          sql<number>`count(*) filter (where p.handling = 'accepted' and p.settled_on between ${query.from} and ${query.to}
            and (p.settlement_due_on is null or p.settled_on <= p.settlement_due_on))::int`.as('settled_on_time'),
          sql<number>`count(*) filter (where p.handling = 'accepted' and p.settled_on between ${query.from} and ${query.to} and p.agreed)::int`.as(
            'settled_agreed',
          ),
          sql<number>`count(*) filter (where p.received_on <= ${asOf} and ((p.handling is null and p.processing_due_on < ${asOf})
            or (p.handling = 'accepted' and (p.settled_on is null or p.settled_on > ${asOf}) and p.settlement_due_on < ${asOf})))::int`.as('overdue_open'),
        ])
        .where(inScope('p.unit_id'))
        .executeTakeFirstOrThrow(),
      // Over-level petitions are received above the commune: they are counted by the commune they concern.
      db
        .selectFrom('petition as p')
        .select(['p.commune_id', sql<number>`count(*)::int`.as('count')])
        .where('p.over_level', '=', true)
        .where(inScope('p.commune_id'))
        .where('p.received_on', '>=', query.from)
        .where('p.received_on', '<=', query.to)
        .groupBy('p.commune_id')
        .orderBy(sql`count(*) desc`)
        .orderBy('p.commune_id')
        .execute(),
      db
        .selectFrom('petition as p')
        .select([sql<number>`extract(year from p.received_on)::int`.as('year'), sql<number>`count(*)::int`.as('count')])
        .where('p.over_level', '=', true)
        .where(inScope('p.commune_id'))
        .where('p.received_on', '<=', query.to)
        .groupBy(sql`extract(year from p.received_on)`)
        .orderBy(sql`extract(year from p.received_on)`)
        .execute(),
      db
        .selectFrom('dialogue as d')
        .leftJoin('dialogue_commitment as c', 'c.dialogue_id', 'd.id')
        .select([
          sql<number>`count(distinct d.id)::int`.as('held'),
          sql<number>`count(c.id)::int`.as('commitments'),
          sql<number>`count(c.id) filter (where c.done_on is not null and c.done_on <= ${asOf})::int`.as('done'),
          sql<number>`count(c.id) filter (where c.done_on is not null and c.done_on <= ${asOf} and c.done_on > c.due_on)::int`.as('done_late'),
          sql<number>`count(c.id) filter (where c.due_on < ${asOf} and (c.done_on is null or c.done_on > ${asOf}))::int`.as('overdue'),
        ])
        .where(inScope('d.commune_id'))
        .where('d.held_on', '>=', query.from)
        .where('d.held_on', '<=', query.to)
        .executeTakeFirstOrThrow(),
    ]);

    const names = await unitNamesAsOf(db, [unitId, ...overLevelByCommune.map((row) => row.commune_id!)], query.to);
    const unitName = names.get(unitId)?.name ?? '';
    const typeCounts = new Map(byType.map((row) => [row.key, row.count]));
    const channelCounts = new Map(byChannel.map((row) => [row.key, row.count]));
    const overLevel = overLevelByCommune.reduce((sum, row) => sum + row.count, 0);
    const figures = {
      unit: { id: unitId, name: unitName },
      from: query.from,
      to: query.to,
      received: totals.received,
      byType: PETITION_TYPES.map((type) => ({ code: type, label: PETITION_TYPE_LABELS[type].vi, count: typeCounts.get(type) ?? 0 })),
      byField: byField.map((row) => ({ code: row.code, label: row.name, count: row.count })),
      byChannel: PETITION_CHANNELS.map((channel) => ({ code: channel, label: CHANNEL_LABELS[channel], count: channelCounts.get(channel) ?? 0 })),
      withinAuthority: totals.within_authority,
      settled: totals.settled,
      settledOnTime: totals.settled_on_time,
      settledAgreed: totals.settled_agreed,
      overdueOpen: totals.overdue_open,
      overLevel,
      overLevelByCommune: overLevelByCommune.map((row) => ({ id: row.commune_id!, name: names.get(row.commune_id!)?.name ?? '', count: row.count })),
      overLevelByYear,
      dialogues: dialogues.held,
      commitments: { total: dialogues.commitments, done: dialogues.done, doneLate: dialogues.done_late, overdue: dialogues.overdue },
    };
    return { ...figures, sentence: reportSentence(figures) };
  }

  private async countBy(db: Db, column: 'p.type' | 'p.channel', where: ReturnType<typeof sql<SqlBool>>) {
    return db
      .selectFrom('petition as p')
      .select([sql<string>`${sql.ref(column)}`.as('key'), sql<number>`count(*)::int`.as('count')])
      .where(where)
      .groupBy(column)
      .execute();
  }
}

interface SentenceFigures {
  unit: { name: string };
  from: string;
  to: string;
  received: number;
  withinAuthority: number;
  settled: number;
  settledOnTime: number;
  settledAgreed: number;
  overLevelByYear: { year: number; count: number }[];
  dialogues: number;
}

/** The article's way of saying it: "…tổ chức hơn 10 cuộc tiếp xúc, đối thoại… hơn 20 đơn thuộc thẩm quyền được giải quyết… đồng thuận". */
export function reportSentence(figures: SentenceFigures): string {
  const n = (value: number) => NUMBER.format(value);
  const parts = [
    `Từ ngày ${formatVietnameseDate(figures.from)} đến ngày ${formatVietnameseDate(figures.to)}, ${figures.unit.name} đã tổ chức ${n(figures.dialogues)} cuộc tiếp xúc, đối thoại với Nhân dân`,
    `tiếp nhận ${n(figures.received)} đơn, trong đó ${n(figures.withinAuthority)} đơn thuộc thẩm quyền được thụ lý giải quyết`,
    `đã giải quyết ${n(figures.settled)} đơn thuộc thẩm quyền (${n(figures.settledOnTime)} đơn đúng hạn), ${n(figures.settledAgreed)} đơn được trả lời thấu tình, đạt lý, có sự đồng thuận của người có đơn`,
  ];
  const years = figures.overLevelByYear.filter((row) => row.year >= Number(figures.from.slice(0, 4)) - 1);
  if (years.length > 0) {
    parts.push(`số đơn vượt cấp về địa bàn theo năm: ${years.map((row) => `${row.year}: ${n(row.count)}`).join('; ')}`);
  }
  return `${parts.join('; ')}.`;
}
