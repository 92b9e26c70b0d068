import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { format } from 'sql-formatter';
import { AccessRepository } from '../../access/access.repository.js';
import type { Actor } from '../../access/actor.js';
import { CadresRepository } from '../../cadres/cadres.repository.js';
import { ComplianceRepository } from '../../compliance/compliance.repository.js';
import { TrainingRepository } from '../../training/training.repository.js';
import { PetitionsRepository } from '../../petitions/petitions.repository.js';
import { PetitionReportRepository } from '../../petitions/petition-report.repository.js';
import { PartyCellsRepository } from '../../party-cells/party-cells.repository.js';
import type { Database, Db } from '../database.js';

/**
 * The heavy statements of the product, compiled with sample parameters into
 * `src/server/db/queries/*.sql` (as immich keeps `server/src/queries/`), so
 * that a change to the SQL a repository sends shows up in review as text.
 * `npm run sql` writes the files; a test fails when they differ from what the
 * code now sends.
 */

/** Records each statement instead of sending it: every query answers no rows. */
class RecordingDriver implements Driver {
  readonly statements: CompiledQuery[] = [];

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const statements = this.statements;
    return {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        statements.push(compiled);
        return { rows: [] };
      },
      // No statement of the catalogue streams its rows.
      async *streamQuery() {},
    };
  }

  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

const PROVINCE_OFFICER: Actor = {
  userId: '1',
  username: 'tinh.bacgiang',
  fullName: 'Ban Tổ chức Tỉnh ủy',
  role: 'province',
  unitId: '24',
  unitLevel: 'province',
  canViewSensitive: false,
  ip: null,
};
const ADMINISTRATOR: Actor = { ...PROVINCE_OFFICER, role: 'admin', unitId: '1', unitLevel: 'country', canViewSensitive: true };

const LIST_FILTER = {
  asOf: '2021-12-31',
  unitIds: ['7381', '7384'],
  folded: 'nguyen van',
  personalIdPrefix: null,
  titleCodes: null,
  key: true,
  holding: true,
  professionalLevel: 'dai_hoc',
  politicalTheoryLevel: null,
  retiresFrom: null,
};

const PROVINCE_SCOPE = {
  actor: PROVINCE_OFFICER,
  rootId: '24',
  wholeCountry: false,
  units: { unitIds: ['24', '213', '7381'], childIds: [null, '213', '213'] },
  asOf: '2021-12-31',
  keyOnly: true,
};

interface QueryEntry {
  name: string;
  run: (db: Db) => Promise<unknown>;
}

export const QUERY_FILES: Record<string, QueryEntry[]> = {
  'access.sql': [
    {
      name: 'AccessRepository.cadreReach (a province officer)',
      run: (db) => new AccessRepository().cadreReach(db, PROVINCE_OFFICER, ['101', '102'], '2026-12-07'),
    },
    { name: 'AccessRepository.unitsInScope', run: (db) => new AccessRepository().unitsInScope(db, PROVINCE_OFFICER, ['7381', '9999']) },
  ],
  'cadres.sql': [
    {
      name: 'CadresRepository.page (holding a key post, searched by name and level)',
      run: (db) => new CadresRepository(db).page(PROVINCE_OFFICER, LIST_FILTER, { offset: 50, limit: 50 }),
    },
    { name: 'CadresRepository.count (the same filter)', run: (db) => new CadresRepository(db).count(PROVINCE_OFFICER, LIST_FILTER) },
    {
      name: 'CadresRepository.page (everyone kept in the scope, the whole country)',
      run: (db) =>
        new CadresRepository(db).page(
          ADMINISTRATOR,
          { ...LIST_FILTER, unitIds: null, folded: null, key: null, holding: false, professionalLevel: null },
          { offset: 0, limit: 50 },
        ),
    },
    {
      name: 'CadresRepository.page (everyone in a province retiring within 24 months)',
      run: (db) =>
        new CadresRepository(db).page(
          PROVINCE_OFFICER,
          {
            ...LIST_FILTER,
            unitIds: null,
            folded: null,
            key: null,
            holding: false,
            professionalLevel: null,
            retiresFrom: { after: '2026-12-08', upTo: '2028-12-08' },
          },
          { offset: 0, limit: 50 },
        ),
    },
    { name: 'CadresRepository.levelsOn', run: (db) => new CadresRepository(db).levelsOn(db, ['101', '102'], '2021-12-31') },
    { name: 'CadresRepository.postsHeldOn', run: (db) => new CadresRepository(db).postsHeldOn(db, ['101', '102'], '2021-12-31') },
    { name: 'CadresRepository.keyPostsHeldOn', run: (db) => new CadresRepository(db).keyPostsHeldOn(db, PROVINCE_OFFICER, ['7381'], '2021-12-31') },
  ],
  'compliance.sql': [
    { name: 'ComplianceRepository.summary (a province)', run: (db) => new ComplianceRepository().summary(db, PROVINCE_SCOPE, { withMajor: true }) },
    {
      name: 'ComplianceRepository.summary (the whole country)',
      run: (db) =>
        new ComplianceRepository().summary(db, { ...PROVINCE_SCOPE, actor: ADMINISTRATOR, rootId: '1', wholeCountry: true, units: null }, { withMajor: false }),
    },
    {
      name: 'ComplianceRepository.people (those not meeting the standard, one page)',
      run: (db) => new ComplianceRepository().people(db, PROVINCE_SCOPE, { status: 'does_not_meet', gap: null, withMajor: true }, { offset: 0, limit: 20 }),
    },
  ],
  'petitions.sql': [
    {
      name: "PetitionsRepository.listPetitions (a commune's inbox: open cases, the deadline running first)",
      run: (db) =>
        new PetitionsRepository().listPetitions(db, PROVINCE_OFFICER, { scopeRootId: '7702', status: 'open', asOf: '2021-12-31', limit: 20, offset: 0 }),
    },
    {
      name: "PetitionsRepository.listPetitions (a province's register, searched: a denouncer's name only where the caller may see it)",
      run: (db) =>
        new PetitionsRepository().listPetitions(db, PROVINCE_OFFICER, {
          scopeRootId: '24',
          status: 'all',
          asOf: '2021-12-31',
          folded: 'nguyen van',
          limit: 20,
          offset: 0,
        }),
    },
    {
      name: 'PetitionReportRepository.figures (the whole country, one half-year)',
      run: (db) => new PetitionReportRepository().figures(db, { scopeRootId: null, from: '2025-07-01', to: '2025-12-31', asOf: '2025-12-31' }),
    },
  ],
  'party-cells.sql': [
    {
      name: "PartyCellsRepository.coverage (a province's committees: assignments, planned and made visits, idle cells)",
      run: (db) => new PartyCellsRepository().coverage(db, { scopeRootId: '24', from: '2021-01-01', asOf: '2021-12-31', idleSince: '2021-09-30' }),
    },
    {
      name: 'PartyCellsRepository.idleCells (cells of a province no standing member visited for three months)',
      run: (db) => new PartyCellsRepository().idleCells(db, { scopeRootId: '24', asOf: '2021-12-31', idleSince: '2021-09-30', limit: 200 }),
    },
  ],
  'training.sql': [
    { name: 'TrainingRepository.planFulfilment', run: (db) => new TrainingRepository().planFulfilment(db, '24', 2022) },
    { name: 'TrainingRepository.countsByForm', run: (db) => new TrainingRepository().countsByForm(db, '24', 2022) },
    { name: 'TrainingRepository.historyOf', run: (db) => new TrainingRepository().historyOf(db, '101') },
  ],
};

function describeParameter(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The text of each file: every statement the entries send, formatted, with its parameters. */
export async function generateQueryFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [file, entries] of Object.entries(QUERY_FILES)) {
    const sections: string[] = [`-- Generated by \`npm run sql\` from src/server/db/queries/catalogue.ts. Do not edit: change the repository and regenerate.`];
    for (const entry of entries) {
      const driver = new RecordingDriver();
      const db = new Kysely<Database>({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => driver,
          createIntrospector: (kysely) => new PostgresIntrospector(kysely),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        },
      });
      // Answered with no rows, a method may fail after sending its statement (a count expects one row): what was sent is what matters.
      await entry.run(db).catch((error: unknown) => {
        if (driver.statements.length === 0) throw error;
      });
      for (const statement of driver.statements) {
        const parameters = statement.parameters.map((value, index) => `--   $${index + 1} = ${describeParameter(value)}`);
        const text = format(statement.sql, { language: 'postgresql', paramTypes: { numbered: ['$'] }, keywordCase: 'lower', tabWidth: 2 });
        sections.push([`-- ${entry.name}`, ...parameters, `${text};`].join('\n'));
      }
    }
    files.set(file, `${sections.join('\n\n')}\n`);
  }
  return files;
}
