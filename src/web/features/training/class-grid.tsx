import type { ReactNode, RefObject } from 'react';
import { useT } from '../../app/i18n';
import { cellKey, KeyboardGridTable, useKeyboardGrid } from '../../app/grid/keyboard-grid';
import type { ClassDetail } from './training.api';

export { cellKey, GridSaveBar } from '../../app/grid/keyboard-grid';

type Cells<T> = Record<string, T | null>;
type Enrolment = ClassDetail['enrolments'][number];

/** The values the server holds for a class grid, keyed by `cellKey`. */
export function savedCells<T>(klass: ClassDetail, entriesOf: (enrolment: Enrolment) => { columnId: string; value: T }[]): Cells<T> {
  const cells: Cells<T> = {};
  for (const enrolment of klass.enrolments) {
    for (const entry of entriesOf(enrolment)) cells[cellKey(enrolment.cadreId, entry.columnId)] = entry.value;
  }
  return cells;
}

/** The shared keyboard grid over a class: its people are the rows. */
export function useClassGrid<T, Column extends { id: string }>(klass: ClassDetail, saved: Cells<T>, columns: readonly Column[], cellTag: 'td' | 'input') {
  return useKeyboardGrid(
    klass.enrolments.map((enrolment) => enrolment.cadreId),
    saved,
    columns,
    cellTag,
  );
}

/** People down the side, sessions or tests across. */
export function ClassGridTable<Column extends { id: string }>({
  klass,
  columns,
  tableRef,
  testId,
  header,
  cell,
}: {
  klass: ClassDetail;
  columns: readonly Column[];
  tableRef: RefObject<HTMLTableElement | null>;
  testId: string;
  header: (column: Column, index: number) => ReactNode;
  cell: (enrolment: Enrolment, column: Column, row: number, index: number) => ReactNode;
}) {
  const t = useT();
  const rows = klass.enrolments.map((enrolment) => ({ ...enrolment, id: enrolment.cadreId }));
  return (
    <KeyboardGridTable
      rows={rows}
      columns={columns}
      tableRef={tableRef}
      testId={testId}
      rowHeader={t('training.person')}
      rowLabel={(row) => row.fullName}
      header={header}
      cell={cell}
    />
  );
}
