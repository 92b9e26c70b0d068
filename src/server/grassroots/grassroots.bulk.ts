import { type ProblemStatus, problemDateProblems } from '../../core/grassroots-problems.js';
import { foldVietnamese } from '../../core/text.js';
import type { Db } from '../db/database.js';

/** A registered problem as the demo knows it: every update already dated. */
export interface ProblemRecord {
  key: string;
  communeId: string;
  year: number;
  title: string;
  fieldCode: string;
  leadCadreId: string;
  registeredOn: string;
  targetOn: string;
  resolution: string | null;
  updates: { on: string; status: ProblemStatus; note: string }[];
  petitionIds: string[];
  /** The key of the previous year's problem this one carries on. */
  carriedFromKey?: string;
  createdBy: string;
}

const CHUNK = 500;

/**
 * Writes many problems at once in the caller's transaction, refusing what
 * the service would refuse (dates, a closed problem updated again), with the
 * status and closing date the updates lead to.
 */
export class GrassrootsBulkWriter {
  private readonly ids = new Map<string, string>();

  constructor(private readonly trx: Db) {}

  async problems(records: readonly ProblemRecord[]): Promise<void> {
    const ordered = [...records.filter((record) => !record.carriedFromKey), ...records.filter((record) => record.carriedFromKey)];
    for (let start = 0; start < ordered.length; start += CHUNK) {
      const batch = ordered.slice(start, start + CHUNK);
      const rows = batch.map((record) => {
        const problems = problemDateProblems(record);
        if (problems.length > 0) throw new Error(`Demo problem ${record.key}: ${problems.map((problem) => problem.message).join('; ')}`);
        let status: ProblemStatus = 'registered';
        let closedOn: string | null = null;
        for (const update of record.updates) {
          if (closedOn !== null) throw new Error(`Demo problem ${record.key}: updated after it closed`);
          if (update.on < record.registeredOn) throw new Error(`Demo problem ${record.key}: update before registration`);
          status = update.status;
          if (status !== 'in_progress' && status !== 'registered') closedOn = update.on;
        }
        return {
          commune_id: record.communeId,
          year: record.year,
          title: record.title,
          title_folded: foldVietnamese(record.title),
          field_code: record.fieldCode,
          lead_cadre_id: record.leadCadreId,
          registered_on: record.registeredOn,
          target_on: record.targetOn,
          resolution: record.resolution,
          status,
          closed_on: closedOn,
          carried_from_id: record.carriedFromKey ? this.ids.get(record.carriedFromKey)! : null,
          created_by: record.createdBy,
        };
      });
      const inserted = await this.trx.insertInto('grassroots_problem').values(rows).returning('id').execute();
      batch.forEach((record, index) => this.ids.set(record.key, inserted[index]!.id));
    }
    const updates = records.flatMap((record) =>
      record.updates.map((update) => ({
        problem_id: this.ids.get(record.key)!,
        occurred_on: update.on,
        status: update.status,
        note: update.note,
        user_id: record.createdBy,
      })),
    );
    for (let start = 0; start < updates.length; start += CHUNK)
      await this.trx
        .insertInto('grassroots_problem_update')
        .values(updates.slice(start, start + CHUNK))
        .execute();
    const links = records.flatMap((record) => record.petitionIds.map((petitionId) => ({ problem_id: this.ids.get(record.key)!, petition_id: petitionId })));
    for (let start = 0; start < links.length; start += CHUNK)
      await this.trx
        .insertInto('grassroots_problem_petition')
        .values(links.slice(start, start + CHUNK))
        .execute();
  }
}
