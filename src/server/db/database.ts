import { Kysely } from 'kysely';
import pg from 'pg';
import { ChangeTrackingPostgresDialect } from '../cache/change-tracking-dialect.js';
import { DataChanges, registerDataChanges } from '../cache/data-changes.js';
import type { IdentityTables } from '../auth/auth.tables.js';
import type { AuditTables } from '../audit/audit.tables.js';
import type { CommuneProfileTables } from '../commune-profile/commune-profile.tables.js';
import type { SettingsTables } from '../settings/settings.tables.js';
import type { TerritoryTables } from '../territory/territory.tables.js';
import type { VillagesTables } from '../villages/villages.tables.js';
import type { PartyOrganizationsTables } from '../party-organizations/party-organizations.tables.js';
import type { CadresTables } from '../cadres/cadres.tables.js';
import type { ImportsTables } from '../imports/imports.tables.js';
import type { ComplianceTables } from '../compliance/compliance.tables.js';
import type { TrainingReviewTables } from '../training-review/training-review.tables.js';
import type { TrainingTables } from '../training/training.tables.js';
import type { PetitionsTables } from '../petitions/petitions.tables.js';
import type { GrassrootsTables } from '../grassroots/grassroots.tables.js';
import type { PartyCellsTables } from '../party-cells/party-cells.tables.js';
import type { RotationsTables } from '../rotations/rotations.tables.js';
import type { EvaluationsTables } from '../evaluations/evaluations.tables.js';
import type { SuccessionTables } from '../succession/succession.tables.js';

/** One interface per feature, composed here: Kysely needs the whole schema as one type. */
export interface Database
  extends IdentityTables,
    AuditTables,
    SettingsTables,
    TerritoryTables,
    CadresTables,
    ImportsTables,
    VillagesTables,
    PartyOrganizationsTables,
    CommuneProfileTables,
    ComplianceTables,
    TrainingReviewTables,
    TrainingTables,
    PetitionsTables,
    GrassrootsTables,
    PartyCellsTables,
    RotationsTables,
    EvaluationsTables,
    SuccessionTables {}

export type Db = Kysely<Database>;

const PG_DATE = 1082;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;

// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(PG_DATE, (value) => value);
// Identity keys are bigint: keep them as strings rather than risk precision loss.
pg.types.setTypeParser(PG_INT8, (value) => value);
pg.types.setTypeParser(PG_NUMERIC, (value) => value);

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  destroy: () => Promise<void>;
}

export function connectDatabase(connectionString: string, options: { maxConnections?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'canboxa',
    options: '-c timezone=Asia/Ho_Chi_Minh',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const changes = new DataChanges({ connectionString, options: '-c timezone=Asia/Ho_Chi_Minh' });
  const db = new Kysely<Database>({ dialect: new ChangeTrackingPostgresDialect({ pool }, changes) });
  registerDataChanges(db, changes);
  return { db, pool, destroy: () => db.destroy() };
}
