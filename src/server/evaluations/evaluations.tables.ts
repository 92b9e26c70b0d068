import type { ColumnType, Generated } from 'kysely';
import type { DisciplineException, DisciplineForm, EvaluationClass } from '../../core/evaluation.js';

export interface CadreDisciplineTable {
  id: Generated<string>;
  cadre_id: string;
  form: DisciplineForm;
  decided_on: string;
  deciding_body: string;
  decision_number: string | null;
  reason: string | null;
  evaluation_exception: DisciplineException | null;
  created_at: ColumnType<Date, never, never>;
}

export interface CadreEvaluationTable {
  id: Generated<string>;
  cadre_id: string;
  year: number;
  unit_id: string;
  class: EvaluationClass;
  /** numeric(5,2): pg returns it as text. */
  points: ColumnType<string | null, number | null, number | null>;
  evaluated_by: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface EvaluationsTables {
  cadre_discipline: CadreDisciplineTable;
  cadre_evaluation: CadreEvaluationTable;
}
