import { type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { seesWholeCountry, unitInScope } from '../access/access.js';
import type { Database, Db } from '../db/database.js';
import { escapeLike } from '../db/like.js';
import type { UnitLevel } from '../territory/territory.tables.js';
import type { CadrePostTable, CadreQualificationTable, CadreTable, QualificationKind } from './cadres.tables.js';
import { LEVEL_ORDER, type LevelsOnDate, SCALE_OF_KIND } from './qualification-scales.js';

type Conn = Db | Transaction<Database>;

export interface CadreRow {
  id: string;
  full_name: string;
  given_name: string;
  gender: CadreTable['gender'];
  birth_date: string | null;
  birth_date_precision: CadreTable['birth_date_precision'];
  ethnicity_code: string | null;
  religion: string | null;
  home_town: string | null;
  personal_id: string | null;
  party_joined_on: string | null;
  party_joined_precision: CadreTable['party_joined_precision'];
  phone: string | null;
  email: string | null;
  discipline: string | null;
  owning_unit_id: string;
  created_at: Date;
  updated_at: Date;
  has_photo: boolean;
}

export interface PostRow {
  id: string;
  cadre_id: string;
  unit_id: string;
  title_code: string;
  is_key: boolean;
  start_date: string;
  start_date_precision: 'day' | 'year';
  end_date: string | null;
  term: string | null;
  how_obtained: CadrePostTable['how_obtained'];
  concurrent: boolean;
  note: string | null;
  /** Marked by an officer: this secretary's or deputy secretary's post is the person's first term in the party committee. */
  first_party_committee_term: boolean;
}

export interface QualificationRow {
  id: string;
  cadre_id: string;
  kind: QualificationKind;
  level: string;
  major: string | null;
  institution: string | null;
  study_mode: CadreQualificationTable['study_mode'];
  language: string | null;
  obtained_on: string | null;
  obtained_precision: 'day' | 'year' | null;
  source: CadreQualificationTable['source'];
  source_ref: string | null;
  note: string | null;
}

export interface CadreFilter {
  asOf: string;
  /** The chosen unit and every unit under it on `asOf`; null: the actor's whole scope. */
  unitIds: readonly string[] | null;
  /** Folded search text. */
  folded: string | null;
  /** Digits of a personal id, searched only for actors allowed to see them. */
  personalIdPrefix: string | null;
  titleCodes: readonly string[] | null;
  key: boolean | null;
  /** true: people holding a matching post on `asOf`; false: everyone kept in the units, with or without a post. */
  holding: boolean;
  professionalLevel: string | null;
  politicalTheoryLevel: string | null;
  /** People whose first day out of service falls after `after` and on or before `upTo` (either may be open). */
  retiresFrom: { after: string | null; upTo: string } | null;
}

export type NewCadre = Omit<CadreTable, 'id' | 'created_at' | 'updated_at' | 'retires_from'>;
export type CadreValues = NewCadre & { id: string };
export type NewPost = Omit<PostRow, 'id' | 'first_party_committee_term'> & { id?: string; first_party_committee_term?: boolean };
export type NewQualification = Omit<QualificationRow, 'id'>;

export interface UnitVersionRow {
  unit_id: string;
  code: string;
  level: UnitLevel;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
}

export interface UnitCodeRow {
  id: string;
  code: string;
  level: UnitLevel;
  valid_from: string | null;
  valid_to: string | null;
}

const CADRE_COLUMNS = [
  'c.id',
  'c.full_name',
  'c.given_name',
  'c.gender',
  'c.birth_date',
  'c.birth_date_precision',
  'c.ethnicity_code',
  'c.religion',
  'c.home_town',
  'c.personal_id',
  'c.party_joined_on',
  'c.party_joined_precision',
  'c.phone',
  'c.email',
  'c.discipline',
  'c.owning_unit_id',
  'c.created_at',
  'c.updated_at',
] as const;

const POST_COLUMNS = [
  'id',
  'cadre_id',
  'unit_id',
  'title_code',
  'is_key',
  'start_date',
  'start_date_precision',
  'end_date',
  'term',
  'how_obtained',
  'concurrent',
  'note',
  'first_party_committee_term',
] as const;

const QUALIFICATION_COLUMNS = [
  'id',
  'cadre_id',
  'kind',
  'level',
  'major',
  'institution',
  'study_mode',
  'language',
  'obtained_on',
  'obtained_precision',
  'source',
  'source_ref',
  'note',
] as const;

/** Rows per bulk statement of an import. */
const BULK_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

const NAME_ORDER = [sql`c.given_name collate "vi-VN-x-icu"`, sql`c.full_name collate "vi-VN-x-icu"`, sql`c.id`];

/**
 * People whose highest level of a kind obtained by `asOf` (undated levels
 * count on every date) is `level`: they have that level and none above it.
 * "none" is no level at all or, on the professional scale, the recorded
 * level "no training". Written as exists / not exists so that the planner
 * probes the index for a province's few thousand people and hashes for the
 * whole country.
 */
function levelCondition(kind: QualificationKind, level: string, asOf: string): RawBuilder<SqlBool> {
  const codes = SCALE_OF_KIND[kind].codes;
  const obtained = sql`q.cadre_id = c.id and q.kind = ${kind} and (q.obtained_on is null or q.obtained_on <= ${asOf})`;
  const above = (code: string) => codes.slice(codes.indexOf(code) + 1);
  if (level === 'none') {
    const counted = codes.includes('none') ? above('none') : codes;
    return sql<SqlBool>`not exists (select 1 from cadre_qualification q where ${obtained} and q.level = any(${counted}::text[]))`;
  }
  const has = sql<SqlBool>`exists (select 1 from cadre_qualification q where ${obtained} and q.level = ${level})`;
  const higher = above(level);
  if (higher.length === 0) return has;
  return sql<SqlBool>`(${has} and not exists (select 1 from cadre_qualification q where ${obtained} and q.level = any(${higher}::text[])))`;
}

export class CadresRepository {
  constructor(private readonly db: Db) {}

  // --- Territory look-ups the cadre registry needs -----------------------------------

  /** The unit and every unit below it on `asOf`, following each version's parent at that date. */
  async unitSubtree(db: Conn, unitId: string, asOf: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      with recursive sub(id) as (
        select ${unitId}::bigint
        union
        select v.unit_id from admin_unit_version v join sub on v.parent_id = sub.id
        where (v.valid_from is null or v.valid_from <= ${asOf}) and (v.valid_to is null or v.valid_to >= ${asOf})
      )
      select id from sub
    `.execute(db);
    return result.rows.map((row) => row.id);
  }

  async unitLevel(db: Conn, unitId: string): Promise<UnitLevel | undefined> {
    const unit = await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirst();
    return unit?.level;
  }

  async hasSubnationalUnits(db: Conn): Promise<boolean> {
    return (await db.selectFrom('admin_unit').select('id').where('level', '<>', 'country').limit(1).executeTakeFirst()) !== undefined;
  }

  /** The period in which a unit exists (codes are reused, so a unit is only itself within it); undefined for no such unit or the country. */
  async unitPeriod(db: Conn, unitId: string): Promise<{ validFrom: string | null; validTo: string | null } | undefined> {
    const unit = await db
      .selectFrom('admin_unit')
      .select(['valid_from', 'valid_to'])
      .where('id', '=', unitId)
      .where('level', '<>', 'country')
      .executeTakeFirst();
    return unit ? { validFrom: unit.valid_from, validTo: unit.valid_to } : undefined;
  }

  /** Every name a unit ever had, with its code: presenters pick the one valid on the date that matters. */
  async unitVersions(db: Conn, unitIds: readonly string[]): Promise<UnitVersionRow[]> {
    const distinct = [...new Set(unitIds)];
    if (distinct.length === 0) return [];
    return db
      .selectFrom('admin_unit as u')
      .innerJoin('admin_unit_version as v', 'v.unit_id', 'u.id')
      .select(['v.unit_id', 'u.code', 'u.level', 'v.valid_from', 'v.valid_to', 'v.name'])
      .where('u.id', 'in', distinct)
      .orderBy('v.unit_id')
      .orderBy(sql`v.valid_from nulls first`)
      .execute();
  }

  /** Units carrying any of these codes, in any period: the caller picks the one valid on its date. */
  unitsByCodes(db: Conn, codes: readonly string[]): Promise<UnitCodeRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('admin_unit')
      .select(['id', 'code', 'level', 'valid_from', 'valid_to'])
      .where('code', '=', sql<string>`any(${[...new Set(codes)]}::text[])`)
      .where('level', '<>', 'country')
      .orderBy('id')
      .execute();
  }

  // --- Lists -----------------------------------------------------------------------------

  private conditions(actor: Actor, filter: CadreFilter) {
    const postConditions: RawBuilder<SqlBool>[] = [
      sql<SqlBool>`p.start_date <= ${filter.asOf}`,
      sql<SqlBool>`(p.end_date is null or p.end_date >= ${filter.asOf})`,
      unitInScope(actor, 'p.unit_id'),
    ];
    if (filter.unitIds) postConditions.push(sql<SqlBool>`p.unit_id = any(${filter.unitIds}::bigint[])`);
    if (filter.titleCodes) postConditions.push(sql<SqlBool>`p.title_code = any(${filter.titleCodes}::text[])`);
    if (filter.key !== null) postConditions.push(sql<SqlBool>`p.is_key = ${filter.key}`);
    const heldPosts = filter.holding || filter.titleCodes !== null || filter.key !== null ? sql.join(postConditions, sql` and `) : null;

    const personConditions: RawBuilder<SqlBool>[] = [];
    if (filter.folded) personConditions.push(sql<SqlBool>`c.name_folded like ${`%${escapeLike(filter.folded)}%`}`);
    if (filter.personalIdPrefix) personConditions.push(sql<SqlBool>`c.personal_id like ${`${filter.personalIdPrefix}%`}`);
    if (filter.professionalLevel) personConditions.push(levelCondition('professional', filter.professionalLevel, filter.asOf));
    if (filter.politicalTheoryLevel) personConditions.push(levelCondition('political_theory', filter.politicalTheoryLevel, filter.asOf));
    if (filter.retiresFrom) {
      personConditions.push(sql<SqlBool>`c.retires_from <= ${filter.retiresFrom.upTo}`);
      if (filter.retiresFrom.after) personConditions.push(sql<SqlBool>`c.retires_from > ${filter.retiresFrom.after}`);
    }

    const all: RawBuilder<SqlBool>[] = [...personConditions];
    if (heldPosts) {
      all.push(sql<SqlBool>`c.id in (select p.cadre_id from cadre_post p where ${heldPosts})`);
    } else {
      // Kept by a unit, or holding or having held a post in it; a union, not an "or", so that both sides use their index.
      if (!seesWholeCountry(actor)) {
        all.push(
          sql<SqlBool>`c.id in (select o.id from cadre o where ${unitInScope(actor, 'o.owning_unit_id')}
            union all select sp.cadre_id from cadre_post sp where ${unitInScope(actor, 'sp.unit_id')})`,
        );
      }
      if (filter.unitIds) {
        all.push(
          sql<SqlBool>`c.id in (select o.id from cadre o where o.owning_unit_id = any(${filter.unitIds}::bigint[])
            union all select up.cadre_id from cadre_post up where up.unit_id = any(${filter.unitIds}::bigint[]))`,
        );
      }
    }
    return { heldPosts, personConditions, all };
  }

  private filtered(db: Conn, actor: Actor, filter: CadreFilter) {
    const { all } = this.conditions(actor, filter);
    return db.selectFrom('cadre as c').where(all.length > 0 ? sql<SqlBool>`${sql.join(all, sql` and `)}` : sql<SqlBool>`true`);
  }

  /** The number of matches. Counted from the posts alone when only posts are filtered: no visit to the people. */
  async count(actor: Actor, filter: CadreFilter): Promise<number> {
    return this.withoutParallelWorkers(async (trx) => {
      const { heldPosts, personConditions } = this.conditions(actor, filter);
      if (heldPosts && personConditions.length === 0) {
        const result = await sql<{ total: string }>`select count(distinct p.cadre_id) as total from cadre_post p where ${heldPosts}`.execute(trx);
        return Number(result.rows[0]!.total);
      }
      const row = await this.filtered(trx, actor, filter).select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow();
      return Number(row.total);
    });
  }

  /** Paging reads a few hundred index entries: parallel workers take longer to start (tens of ms) than the query takes. */
  private withoutParallelWorkers<T>(work: (trx: Conn) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
      return work(trx);
    });
  }

  /** One page in Vietnamese name order. */
  page(actor: Actor, filter: CadreFilter, paging: { offset: number; limit: number }): Promise<CadreRow[]> {
    return this.withoutParallelWorkers((trx) =>
      this.filtered(trx, actor, filter)
        .select([...CADRE_COLUMNS, sql<boolean>`exists (select 1 from cadre_photo ph where ph.cadre_id = c.id)`.as('has_photo')])
        .orderBy(NAME_ORDER[0]!)
        .orderBy(NAME_ORDER[1]!)
        .orderBy(NAME_ORDER[2]!)
        .offset(paging.offset)
        .limit(paging.limit)
        .execute(),
    );
  }

  /** Ids of every match in list order: an export walks them in slices. */
  async listIds(actor: Actor, filter: CadreFilter): Promise<string[]> {
    const rows = await this.filtered(this.db, actor, filter).select('c.id').orderBy(NAME_ORDER[0]!).orderBy(NAME_ORDER[1]!).orderBy(NAME_ORDER[2]!).execute();
    return rows.map((row) => row.id);
  }

  async findByIds(db: Conn, ids: readonly string[]): Promise<CadreRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('cadre as c')
      .select([...CADRE_COLUMNS, sql<boolean>`exists (select 1 from cadre_photo ph where ph.cadre_id = c.id)`.as('has_photo')])
      .where('c.id', '=', sql<string>`any(${ids}::bigint[])`)
      .orderBy(NAME_ORDER[0]!)
      .orderBy(NAME_ORDER[1]!)
      .orderBy(NAME_ORDER[2]!)
      .execute();
  }

  /** A person by id; whether the caller may see them is the access policy's question, asked before. */
  findById(db: Conn, id: string, options: { forUpdate?: boolean } = {}): Promise<CadreRow | undefined> {
    return db
      .selectFrom('cadre as c')
      .select([...CADRE_COLUMNS, sql<boolean>`exists (select 1 from cadre_photo ph where ph.cadre_id = c.id)`.as('has_photo')])
      .where('c.id', '=', id)
      .$if(options.forUpdate === true, (qb) => qb.forUpdate(['c']))
      .executeTakeFirst();
  }

  // --- Posts and qualifications of given people --------------------------------------

  postsOf(db: Conn, cadreIds: readonly string[]): Promise<PostRow[]> {
    if (cadreIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('cadre_post')
      .select(POST_COLUMNS)
      .where('cadre_id', '=', sql<string>`any(${cadreIds}::bigint[])`)
      .orderBy('cadre_id')
      .orderBy('start_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  postsHeldOn(db: Conn, cadreIds: readonly string[], asOf: string): Promise<PostRow[]> {
    if (cadreIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('cadre_post')
      .select(POST_COLUMNS)
      .where('cadre_id', '=', sql<string>`any(${cadreIds}::bigint[])`)
      .where('start_date', '<=', asOf)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
      .orderBy('cadre_id')
      .orderBy('concurrent')
      .orderBy('start_date')
      .orderBy('id')
      .execute();
  }

  findPost(db: Conn, cadreId: string, postId: string, options: { forUpdate?: boolean } = {}): Promise<PostRow | undefined> {
    return db
      .selectFrom('cadre_post')
      .select(POST_COLUMNS)
      .where('cadre_id', '=', cadreId)
      .where('id', '=', postId)
      .$if(options.forUpdate === true, (qb) => qb.forUpdate())
      .executeTakeFirst();
  }

  qualificationsOf(db: Conn, cadreIds: readonly string[]): Promise<QualificationRow[]> {
    if (cadreIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('cadre_qualification')
      .select(QUALIFICATION_COLUMNS)
      .where('cadre_id', '=', sql<string>`any(${cadreIds}::bigint[])`)
      .orderBy('cadre_id')
      .orderBy('kind')
      .orderBy(sql`obtained_on desc nulls last`)
      .orderBy('id')
      .execute();
  }

  /** The highest level of each kind obtained by `asOf`, per person: one query for the whole batch. */
  async levelsOn(db: Conn, cadreIds: readonly string[], asOf: string): Promise<Map<string, LevelsOnDate>> {
    const levels = new Map<string, LevelsOnDate>();
    if (cadreIds.length === 0) return levels;
    const result = await sql<{ cadre_id: string; kind: QualificationKind; level: string; major: string | null }>`
      select distinct on (q.cadre_id, q.kind) q.cadre_id, q.kind, q.level, q.major
      from cadre_qualification q
      where q.cadre_id = any(${cadreIds}::bigint[]) and (q.obtained_on is null or q.obtained_on <= ${asOf})
      order by q.cadre_id, q.kind, array_position(${LEVEL_ORDER}::text[], q.kind || ':' || q.level) desc nulls last,
        q.obtained_on desc nulls last, q.id desc
    `.execute(db);
    for (const row of result.rows) {
      const entry = levels.get(row.cadre_id) ?? { levels: {}, professionalMajor: null };
      entry.levels[row.kind] = row.level;
      if (row.kind === 'professional') entry.professionalMajor = row.major;
      levels.set(row.cadre_id, entry);
    }
    return levels;
  }

  findQualification(db: Conn, cadreId: string, qualificationId: string): Promise<QualificationRow | undefined> {
    return db
      .selectFrom('cadre_qualification')
      .select(QUALIFICATION_COLUMNS)
      .where('cadre_id', '=', cadreId)
      .where('id', '=', qualificationId)
      .executeTakeFirst();
  }

  /** Key posts held on `asOf` in the given units (null: anywhere in the actor's scope), each saying whether it is the person's first period of that title. */
  keyPostsHeldOn(db: Conn, actor: Actor, unitIds: readonly string[] | null, asOf: string): Promise<(PostRow & { first_of_title: boolean })[]> {
    return db
      .selectFrom('cadre_post as p')
      .select([
        ...POST_COLUMNS.map((column) => `p.${column}` as const),
        sql<boolean>`not exists (select 1 from cadre_post e where e.cadre_id = p.cadre_id and e.title_code = p.title_code and e.start_date < p.start_date)`.as(
          'first_of_title',
        ),
      ])
      .where('p.is_key', '=', true)
      .where('p.start_date', '<=', asOf)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', asOf)]))
      .$if(unitIds !== null, (qb) => qb.where('p.unit_id', '=', sql<string>`any(${unitIds}::bigint[])`))
      .where(unitInScope(actor, 'p.unit_id'))
      .orderBy('p.cadre_id')
      .orderBy('p.start_date')
      .orderBy('p.id')
      .execute();
  }

  // --- Writes ---------------------------------------------------------------------------

  async personalIdOwner(db: Conn, personalId: string): Promise<string | undefined> {
    const row = await db.selectFrom('cadre').select('id').where('personal_id', '=', personalId).executeTakeFirst();
    return row?.id;
  }

  async insertCadre(db: Conn, values: NewCadre): Promise<string> {
    const row = await db.insertInto('cadre').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateCadre(db: Conn, id: string, changes: Partial<NewCadre>): Promise<void> {
    await db
      .updateTable('cadre')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async insertPost(db: Conn, post: NewPost): Promise<string> {
    const row = await db.insertInto('cadre_post').values(post).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updatePost(db: Conn, id: string, changes: Partial<Omit<PostRow, 'id' | 'cadre_id'>>): Promise<void> {
    await db
      .updateTable('cadre_post')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async deletePost(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('cadre_post').where('id', '=', id).execute();
  }

  async insertQualification(db: Conn, qualification: NewQualification): Promise<string> {
    const row = await db.insertInto('cadre_qualification').values(qualification).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async deleteQualification(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('cadre_qualification').where('id', '=', id).execute();
  }

  /** For the training feature: the qualifications a course granted, e.g. to delete them when its certificate is revoked. */
  qualificationsFromSource(db: Conn, source: 'course' | 'certificate', sourceRef: string): Promise<QualificationRow[]> {
    return db
      .selectFrom('cadre_qualification')
      .select(QUALIFICATION_COLUMNS)
      .where('source', '=', source)
      .where('source_ref', '=', sourceRef)
      .orderBy('id')
      .execute();
  }

  photo(db: Conn, cadreId: string) {
    return db.selectFrom('cadre_photo').select(['content', 'media_type', 'byte_size', 'updated_at']).where('cadre_id', '=', cadreId).executeTakeFirst();
  }

  async savePhoto(db: Conn, cadreId: string, content: Buffer, mediaType: 'image/jpeg' | 'image/png'): Promise<void> {
    await db
      .insertInto('cadre_photo')
      .values({ cadre_id: cadreId, content, media_type: mediaType, byte_size: content.length })
      .onConflict((oc) => oc.column('cadre_id').doUpdateSet({ content, media_type: mediaType, byte_size: content.length, updated_at: sql<Date>`now()` }))
      .execute();
  }

  async deletePhoto(db: Conn, cadreId: string): Promise<boolean> {
    const result = await db.deleteFrom('cadre_photo').where('cadre_id', '=', cadreId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // --- Batches for spreadsheet imports ----------------------------------------------------

  findByPersonalIds(db: Conn, personalIds: readonly string[]): Promise<CadreRow[]> {
    if (personalIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('cadre as c')
      .select([...CADRE_COLUMNS, sql<boolean>`false`.as('has_photo')])
      .where('c.personal_id', '=', sql<string>`any(${personalIds}::text[])`)
      .orderBy('c.id')
      .execute();
  }

  /** People with one of these folded names (only those without a personal id, if asked), with every unit they belong to (owning unit or any post). */
  async findByFoldedNames(db: Conn, foldedNames: readonly string[], options: { withoutPersonalId: boolean }): Promise<(CadreRow & { unit_ids: string[] })[]> {
    if (foldedNames.length === 0) return [];
    return db
      .selectFrom('cadre as c')
      .select([
        ...CADRE_COLUMNS,
        sql<boolean>`false`.as('has_photo'),
        sql<string[]>`array(select distinct p.unit_id::text from cadre_post p where p.cadre_id = c.id)`.as('unit_ids'),
      ])
      .where('c.name_folded', '=', sql<string>`any(${foldedNames}::text[])`)
      .$if(options.withoutPersonalId, (qb) => qb.where('c.personal_id', 'is', null))
      .orderBy('c.id')
      .execute();
  }

  /** Ids for people about to be inserted, so that their posts can be inserted in the same batch. */
  async allocateCadreIds(db: Conn, count: number): Promise<string[]> {
    if (count === 0) return [];
    const result = await sql<{ id: string }>`
      select nextval(pg_get_serial_sequence('cadre', 'id')) as id from generate_series(1, ${count})
    `.execute(db);
    return result.rows.map((row) => row.id);
  }

  /** One statement per slice with one array parameter per column (unnest): far less to build and send than a VALUES list. */
  async insertCadres(db: Conn, rows: readonly CadreValues[]): Promise<void> {
    for (const chunk of chunks(rows, BULK_CHUNK)) {
      const column = <K extends keyof CadreValues>(key: K) => chunk.map((row) => row[key]);
      await sql`
        insert into cadre (id, full_name, name_folded, given_name, gender, birth_date, birth_date_precision, ethnicity_code, religion,
          home_town, personal_id, party_joined_on, party_joined_precision, phone, email, discipline, owning_unit_id)
        select * from unnest(${column('id')}::bigint[], ${column('full_name')}::text[], ${column('name_folded')}::text[],
          ${column('given_name')}::text[], ${column('gender')}::text[], ${column('birth_date')}::date[], ${column('birth_date_precision')}::text[],
          ${column('ethnicity_code')}::text[], ${column('religion')}::text[], ${column('home_town')}::text[], ${column('personal_id')}::text[],
          ${column('party_joined_on')}::date[], ${column('party_joined_precision')}::text[], ${column('phone')}::text[], ${column('email')}::text[],
          ${column('discipline')}::text[], ${column('owning_unit_id')}::bigint[])
      `.execute(db);
    }
  }

  /** Rewrites the columns an import may change, for many people, one statement per slice. */
  async updateCadres(db: Conn, rows: readonly CadreValues[]): Promise<void> {
    for (const chunk of chunks(rows, BULK_CHUNK)) {
      const column = <K extends keyof CadreValues>(key: K) => chunk.map((row) => row[key]);
      await sql`
        update cadre c set full_name = v.full_name, name_folded = v.name_folded, given_name = v.given_name, gender = v.gender,
          birth_date = v.birth_date, birth_date_precision = v.birth_date_precision, ethnicity_code = v.ethnicity_code,
          personal_id = v.personal_id, party_joined_on = v.party_joined_on, party_joined_precision = v.party_joined_precision,
          phone = v.phone, updated_at = now()
        from unnest(${column('id')}::bigint[], ${column('full_name')}::text[], ${column('name_folded')}::text[], ${column('given_name')}::text[],
          ${column('gender')}::text[], ${column('birth_date')}::date[], ${column('birth_date_precision')}::text[], ${column('ethnicity_code')}::text[],
          ${column('personal_id')}::text[], ${column('party_joined_on')}::date[], ${column('party_joined_precision')}::text[], ${column('phone')}::text[])
          as v(id, full_name, name_folded, given_name, gender, birth_date, birth_date_precision, ethnicity_code, personal_id,
            party_joined_on, party_joined_precision, phone)
        where c.id = v.id
      `.execute(db);
    }
  }

  async insertPosts(db: Conn, rows: readonly NewPost[]): Promise<void> {
    for (const chunk of chunks(rows, BULK_CHUNK)) {
      const column = <K extends keyof NewPost>(key: K) => chunk.map((row) => row[key] ?? null);
      await sql`
        insert into cadre_post (cadre_id, unit_id, title_code, is_key, start_date, start_date_precision, end_date, term, how_obtained, concurrent, note)
        select * from unnest(${column('cadre_id')}::bigint[], ${column('unit_id')}::bigint[], ${column('title_code')}::text[],
          ${column('is_key')}::boolean[], ${column('start_date')}::date[], ${column('start_date_precision')}::text[], ${column('end_date')}::date[],
          ${column('term')}::text[], ${column('how_obtained')}::text[], ${column('concurrent')}::boolean[], ${column('note')}::text[])
      `.execute(db);
    }
  }

  async updatePostEndsAndTerms(db: Conn, rows: readonly { id: string; end_date: string | null; term: string | null }[]): Promise<void> {
    for (const chunk of chunks(rows, BULK_CHUNK)) {
      await sql`
        update cadre_post p set end_date = v.end_date, term = v.term, updated_at = now()
        from unnest(${chunk.map((r) => r.id)}::bigint[], ${chunk.map((r) => r.end_date)}::date[], ${chunk.map((r) => r.term)}::text[])
          as v(id, end_date, term)
        where p.id = v.id
      `.execute(db);
    }
  }

  /**
   * Planner statistics of the registry, refreshed inside the writing
   * transaction after a bulk load: until autovacuum gets to it the planner
   * would take a table of 700,000 qualifications for a few hundred rows and
   * choose plans that run for seconds instead of milliseconds.
   */
  async refreshStatistics(db: Conn): Promise<void> {
    await sql`analyze cadre, cadre_post, cadre_qualification`.execute(db);
  }

  async insertQualifications(db: Conn, rows: readonly NewQualification[]): Promise<void> {
    for (const chunk of chunks(rows, BULK_CHUNK)) {
      const column = <K extends keyof NewQualification>(key: K) => chunk.map((row) => row[key]);
      await sql`
        insert into cadre_qualification (cadre_id, kind, level, major, institution, study_mode, language, obtained_on, obtained_precision,
          source, source_ref, note)
        select * from unnest(${column('cadre_id')}::bigint[], ${column('kind')}::text[], ${column('level')}::text[], ${column('major')}::text[],
          ${column('institution')}::text[], ${column('study_mode')}::text[], ${column('language')}::text[], ${column('obtained_on')}::date[],
          ${column('obtained_precision')}::text[], ${column('source')}::text[], ${column('source_ref')}::text[], ${column('note')}::text[])
      `.execute(db);
    }
  }

  async updateQualificationMajors(db: Conn, rows: readonly { id: string; major: string }[]): Promise<void> {
    for (const chunk of chunks(rows, BULK_CHUNK)) {
      await sql`
        update cadre_qualification q set major = v.major
        from unnest(${chunk.map((r) => r.id)}::bigint[], ${chunk.map((r) => r.major)}::text[]) as v(id, major)
        where q.id = v.id
      `.execute(db);
    }
  }
}
