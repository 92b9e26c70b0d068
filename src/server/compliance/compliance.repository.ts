import { type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { GapKind } from '../../core/compliance.js';
import { politicalTheory, professionalEducation, stateManagement } from '../../core/qualifications.js';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';
import type { Database, Db } from '../db/database.js';
import type { UnitLevel } from '../territory/territory.tables.js';
import { GAP_KINDS, type HeldPost, type PersonBasics, PARTY_TITLES, type QualificationRecord } from './assessment.js';
import { FIRST_BIRTH_YEAR, RETIRES_FROM } from './retirement-table.js';

type Conn = Db | Transaction<Database>;

/** Which posts an assessment counts: those held on `asOf` in the subtree of `rootId` (as it stood that day). */
export interface AssessmentScope {
  actor: Actor;
  rootId: string;
  /** The root is the country: every post counts, no subtree to restrict people to. */
  wholeCountry: boolean;
  /**
   * Below the country, the subtree's units (ComplianceRepository.subtree),
   * each with the unit of the next level down it lies in: handed to the
   * statement as arrays, so that the planner knows how few they are and
   * reaches people through the indexes.
   */
  units: SubtreeUnits | null;
  asOf: string;
  keyOnly: boolean;
}

export interface SubtreeUnits {
  unitIds: string[];
  /** null for the root itself. */
  childIds: (string | null)[];
}

export type PersonStatusCode = 'meets' | 'does_not_meet' | 'no_standard';

/** One row of the summary: the whole subtree, or one unit of the next level down. */
export interface SummaryRow {
  row_kind: 'total' | 'child';
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_type: string | null;
  unit_level: UnitLevel | null;
  total: number;
  meeting: number;
  not_meeting: number;
  without_standard: number;
  /** Count per level of each scale, lowest first, then "not recorded". */
  professional: number[];
  political_theory: number[];
  university: number;
  postgraduate: number;
  advanced_theory: number;
  gaps: number[];
}

export interface PersonStatusRow {
  cadre_id: string;
  status: PersonStatusCode;
  post_ids: string[];
  total: number;
}

const PROFESSIONAL_CODES = professionalEducation.codes;
const THEORY_CODES = politicalTheory.codes;
const STATE_MANAGEMENT_CODES = stateManagement.codes;

/** 1-based position on a scale, as array_position gives it. */
function position(codes: readonly string[], code: string): number {
  return codes.indexOf(code) + 1;
}

function validOn(alias: string, date: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`((${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${date}::date))`;
}

/** The rule `selectRule` (src/core/standards.ts) picks for a title, area class and date, as a lateral subquery over `rules`. */
function ruleInForce(title: RawBuilder<unknown>, area: RawBuilder<unknown>, date: RawBuilder<unknown>, columns: RawBuilder<unknown>) {
  return sql`lateral (
    select ${columns} from rules r
    where r.valid_from <= ${date} and (r.valid_to is null or r.valid_to >= ${date})
      and ${title} = any(r.applies_to_titles) and (r.area_class = 'any' or r.area_class = ${area})
    order by r.provincial desc, r.title_specificity desc, r.area_specific desc, r.valid_from desc, r.code collate "C"
    limit 1
  )`;
}

function heldOn(alias: string, date: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.end_date`)} is null or ${sql.ref(`${alias}.end_date`)} >= ${date}::date)`;
}

/** Bit of a person's assessment for each gap kind (in GAP_KINDS order), for a post without a standard, and the levels above them. */
const NO_RULE_BIT = 1 << 7;
const PROFESSIONAL_SHIFT = 8;
const THEORY_SHIFT = 12;
const LEVEL_MASK = 15;

function gapBit(kind: GapKind): number {
  return 1 << GAP_KINDS.indexOf(kind as (typeof GAP_KINDS)[number]);
}

const ANY_GAP = GAP_KINDS.reduce((bits, kind) => bits | gapBit(kind), 0);

/**
 * Whether the holder still had `required` whole months of service (core's
 * checkMonthsLeft) with `retires_from` the first day out of service that
 * core's schedule gives (retirement-table.ts). At a first appointment the
 * months run from the start date: monthsBetween(start, retiresFrom) ≥ n
 * exactly when start + n months ≤ retiresFrom. At a re-election they run from
 * the first day of the congress month, which is the same as start + n months
 * falling before the month after retiresFrom. Null (a gap) when sex or birth
 * date is not recorded.
 */
function ageAllows(countFrom: 'start_date' | 'month_start', required: RawBuilder<unknown>): RawBuilder<boolean> {
  const reached = sql`(h.start_date + ${required} * interval '1 month')`;
  return countFrom === 'start_date'
    ? sql<boolean>`(h.start_date < c.retires_from and ${reached} <= c.retires_from)`
    : sql<boolean>`(h.start_date < c.retires_from and ${reached} < c.retires_from + interval '1 month')`;
}

function bitIf(condition: RawBuilder<unknown>, bit: number): RawBuilder<number> {
  return sql<number>`(case when ${condition} then ${sql.lit(bit)} else 0 end)`;
}

/**
 * The common part of every set-based assessment, as CTEs, ending in
 * `judged`: one row per counted post with its verdict packed in `bits` (a
 * bit per gap kind, one for "no standard", and the person's levels), every
 * gap evaluated once. It mirrors core's assessCompliance for every rule
 * kind: levels, general education, field of study, and the age rules at
 * first appointment and at re-election, judged by the rule in force on the
 * appointment or congress date.
 */
function assessmentCtes(scope: AssessmentScope, options: { withMajor: boolean }): RawBuilder<unknown> {
  const { asOf, rootId } = scope;
  const birthMonth = sql`(date_part('year', c.birth_date) * 12 + date_part('month', c.birth_date))::int - 1`;
  const firstPosition = FIRST_BIRTH_YEAR * 12 - 1;
  const gapBits = sql.join(
    [
      bitIf(
        sql`n.require_high_school and not (coalesce(p.has_high_school, false) or coalesce(p.professional, 0) >= ${sql.lit(position(PROFESSIONAL_CODES, 'cao_dang'))})`,
        gapBit('high_school'),
      ),
      bitIf(
        sql`(n.min_professional is not null and coalesce(p.professional, 0) < n.min_professional)
          -- The field of study is looked at once the level is met: a missing degree is one gap, not two.
          or (cardinality(n.fields) > 0
            and not (nullif(trim(p.major), '') is not null and exists (select 1 from unnest(n.fields) f where strpos(fold_vi(p.major), f) > 0)))`,
        gapBit('professional'),
      ),
      bitIf(sql`n.min_theory is not null and coalesce(p.theory, 0) < n.min_theory`, gapBit('political_theory')),
      bitIf(sql`n.min_state_management is not null and coalesce(p.state_management, 0) < n.min_state_management`, gapBit('state_management')),
      bitIf(
        sql`h.first_of_title and e.months_first is not null and not coalesce(${ageAllows('start_date', sql`e.months_first`)}, false)`,
        gapBit('age_appointment'),
      ),
      bitIf(
        sql`h.is_reelection and e.months_reelection is not null and not coalesce(${ageAllows('month_start', sql`e.months_reelection`)}, false)`,
        gapBit('age_reelection'),
      ),
    ],
    sql` | `,
  );
  const heldInSubtree = scope.wholeCountry
    ? sql``
    : sql`and e.cadre_id in (
        select x.cadre_id from cadre_post x join scope_units xs on xs.unit_id = x.unit_id
        where x.start_date <= ${asOf}::date and ${heldOn('x', asOf)} ${scope.keyOnly ? sql`and x.is_key` : sql``}
      )`;
  return sql`
    with recursive ${
      scope.units
        ? sql`scope_units as materialized (
            select * from unnest(${scope.units.unitIds}::bigint[], ${scope.units.childIds}::bigint[]) as s(unit_id, child_id)
          ),`
        : sql`tree(unit_id, child_id) as (
            select v.unit_id, v.unit_id from admin_unit_version v where v.parent_id = ${rootId} and ${validOn('v', asOf)}
            union all
            select v.unit_id, t.child_id from tree t join admin_unit_version v on v.parent_id = t.unit_id and ${validOn('v', asOf)}
          ),
          scope_units as materialized (
            select ${rootId}::bigint as unit_id, null::bigint as child_id union all select unit_id, child_id from tree
          ),`
    }
    areas as materialized (
      select distinct on (a.commune_id) a.commune_id,
        case when cardinality(a.flags) = 0 then null when a.flags <@ array['dong_bang']::text[] then 'plains' else 'disadvantaged' end as area_class
      from commune_area_class a
      where ${validOn('a', asOf)} ${scope.wholeCountry ? sql`` : sql`and a.commune_id in (select unit_id from scope_units)`}
      order by a.commune_id, a.valid_from desc nulls last
    ),
    -- Posts held on the date, each with the day its holder first held that title:
    -- a period starting that day is a first appointment or election.
    held as materialized (
      select e.id as post_id, e.cadre_id, s.child_id, e.title_code, e.start_date, coalesce(a.area_class, '-') as area_key,
        e.start_date = e.first_start as first_of_title,
        (e.title_code = any(${[...PARTY_TITLES]}::text[]) and e.start_date <> e.first_start and coalesce(e.how_obtained, 'bau_cu') = 'bau_cu') as is_reelection
      from (
        select e.id, e.cadre_id, e.unit_id, e.title_code, e.start_date, e.end_date, e.how_obtained,
          min(e.start_date) over (partition by e.cadre_id, e.title_code) as first_start
        from cadre_post e
        where e.start_date <= ${asOf}::date ${scope.keyOnly ? sql`and e.is_key` : sql``} ${heldInSubtree}
      ) e
      join scope_units s on s.unit_id = e.unit_id
      left join areas a on a.commune_id = e.unit_id
      where ${heldOn('e', asOf)} and ${unitInScope(scope.actor, 'e.unit_id')}
    ),
    -- The highest level of each scale each person had obtained by the date (undated ones count on every date).
    levels as (
      select q.cadre_id,
        max(array_position(${PROFESSIONAL_CODES}::text[], q.level)) filter (where q.kind = 'professional') as professional,
        max(array_position(${THEORY_CODES}::text[], q.level)) filter (where q.kind = 'political_theory') as theory,
        max(array_position(${STATE_MANAGEMENT_CODES}::text[], q.level)) filter (where q.kind = 'state_management') as state_management,
        bool_or(q.kind = 'professional' and q.level = 'thpt') as has_high_school,
        ${
          options.withMajor
            ? sql`(array_agg(q.major order by array_position(${PROFESSIONAL_CODES}::text[], q.level) desc nulls last, q.obtained_on desc nulls last, q.id desc)
                filter (where q.kind = 'professional'))[1]`
            : sql`null::text`
        } as major
      from cadre_qualification q
      where (q.obtained_on is null or q.obtained_on <= ${asOf}::date) and q.kind in ('professional', 'political_theory', 'state_management')
        -- Only the people counted: the registry also keeps everyone else's qualifications.
        and q.cadre_id in (select cadre_id from held)
      group by q.cadre_id
    ),
    rules as materialized (
      select r.code, r.valid_from, r.valid_to, r.applies_to_titles, r.area_class, r.title_specificity,
        case when r.scope = 'provincial' then 1 else 0 end as provincial,
        case when r.area_class = 'any' then 0 else 1 end as area_specific,
        array_position(${PROFESSIONAL_CODES}::text[], r.min_professional) as min_professional,
        array_position(${THEORY_CODES}::text[], r.min_political_theory) as min_theory,
        array_position(${STATE_MANAGEMENT_CODES}::text[], r.min_state_management) as min_state_management,
        r.require_high_school, r.min_months_first_appointment as months_first, r.min_months_reelection as months_reelection,
        array(select fold_vi(f) from unnest(r.professional_fields) f) as fields
      from standard_rule r join standard_set s on s.code = r.set_code
      where s.enabled and r.superseded_at is null
    ),
    rule_now as materialized (
      select k.title_code, k.area_key, r.*
      from (select distinct title_code, area_key from held) k
      left join ${ruleInForce(
        sql`k.title_code`,
        sql`k.area_key`,
        sql`${asOf}::date`,
        sql`r.code, r.min_professional, r.min_theory, r.min_state_management, r.require_high_school, r.fields`,
      )} r on true
    ),
    rule_at_event as materialized (
      select k.title_code, k.area_key, k.start_date, r.*
      from (select distinct title_code, area_key, start_date from held where first_of_title or is_reelection) k
      left join ${ruleInForce(sql`k.title_code`, sql`k.area_key`, sql`k.start_date`, sql`r.months_first, r.months_reelection`)} r on true
    ),
    judged as (
      select h.post_id, h.cadre_id, h.child_id,
        (case when n.code is null then ${sql.lit(NO_RULE_BIT)} else ${gapBits} end)
          | (coalesce(p.professional, 0) << ${sql.lit(PROFESSIONAL_SHIFT)}) | (coalesce(p.theory, 0) << ${sql.lit(THEORY_SHIFT)}) as bits
      from held h
      join (
        select c.id,
          case c.gender
            when 'nam' then (${[...RETIRES_FROM.male]}::date[])[${birthMonth} - ${sql.lit(firstPosition)}]
            when 'nu' then (${[...RETIRES_FROM.female]}::date[])[${birthMonth} - ${sql.lit(firstPosition)}]
          end as retires_from
        from cadre c
      ) c on c.id = h.cadre_id
      left join levels p on p.cadre_id = h.cadre_id
      join rule_now n on n.title_code = h.title_code and n.area_key = h.area_key
      left join rule_at_event e on e.title_code = h.title_code and e.area_key = h.area_key and e.start_date = h.start_date
    )
  `;
}

function hasBits(column: RawBuilder<unknown>, bits: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${column} & ${sql.lit(bits)}) <> 0`;
}

function levelOf(column: RawBuilder<unknown>, shift: number): RawBuilder<number> {
  return sql<number>`((${column} >> ${sql.lit(shift)}) & ${sql.lit(LEVEL_MASK)})`;
}

/** A person's status from their bits: failing if any post has a gap, without a standard if a post has none. */
function statusExpression(bits: RawBuilder<unknown>): RawBuilder<PersonStatusCode> {
  return sql<PersonStatusCode>`(case when ${hasBits(bits, ANY_GAP)} then 'does_not_meet' when ${hasBits(bits, NO_RULE_BIT)} then 'no_standard' else 'meets' end)`;
}

function levelCounts(level: RawBuilder<number>, codes: readonly string[]): RawBuilder<unknown> {
  const counts = codes.map((_, i) => sql`count(*) filter (where ${level} = ${sql.lit(i + 1)})::int`);
  return sql`array[${sql.join([...counts, sql`count(*) filter (where ${level} = 0)::int`])}]`;
}

/** The figures of a group of people, each counted once (`x.bits`: a person's bits, see assessmentCtes). */
function aggregateColumns(): RawBuilder<unknown> {
  const bits = sql`x.bits`;
  const professional = levelOf(bits, PROFESSIONAL_SHIFT);
  const theory = levelOf(bits, THEORY_SHIFT);
  return sql.join([
    sql`count(*)::int as total`,
    sql`count(*) filter (where not ${hasBits(bits, ANY_GAP | NO_RULE_BIT)})::int as meeting`,
    sql`count(*) filter (where ${hasBits(bits, ANY_GAP)})::int as not_meeting`,
    sql`count(*) filter (where not ${hasBits(bits, ANY_GAP)} and ${hasBits(bits, NO_RULE_BIT)})::int as without_standard`,
    sql`${levelCounts(professional, PROFESSIONAL_CODES)} as professional`,
    sql`${levelCounts(theory, THEORY_CODES)} as political_theory`,
    sql`count(*) filter (where ${professional} >= ${sql.lit(position(PROFESSIONAL_CODES, 'dai_hoc'))})::int as university`,
    sql`count(*) filter (where ${professional} >= ${sql.lit(position(PROFESSIONAL_CODES, 'thac_si'))})::int as postgraduate`,
    sql`count(*) filter (where ${theory} >= ${sql.lit(position(THEORY_CODES, 'cao_cap'))})::int as advanced_theory`,
    sql`array[${sql.join(GAP_KINDS.map((kind) => sql`count(*) filter (where ${hasBits(bits, gapBit(kind))})::int`))}] as gaps`,
  ]);
}

/**
 * The whole summary of a subtree in ONE statement: every counted post judged
 * against the rule in force, people counted once, their levels on the date,
 * and the same figures for each unit of the next level down (listed even when
 * empty). Exported for the benchmark, which times it as plain SQL.
 */
export function summaryStatement(scope: AssessmentScope, options: { withMajor: boolean }): RawBuilder<SummaryRow> {
  const zeros = (length: number) => sql`array_fill(0, array[${sql.lit(length)}])`;
  return sql<SummaryRow>`
    ${assessmentCtes(scope, options)},
    person_child as materialized (
      select cadre_id, child_id, bit_or(bits) as bits from judged group by cadre_id, child_id
    ),
    by_child as (
      select x.child_id, ${aggregateColumns()} from person_child x group by x.child_id
    )
    select * from (
      select 'total' as row_kind, null::text as unit_id, null::text as unit_code, null::text as unit_name, null::text as unit_type,
        null::text as unit_level, ${aggregateColumns()}
      from (select cadre_id, bit_or(bits) as bits from person_child group by cadre_id) x
      union all
      select 'child', u.id::text, u.code, v.name, v.type, u.level,
        coalesce(b.total, 0), coalesce(b.meeting, 0), coalesce(b.not_meeting, 0), coalesce(b.without_standard, 0),
        coalesce(b.professional, ${zeros(PROFESSIONAL_CODES.length + 1)}), coalesce(b.political_theory, ${zeros(THEORY_CODES.length + 1)}),
        coalesce(b.university, 0), coalesce(b.postgraduate, 0), coalesce(b.advanced_theory, 0), coalesce(b.gaps, ${zeros(GAP_KINDS.length)})
      from admin_unit_version v
      join admin_unit u on u.id = v.unit_id
      left join by_child b on b.child_id = v.unit_id
      where v.parent_id = ${scope.rootId} and ${validOn('v', scope.asOf)}
    ) rows
    order by row_kind <> 'total', substr(unit_name, char_length(unit_type) + 2) collate "vi-VN-x-icu", unit_type collate "vi-VN-x-icu", unit_code
  `;
}

/**
 * Runs an assessment statement. For the whole country the planner is told to
 * hash-join: the row counts of the CTEs are guesses, and a nested loop chosen
 * on a guess of a few rows over 50,000 posts takes seconds instead of
 * milliseconds. A subtree (a province, a commune) is small enough for index
 * probes, which those settings would forbid. The statement is read-only; the
 * settings last for its transaction only.
 */
export async function withAssessmentSettings<T>(
  db: Db,
  scope: Pick<AssessmentScope, 'wholeCountry'>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (scope.wholeCountry) {
      await sql`select set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('work_mem', '64MB', true)`.execute(
        trx,
      );
    }
    return work(trx);
  });
}

export class ComplianceRepository {
  async summary(db: Db, scope: AssessmentScope, options: { withMajor: boolean }): Promise<SummaryRow[]> {
    return withAssessmentSettings(db, scope, async (trx) => (await summaryStatement(scope, options).execute(trx)).rows);
  }

  /** People of the subtree with their status (optionally only one status, or those with a gap of one kind), in name order, a page at a time. */
  async people(
    db: Db,
    scope: AssessmentScope,
    filter: { status: PersonStatusCode | null; gap: GapKind | null; withMajor: boolean },
    paging: { offset: number; limit: number },
  ): Promise<PersonStatusRow[]> {
    const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
    if (filter.status) conditions.push(sql<SqlBool>`${statusExpression(sql`p.bits`)} = ${filter.status}`);
    if (filter.gap) conditions.push(hasBits(sql`p.bits`, gapBit(filter.gap)));
    const statement = sql<PersonStatusRow>`
      ${assessmentCtes(scope, { withMajor: filter.withMajor })},
      person as (
        select cadre_id, bit_or(bits) as bits, array_agg(post_id::text order by post_id) as post_ids from judged group by cadre_id
      )
      select p.cadre_id::text as cadre_id, ${statusExpression(sql`p.bits`)} as status, p.post_ids, (count(*) over ())::int as total
      from person p join cadre c on c.id = p.cadre_id
      where ${sql.join(conditions, sql` and `)}
      order by c.given_name collate "vi-VN-x-icu", c.full_name collate "vi-VN-x-icu", c.id
      offset ${paging.offset} limit ${paging.limit}
    `;
    return withAssessmentSettings(db, scope, async (trx) => (await statement.execute(trx)).rows);
  }

  /** Every post counted in the subtree (the summary's posts), without judging them: the explanation and the review start from these. */
  async countedPostIds(db: Conn, scope: AssessmentScope): Promise<string[]> {
    const result = await sql<{ post_id: string }>`
      ${assessmentCtes(scope, { withMajor: false })}
      select post_id::text as post_id from held order by cadre_id, start_date, post_id
    `.execute(db);
    return result.rows.map((row) => row.post_id);
  }

  /** Key posts a person holds on `asOf`, anywhere. */
  async keyPostsOf(db: Conn, cadreId: string, asOf: string): Promise<{ id: string; unitId: string }[]> {
    const rows = await db
      .selectFrom('cadre_post')
      .select(['id', 'unit_id'])
      .where('cadre_id', '=', cadreId)
      .where('is_key', '=', true)
      .where('start_date', '<=', asOf)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, unitId: row.unit_id }));
  }

  /** The posts with what the explanation needs, in protocol-free stable order (person, start, id). */
  async heldPosts(db: Conn, postIds: readonly string[]): Promise<HeldPost[]> {
    if (postIds.length === 0) return [];
    const result = await sql<{
      post_id: string;
      cadre_id: string;
      unit_id: string;
      title_code: string;
      start_date: string;
      how_obtained: string | null;
      first_of_title: boolean;
    }>`
      select p.id as post_id, p.cadre_id, p.unit_id, p.title_code, p.start_date, p.how_obtained,
        not exists (
          select 1 from cadre_post e where e.cadre_id = p.cadre_id and e.title_code = p.title_code and e.start_date < p.start_date
        ) as first_of_title
      from cadre_post p where p.id = any(${[...postIds]}::bigint[])
      order by p.cadre_id, p.start_date, p.id
    `.execute(db);
    return result.rows.map((row) => ({
      postId: row.post_id,
      cadreId: row.cadre_id,
      unitId: row.unit_id,
      titleCode: row.title_code,
      startDate: row.start_date,
      howObtained: row.how_obtained,
      firstOfTitle: row.first_of_title,
    }));
  }

  async personBasics(db: Conn, cadreIds: readonly string[]): Promise<PersonBasics[]> {
    if (cadreIds.length === 0) return [];
    const rows = await db
      .selectFrom('cadre')
      .select(['id', 'full_name', 'gender', 'birth_date', 'birth_date_precision'])
      .where('id', '=', sql<string>`any(${[...cadreIds]}::bigint[])`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      fullName: row.full_name,
      gender: row.gender,
      birthDate: row.birth_date,
      birthDatePrecision: row.birth_date_precision,
    }));
  }

  /** Professional, political-theory and state-management records of the people. */
  async qualifications(db: Conn, cadreIds: readonly string[]): Promise<Map<string, QualificationRecord[]>> {
    const byPerson = new Map<string, QualificationRecord[]>();
    if (cadreIds.length === 0) return byPerson;
    const rows = await db
      .selectFrom('cadre_qualification')
      .select(['id', 'cadre_id', 'kind', 'level', 'major', 'obtained_on'])
      .where('cadre_id', '=', sql<string>`any(${[...cadreIds]}::bigint[])`)
      .where('kind', 'in', ['professional', 'political_theory', 'state_management'])
      .orderBy('cadre_id')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = byPerson.get(row.cadre_id) ?? [];
      list.push({ id: row.id, kind: row.kind, level: row.level, major: row.major, obtainedOn: row.obtained_on });
      byPerson.set(row.cadre_id, list);
    }
    return byPerson;
  }

  /** Whether any rule that judges names fields of study: only then does the summary read each person's major. */
  async rulesNeedFieldOfStudy(db: Conn): Promise<boolean> {
    const result = await sql<{ needed: boolean }>`
      select exists (
        select 1 from standard_rule r join standard_set s on s.code = r.set_code
        where s.enabled and r.superseded_at is null and cardinality(r.professional_fields) > 0
      ) as needed
    `.execute(db);
    return result.rows[0]?.needed === true;
  }

  /** The root and every unit below it on `asOf`, each with the unit of the next level down it lies in. */
  async subtree(db: Conn, rootId: string, asOf: string): Promise<SubtreeUnits> {
    const result = await sql<{ unit_id: string; child_id: string | null }>`
      with recursive tree(unit_id, child_id) as (
        select v.unit_id, v.unit_id from admin_unit_version v where v.parent_id = ${rootId} and ${validOn('v', asOf)}
        union all
        select v.unit_id, t.child_id from tree t join admin_unit_version v on v.parent_id = t.unit_id and ${validOn('v', asOf)}
      )
      select ${rootId}::text as unit_id, null::text as child_id
      union all
      select unit_id::text, child_id::text from tree
      order by unit_id
    `.execute(db);
    return { unitIds: result.rows.map((row) => row.unit_id), childIds: result.rows.map((row) => row.child_id) };
  }

  /** What an assessment of the unit's subtree on the date counts. */
  async scope(db: Conn, input: { actor: Actor; rootId: string; asOf: string; keyOnly: boolean }): Promise<AssessmentScope> {
    const wholeCountry = (await this.unitLevel(db, input.rootId)) === 'country';
    return { ...input, wholeCountry, units: wholeCountry ? null : await this.subtree(db, input.rootId, input.asOf) };
  }

  async unitLevel(db: Conn, unitId: string): Promise<UnitLevel | undefined> {
    return (await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirst())?.level;
  }
}
