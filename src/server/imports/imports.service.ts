import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { presentImportRun } from './imports.presenter.js';
import { ImportsRepository } from './imports.repository.js';

export class ImportsService {
  private readonly runs: ImportsRepository;

  constructor(context: AppContext) {
    this.runs = new ImportsRepository(context.db);
  }

  /** Imports of a kind by anyone whose unit the actor sees, newest first. */
  async history(actor: Actor, kind: string, query: { page: number; pageSize: number }) {
    const { rows, total } = await this.runs.list(actor, kind, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: rows.map(presentImportRun), total, page: query.page, pageSize: query.pageSize };
  }
}
