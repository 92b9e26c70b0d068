import { type Insertable, sql } from 'kysely';
import type { Database, Db } from '../db/database.js';

/** Rows per statement: large enough to be quick, small enough to stay under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 4_000;

type Row<Table extends keyof Database> = Insertable<Database[Table]>;

/**
 * Training records written in bulk, for loads that bring a whole province's
 * or country's history at once (the demo, the national seed): the training
 * feature's own tables, written by the feature, in chunks. The rules that
 * guard a clerk's entries (capacity, schedule, Circular 01/2018) are for the
 * commands; a bulk load is built to satisfy them and is checked by tests.
 */
export class TrainingBulkWriter {
  constructor(private readonly trx: Db) {}

  programmes(rows: readonly Row<'training_programme'>[]): Promise<string[]> {
    return this.returningIds('training_programme', rows, 'name');
  }

  instructors(rows: readonly Row<'training_instructor'>[]): Promise<string[]> {
    return this.returningIds('training_instructor', rows, 'full_name');
  }

  classes(rows: readonly Row<'training_class'>[]): Promise<string[]> {
    return this.returningIds('training_class', rows, 'name');
  }

  sessions(rows: readonly Row<'training_session'>[]): Promise<string[]> {
    return this.returningIds('training_session', rows, 'class_id');
  }

  sessionInstructors(rows: readonly Row<'training_session_instructor'>[]): Promise<void> {
    return this.rows('training_session_instructor', rows);
  }

  tests(rows: readonly Row<'training_test'>[]): Promise<string[]> {
    return this.returningIds('training_test', rows, 'class_id');
  }

  enrolments(rows: readonly Row<'training_enrolment'>[]): Promise<string[]> {
    return this.returningIds('training_enrolment', rows, 'cadre_id');
  }

  attendance(rows: readonly Row<'training_attendance'>[]): Promise<void> {
    return this.rows('training_attendance', rows);
  }

  scores(rows: readonly Row<'training_score'>[]): Promise<void> {
    return this.rows('training_score', rows);
  }

  certificates(rows: readonly Row<'training_certificate'>[]): Promise<string[]> {
    return this.returningIds('training_certificate', rows, 'enrolment_id');
  }

  /** The qualifications certificates grant (source 'course'), as the certificate command records them one by one. */
  courseQualifications(rows: readonly (Row<'cadre_qualification'> & { source: 'course' })[]): Promise<void> {
    return this.rows('cadre_qualification', rows);
  }

  visits(rows: readonly Row<'guidance_visit'>[]): Promise<string[]> {
    return this.returningIds('guidance_visit', rows, 'commune_id');
  }

  visitOfficers(rows: readonly Row<'guidance_visit_officer'>[]): Promise<void> {
    return this.rows('guidance_visit_officer', rows);
  }

  visitCadres(rows: readonly Row<'guidance_visit_cadre'>[]): Promise<void> {
    return this.rows('guidance_visit_cadre', rows);
  }

  private async rows<Table extends keyof Database & string>(table: Table, rows: readonly Row<Table>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await this.trx
        .insertInto(table)
        .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
        .execute();
    }
  }

  /** The new ids in the order of `rows` (checked on `key`, since PostgreSQL does not promise the order of RETURNING). */
  private async returningIds<Table extends keyof Database & string, R extends Row<Table>>(
    table: Table,
    rows: readonly R[],
    key: keyof R & string,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const returned = (await this.trx
        .insertInto(table)
        .values(chunk as never)
        .returning(['id', sql.ref(key).as('key')] as never)
        .execute()) as unknown as { id: string; key: unknown }[];
      returned.forEach((row, index) => {
        if (String(row.key) !== String(chunk[index]![key])) throw new Error(`${table}: thứ tự trả về khác thứ tự chèn`);
        ids.push(row.id);
      });
    }
    return ids;
  }
}
