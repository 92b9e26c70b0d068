import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { PETITION_TYPE_LABELS, PETITION_TYPES } from '../../core/petition-deadlines.js';
import type { Actor } from '../access/actor.js';
import { requireAccess } from '../access/policy.js';
import type { AppContext } from '../context.js';
import { validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { CHANNEL_LABELS } from './petitions.presenter.js';
import { PetitionReportRepository } from './petition-report.repository.js';
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
  private readonly figures = new PetitionReportRepository();

  constructor(private readonly context: AppContext) {}

  async report(actor: Actor, query: ReportQuery) {
    if (query.to < query.from) throw validationError([{ path: 'to', message: 'Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu' }]);
    const unitId = query.unitId ?? actor.unitId;
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const unitLevel = (await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow()).level;
    const asOf = query.to < todayInVietnam() ? query.to : todayInVietnam();
    const { aggregates, fieldNames, overLevelByCommune, overLevelByYear, dialogues } = await this.figures.figures(db, {
      scopeRootId: unitLevel === 'country' ? null : unitId,
      from: query.from,
      to: query.to,
      asOf,
    });
    const rows = aggregates;
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const totals = {
      received: sum((row) => row.received),
      within_authority: sum((row) => row.within_authority),
      settled: sum((row) => row.settled),
      settled_on_time: sum((row) => row.settled_on_time),
      settled_agreed: sum((row) => row.settled_agreed),
      overdue_open: sum((row) => row.overdue_open),
    };
    const receivedBy = (key: 'type' | 'channel' | 'field_code') => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + row.received);
      return counts;
    };
    const byType = [...receivedBy('type')].map(([key, count]) => ({ key, count }));
    const byChannel = [...receivedBy('channel')].map(([key, count]) => ({ key, count }));
    const fieldCounts = receivedBy('field_code');
    const byField = fieldNames
      .map((field) => ({ code: field.code, name: field.name, position: field.position, count: fieldCounts.get(field.code) ?? 0 }))
      .filter((field) => field.count > 0)
      .sort((a, b) => b.count - a.count || a.position - b.position);

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
