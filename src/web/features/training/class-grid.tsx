import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { describeApiError } from '../../app/api/api-errors';
import { useT } from '../../app/i18n';
import { useGridDraft } from './grid-draft';
import type { ClassDetail } from './training.api';

type Cells<T> = Record<string, T | null>;

/** A cell of a class grid: one person (row) in one session or test (column). */
export const cellKey = (cadreId: string, columnId: string) => `${cadreId}:${columnId}`;

/** The values the server holds for a class grid, keyed by `cellKey`. */
export function savedCells<T>(klass: ClassDetail, entriesOf: (enrolment: ClassDetail['enrolments'][number]) => { columnId: string; value: T }[]): Cells<T> {
  const cells: Cells<T> = {};
  for (const enrolment of klass.enrolments) {
    for (const entry of entriesOf(enrolment)) cells[cellKey(enrolment.cadreId, entry.columnId)] = entry.value;
  }
  return cells;
}

/**
 * The editable copy of a class grid (people × sessions or tests): which
 * columns hold unsaved changes, moving the focus by row and column (the
 * elements named `cellTag` carry `data-row` and `data-column`), and a save
 * whose failure stays on screen until the next attempt.
 */
export function useClassGrid<T, Column extends { id: string }>(klass: ClassDetail, saved: Cells<T>, columns: readonly Column[], cellTag: 'td' | 'input') {
  const t = useT();
  const [draft, setDraft] = useGridDraft(saved);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const changedColumns = columns.filter((column) =>
    klass.enrolments.some((enrolment) => (draft[cellKey(enrolment.cadreId, column.id)] ?? null) !== (saved[cellKey(enrolment.cadreId, column.id)] ?? null)),
  );

  function focusCell(row: number, column: number) {
    tableRef.current?.querySelector<HTMLElement>(`${cellTag}[data-row="${row}"][data-column="${column}"]`)?.focus();
  }

  async function save(run: () => Promise<void>) {
    setSaving(true);
    setSaveError(null);
    try {
      await run();
    } catch (error) {
      setSaveError(describeApiError(error, t));
    } finally {
      setSaving(false);
    }
  }

  return { draft, setDraft, undo: () => setDraft(saved), changedColumns, tableRef, focusCell, saving, saveError, save };
}

/** The hint over a class grid, "Hoàn tác" and "Lưu" for those who may write, and the last save's failure. */
export function GridSaveBar({
  hint,
  canWrite,
  changed,
  saving,
  saveLabel,
  saveTestId,
  saveError,
  errorTestId,
  onUndo,
  onSave,
}: {
  hint: ReactNode;
  canWrite: boolean;
  changed: boolean;
  saving: boolean;
  saveLabel: string;
  saveTestId: string;
  saveError: string | null;
  errorTestId?: string;
  onUndo: () => void;
  onSave: () => void;
}) {
  const t = useT();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{hint}</Typography.Text>
        {canWrite && (
          <Flex gap={8}>
            <Button icon={<UndoOutlined />} disabled={!changed || saving} onClick={onUndo}>
              {t('training.undo')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={!changed} loading={saving} onClick={onSave} data-testid={saveTestId}>
              {saveLabel}
            </Button>
          </Flex>
        )}
      </Flex>
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} data-testid={errorTestId} />}
    </>
  );
}

/** People down the side, sessions or tests across; `cell` gives each person's `<td>` for a column, keyed by the column. */
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
  cell: (enrolment: ClassDetail['enrolments'][number], column: Column, row: number, index: number) => ReactNode;
}) {
  const t = useT();
  return (
    <div className="training-grid-wrap">
      <table className="training-grid" ref={tableRef} data-testid={testId}>
        <thead>
          <tr>
            <th className="training-grid-person">{t('training.person')}</th>
            {columns.map((column, index) => (
              <th key={column.id}>{header(column, index)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {klass.enrolments.map((enrolment, row) => (
            <tr key={enrolment.cadreId}>
              <th className="training-grid-person" scope="row">
                {enrolment.fullName}
              </th>
              {columns.map((column, index) => cell(enrolment, column, row, index))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
