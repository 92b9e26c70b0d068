import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { formatVietnameseDate, parseVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { type LineError, importFailed } from './import-csv.js';
import { type CommuneRow, type Period, VillagesRepository } from './villages.repository.js';

/**
 * What the records a commune keeps for itself share (villages and residential
 * groups, party organisations and cells): reading and writing them within the
 * access policy, the validity periods inside the commune's own, and the
 * all-or-nothing CSV import.
 */

export function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message });
}

export function conflict(message: string): AppError {
  return new AppError('CONFLICT', { message });
}

export function describePeriod(period: Period): string {
  const from = period.validFrom ? `từ ${formatVietnameseDate(period.validFrom)}` : 'từ trước (không rõ ngày)';
  const to = period.validTo ? `đến ${formatVietnameseDate(period.validTo)}` : 'đến nay';
  return `${from} ${to}`;
}

export function within(inner: Period, outer: Period): boolean {
  const startsInside = outer.validFrom === null || (inner.validFrom !== null && inner.validFrom >= outer.validFrom);
  const endsInside = outer.validTo === null || (inner.validTo !== null && inner.validTo <= outer.validTo);
  return startsInside && endsInside;
}

export function periodOf(row: { valid_from: string | null; valid_to: string | null }): Period {
  return { validFrom: row.valid_from, validTo: row.valid_to };
}

/** A period given by the user, with what is left out taken from the enclosing unit. */
export function resolvePeriod(given: { validFrom?: string | null; validTo?: string | null }, defaults: Period): Period {
  const period = {
    validFrom: given.validFrom === undefined ? defaults.validFrom : given.validFrom,
    validTo: given.validTo === undefined ? defaults.validTo : given.validTo,
  };
  if (period.validFrom && period.validTo && period.validTo < period.validFrom) {
    throw invalid(`Ngày kết thúc ${formatVietnameseDate(period.validTo)} phải sau ngày bắt đầu ${formatVietnameseDate(period.validFrom)}`);
  }
  return period;
}

export function cleanNote(note: string | null | undefined): string | null {
  const cleaned = note ? normalizeText(note) : '';
  return cleaned === '' ? null : cleaned;
}

export function cleanName(name: string, what: string): { name: string; folded: string } {
  const cleaned = normalizeText(name);
  if (cleaned === '') throw invalid(`Cần nhập tên ${what}`);
  if (cleaned.length > 200) throw invalid(`Tên ${what} dài quá 200 ký tự`);
  return { name: cleaned, folded: foldVietnamese(cleaned) };
}

export class ImportRollback extends Error {
  constructor(readonly result: unknown) {
    super('import dry run');
  }
}

export function readPeriod(values: Record<string, string>): { validFrom?: string | null; validTo?: string | null } {
  const read = (text: string | undefined, label: string): string | undefined => {
    if (!text) return undefined;
    const parsed = parseVietnameseDate(text);
    if (!parsed.ok) throw invalid(`${label}: ${parsed.message}`);
    return parsed.date ?? undefined;
  };
  const validFrom = read(values.validFrom, 'Từ ngày');
  const validTo = read(values.validTo, 'Đến ngày');
  return { ...(validFrom !== undefined && { validFrom }), ...(validTo !== undefined && { validTo }) };
}

export class CommuneRecordDesk {
  constructor(
    private readonly context: AppContext,
    private readonly repository: VillagesRepository,
  ) {}

  async communeToRead(actor: Actor, communeId: string, asOf: string): Promise<CommuneRow> {
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [communeId] });
    const commune = await this.repository.commune(this.context.db, communeId, asOf);
    if (!commune || commune.level !== 'commune') throw notFound();
    return commune;
  }

  /** A record of a commune the actor may read, or "not found". */
  async readable<Row extends { commune_id: string }>(db: Db, actor: Actor, row: Row | undefined): Promise<Row> {
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    return row;
  }

  /** Commune officers write their own commune only; higher levels write within their scope; viewers read. */
  async communeToWrite(trx: Db, actor: Actor, communeId: string): Promise<CommuneRow> {
    requirePermission(actor, 'data.write');
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [communeId] });
    const commune = await this.repository.commune(trx, communeId, todayInVietnam());
    if (!commune || commune.level !== 'commune') throw notFound();
    return commune;
  }

  transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.context.db.transaction().execute(work);
  }

  async communeForLine(trx: Db, actor: Actor, code: string, on: string): Promise<CommuneRow> {
    if (!/^\d{5}$/.test(code)) throw invalid(`mã xã «${code}» không hợp lệ: phải gồm 5 chữ số`);
    const found = await this.repository.communeByCode(trx, code, on);
    if (!found) throw invalid(`không tìm thấy xã mã ${code} có hiệu lực ngày ${formatVietnameseDate(on)} trong phạm vi quản lý`);
    try {
      return await this.communeToWrite(trx, actor, found.id);
    } catch (error) {
      if (error instanceof AppError && error.id === 'NOT_FOUND') {
        throw invalid(`không tìm thấy xã mã ${code} có hiệu lực ngày ${formatVietnameseDate(on)} trong phạm vi quản lý`);
      }
      throw error;
    }
  }

  async runImport<T>(dryRun: boolean, work: (trx: Db, errors: LineError[]) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(async (trx) => {
        const errors: LineError[] = [];
        const result = await work(trx, errors);
        if (errors.length > 0) throw importFailed(errors.sort((a, b) => a.line - b.line));
        if (dryRun) throw new ImportRollback(result);
        return result;
      });
    } catch (error) {
      if (error instanceof ImportRollback) return error.result as T;
      throw error;
    }
  }
}
