import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import type { Actor } from '../access/actor.js';
import { ComplianceService, type SummaryQuery } from '../compliance/compliance.service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { buildDashboardWorkbook } from './dashboard.workbook.js';

export class DashboardService {
  private readonly compliance: ComplianceService;

  constructor(private readonly context: AppContext) {
    this.compliance = new ComplianceService(context);
  }

  /**
   * The dashboard's tables as one workbook. The summary checks the actor's
   * scope first, so a unit outside it is "not found" before anything about
   * it is said; a unit that did not exist on the date gets no sheet of zeros.
   */
  async exportXlsx(actor: Actor, query: SummaryQuery): Promise<{ fileName: string; content: Buffer }> {
    const asOf = query.asOf ?? todayInVietnam();
    const summary = await this.compliance.summary(actor, { ...query, asOf });
    const unit = (await unitNamesAsOf(this.context.db, [summary.unit.id], asOf)).get(summary.unit.id);
    if (!unit?.validOnDate) {
      throw new AppError('NOT_FOUND', {
        message: `${summary.unit.name || 'Đơn vị'} không có trong danh mục đơn vị hành chính ngày ${formatVietnameseDate(asOf)} (chưa thành lập hoặc đã sáp nhập, giải thể)`,
      });
    }
    return { fileName: `tong-quan-${summary.unit.code}-${asOf}.xlsx`, content: await buildDashboardWorkbook(summary) };
  }
}
