import { checkAccess, requireAccess, requireCadreReach } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { presentCadreTraining, presentDiversity, presentFulfilment } from './training.presenter.js';
import { buildDiversityWorkbook, buildFulfilmentWorkbook } from './training.export.js';
import { TrainingRepository } from './training.repository.js';
import { fileNameOf } from './training.shared.js';

/** What training achieved: a person's training, the plan's fulfilment and the diversity of forms, on screen and as spreadsheets. */
export class TrainingReportsService {
  private readonly training = new TrainingRepository();

  constructor(private readonly context: AppContext) {}

  async cadreTraining(actor: Actor, cadreId: string) {
    const db = this.context.db;
    const reach = await requireCadreReach(db, actor, cadreId);
    const everything = await this.training.historyOf(db, cadreId);
    // A former unit sees the classes its own units ran, not the person's later training.
    const ownUnits = reach === 'full' ? null : await checkAccess(db, { actor, permission: 'unit.read', ids: everything.map((row) => row.class_unit_id) });
    const history = ownUnits === null ? everything : everything.filter((row) => ownUnits.has(row.class_unit_id));
    const hours = await this.training.hoursByYear(db, cadreId, ownUnits === null ? null : history.map((row) => row.class_id));
    return presentCadreTraining(cadreId, history, hours);
  }

  async diversity(actor: Actor, query: { unitId: string; year: number }) {
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    return presentDiversity(query.unitId, query.year, await this.training.countsByForm(this.context.db, query.unitId, query.year));
  }

  async planFulfilment(actor: Actor, query: { unitId: string; year: number }) {
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    return presentFulfilment(query.unitId, query.year, await this.training.planFulfilment(this.context.db, query.unitId, query.year));
  }

  private async unitName(unitId: string): Promise<string> {
    return (await unitNamesAsOf(this.context.db, [unitId])).get(unitId)?.name ?? '';
  }

  async planFulfilmentXlsx(actor: Actor, query: { unitId: string; year: number }) {
    const view = await this.planFulfilment(actor, query);
    const content = await buildFulfilmentWorkbook({
      unitName: await this.unitName(query.unitId),
      year: query.year,
      rows: view.byCourseType,
      byField: view.byField,
      byForm: view.byForm.map((row) => ({ label: row.form.label, enrolled: row.enrolled, certified: row.certified })),
      total: view.total,
    });
    return { fileName: fileNameOf('Thực hiện kế hoạch đào tạo', query.year), content };
  }

  async diversityXlsx(actor: Actor, query: { unitId: string; year: number }) {
    const view = await this.diversity(actor, query);
    const content = await buildDiversityWorkbook({
      unitName: await this.unitName(query.unitId),
      year: query.year,
      rows: view.byForm.map((row) => ({ label: row.form.label, classes: row.classes, visits: row.visits, participants: row.participants })),
      formsUsed: view.formsUsed,
    });
    return { fileName: fileNameOf('Hình thức đào tạo, bồi dưỡng', query.year), content };
  }
}
