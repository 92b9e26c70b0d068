import type { Actor } from '../access/actor.js';
import { requirePermission } from '../access/policy.js';
import type { AppContext } from '../context.js';
import { presentAuditEntry } from './audit.presenter.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export class AuditService {
  private readonly audit: AuditRepository;

  constructor(context: AppContext) {
    this.audit = new AuditRepository(context.db);
  }

  async list(actor: Actor, query: AuditQuery) {
    requirePermission(actor, 'audit.read');
    const { page, pageSize, ...filters } = query;
    const { rows, total } = await this.audit.list({ ...filters, offset: (page - 1) * pageSize, limit: pageSize });
    return { items: rows.map(presentAuditEntry), total, page, pageSize };
  }
}
