import { type Transaction, sql } from 'kysely';
import type { Database, Db } from '../db/database.js';
import type { StandardSetTable } from './compliance.tables.js';
import type { RuleColumns, StandardRuleRow } from './standard-rules.js';

type Conn = Db | Transaction<Database>;

export interface StandardSetRow {
  code: string;
  name_vi: string;
  name_en: string;
  scope: StandardSetTable['scope'];
  legal_basis: string;
  confirmed: boolean;
  note: string;
  enabled: boolean;
  updated_at: Date;
  rule_count: number;
}

const RULE_COLUMNS = [
  'id',
  'code',
  'version',
  'set_code',
  'scope',
  'applies_kind',
  'title_codes',
  'title_group',
  'applies_to_titles',
  'title_specificity',
  'valid_from',
  'valid_to',
  'area_class',
  'min_professional',
  'professional_fields',
  'min_political_theory',
  'min_state_management',
  'require_high_school',
  'min_months_first_appointment',
  'min_months_reelection',
  'confirmed',
  'legal_basis',
  'note',
  'change_note',
  'superseded_at',
  'created_at',
  'created_by',
] as const;

// Standards change rarely and must never be left conflicting by two administrators at once.
const STANDARDS_LOCK = 7412301;

export class StandardsRepository {
  async lock(trx: Transaction<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${STANDARDS_LOCK})`.execute(trx);
  }

  listSets(db: Conn): Promise<StandardSetRow[]> {
    return db
      .selectFrom('standard_set as s')
      .select([
        's.code',
        's.name_vi',
        's.name_en',
        's.scope',
        's.legal_basis',
        's.confirmed',
        's.note',
        's.enabled',
        's.updated_at',
        sql<number>`(select count(distinct r.code)::int from standard_rule r where r.set_code = s.code)`.as('rule_count'),
      ])
      .orderBy(sql`(select min(r.valid_from) from standard_rule r where r.set_code = s.code) nulls last`)
      .orderBy('s.code')
      .execute();
  }

  async findSet(db: Conn, code: string): Promise<StandardSetRow | undefined> {
    return (await this.listSets(db)).find((set) => set.code === code);
  }

  async insertSet(db: Conn, values: Omit<StandardSetRow, 'updated_at' | 'rule_count'>): Promise<void> {
    await db.insertInto('standard_set').values(values).execute();
  }

  async setEnabled(db: Conn, code: string, enabled: boolean): Promise<void> {
    await db.updateTable('standard_set').set({ enabled, updated_at: sql<Date>`now()` }).where('code', '=', code).execute();
  }

  /** Versions in set, rule and version order; superseded ones only when asked for history. */
  listRules(db: Conn, filter: { setCode: string | null; code: string | null; withSuperseded: boolean }): Promise<StandardRuleRow[]> {
    return db
      .selectFrom('standard_rule')
      .select(RULE_COLUMNS)
      .$if(filter.setCode !== null, (qb) => qb.where('set_code', '=', filter.setCode!))
      .$if(filter.code !== null, (qb) => qb.where('code', '=', filter.code!))
      .$if(!filter.withSuperseded, (qb) => qb.where('superseded_at', 'is', null))
      .orderBy('set_code')
      .orderBy('code')
      .orderBy('version')
      .execute();
  }

  /** Versions that judge: not superseded, in enabled sets (plus the sets named, enabled or not). */
  applicableRules(db: Conn, alsoSets: readonly string[] = []): Promise<StandardRuleRow[]> {
    return db
      .selectFrom('standard_rule as r')
      .innerJoin('standard_set as s', 's.code', 'r.set_code')
      .select(RULE_COLUMNS.map((column) => `r.${column}` as const))
      .where('r.superseded_at', 'is', null)
      .where((eb) => (alsoSets.length === 0 ? eb('s.enabled', '=', true) : eb.or([eb('s.enabled', '=', true), eb('s.code', 'in', [...alsoSets])])))
      .orderBy('r.set_code')
      .orderBy('r.code')
      .orderBy('r.version')
      .execute();
  }

  async ruleCodeTaken(db: Conn, code: string): Promise<boolean> {
    return (await db.selectFrom('standard_rule').select('id').where('code', '=', code).limit(1).executeTakeFirst()) !== undefined;
  }

  async insertVersion(
    db: Conn,
    values: RuleColumns & {
      code: string;
      version: number;
      set_code: string;
      scope: StandardRuleRow['scope'];
      change_note: string | null;
      created_by: string | null;
    },
  ): Promise<string> {
    const row = await db
      .insertInto('standard_rule')
      .values({
        ...values,
        title_codes: sql<string[]>`${values.title_codes}::text[]`,
        applies_to_titles: sql<string[]>`${values.applies_to_titles}::text[]`,
        professional_fields: sql<string[]>`${values.professional_fields}::text[]`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async closeVersion(db: Conn, id: string, validTo: string): Promise<void> {
    await db.updateTable('standard_rule').set({ valid_to: validTo }).where('id', '=', id).execute();
  }

  async supersede(db: Conn, id: string): Promise<void> {
    await db.updateTable('standard_rule').set({ superseded_at: sql<Date>`now()` }).where('id', '=', id).execute();
  }
}
