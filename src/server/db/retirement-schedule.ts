import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { retirementDate } from '../../core/retirement.js';

/** Birth years the stored schedule covers; a person born outside them has no stored retirement date. */
const FIRST_BIRTH_YEAR = 1900;
const LAST_BIRTH_YEAR = 2100;
const SCHEDULE_LOCK = 7412002;

interface ScheduleRow {
  gender: 'nam' | 'nu';
  birth_month: number;
  retires_from: string;
}

/** Core's schedule (Labour Code 2019 art. 169, Decree 135/2020) as rows, by sex and month of birth. */
function scheduleFromCore(): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  for (const gender of ['nam', 'nu'] as const) {
    for (let year = FIRST_BIRTH_YEAR; year <= LAST_BIRTH_YEAR; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const birth = `${year}-${String(month).padStart(2, '0')}-01`;
        rows.push({ gender, birth_month: year * 12 + month - 1, retires_from: retirementDate(gender === 'nam' ? 'male' : 'female', birth).retiresFrom });
      }
    }
  }
  return rows;
}

function fingerprint(rows: readonly ScheduleRow[]): string {
  return createHash('md5')
    .update(rows.map((row) => `${row.gender}:${row.birth_month}:${row.retires_from}`).join(','))
    .digest('hex');
}

/**
 * Makes `retirement_month` equal core's schedule and, when it was not,
 * recomputes every stored `cadre.retires_from` (migration
 * 20261209090000_working_life). Runs after the migrations at every start;
 * costs one hash comparison when nothing changed. Serialised across
 * instances sharing the database.
 */
export async function syncRetirementSchedule(db: Kysely<any>): Promise<boolean> {
  const expected = scheduleFromCore();
  const wanted = fingerprint(expected);
  const current = async (conn: Kysely<any>) =>
    (
      await sql<{ hash: string | null }>`
        select md5(string_agg(gender || ':' || birth_month || ':' || to_char(retires_from, 'YYYY-MM-DD'), ',' order by gender, birth_month)) as hash
        from retirement_month`.execute(conn)
    ).rows[0]?.hash ?? null;
  if ((await current(db)) === wanted) return false;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SCHEDULE_LOCK})`.execute(trx);
    if ((await current(trx)) === wanted) return false;
    await trx.deleteFrom('retirement_month').execute();
    for (let i = 0; i < expected.length; i += 2000)
      await trx
        .insertInto('retirement_month')
        .values(expected.slice(i, i + 2000))
        .execute();
    await sql`
      update cadre c set retires_from = r.retires_from
      from (select c2.id, m.retires_from from cadre c2
            left join retirement_month m on m.gender = c2.gender
              and m.birth_month = extract(year from c2.birth_date)::int * 12 + extract(month from c2.birth_date)::int - 1) r
      where r.id = c.id and c.retires_from is distinct from r.retires_from`.execute(trx);
    return true;
  });
}
