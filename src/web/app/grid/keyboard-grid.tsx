import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { describeApiError } from '../api/api-errors';
import { useT } from '../i18n';
import { useGridDraft } from './grid-draft';
import './grid.css';

type Cells<T> = Record<string, T | null>;

/** A cell of a keyboard grid: one row (a person, an assignment) in one column (a session, a test, a month). */
export const cellKey = (rowId: string, columnId: string) => `${rowId}:${columnId}`;

/**
 * The editable copy of a grid of rows × columns: which columns hold unsaved
 * changes, moving the focus by row and column (the elements named `cellTag`
 * carry `data-row` and `data-column`), and a save whose failure stays on
 * screen until the next attempt. Training's class grids and the party-cell
 * month grid share it, so a clerk's keys work the same on both.
 */
export function useKeyboardGrid<T, Column extends { id: string }>(
  rowIds: readonly string[],
  saved: Cells<T>,
  columns: readonly Column[],
  cellTag: 'td' | 'input',
) {
  const t = useT();
  const [draft, setDraft] = useGridDraft(saved);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const changedColumns = columns.filter((column) =>
    rowIds.some((rowId) => (draft[cellKey(rowId, column.id)] ?? null) !== (saved[cellKey(rowId, column.id)] ?? null)),
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

/** The hint over a grid, "Hoàn tác" and "Lưu" for those who may write, and the last save's failure. */
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
  extra,
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
  /** Inputs the save needs besides the cells (the day of a new meeting). */
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{hint}</Typography.Text>
        {canWrite && (
          <Flex gap={8} wrap align="center">
            {extra}
            <Button icon={<UndoOutlined />} disabled={!changed || saving} onClick={onUndo}>
              {t('grid.undo')}
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

/** Rows down the side, columns across; `cell` gives each row's `<td>` for a column, keyed by the column. */
export function KeyboardGridTable<Row extends { id: string }, Column extends { id: string }>({
  rows,
  columns,
  tableRef,
  testId,
  rowHeader,
  rowLabel,
  header,
  cell,
}: {
  rows: readonly Row[];
  columns: readonly Column[];
  tableRef: RefObject<HTMLTableElement | null>;
  testId: string;
  rowHeader: ReactNode;
  rowLabel: (row: Row) => ReactNode;
  header: (column: Column, index: number) => ReactNode;
  cell: (row: Row, column: Column, rowIndex: number, index: number) => ReactNode;
}) {
  return (
    <div className="keyboard-grid-wrap">
      <table className="keyboard-grid" ref={tableRef} data-testid={testId}>
        <thead>
          <tr>
            <th className="keyboard-grid-row">{rowHeader}</th>
            {columns.map((column, index) => (
              <th key={column.id}>{header(column, index)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={row.id}>
              <th className="keyboard-grid-row" scope="row">
                {rowLabel(row)}
              </th>
              {columns.map((column, index) => cell(row, column, rowIndex, index))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
