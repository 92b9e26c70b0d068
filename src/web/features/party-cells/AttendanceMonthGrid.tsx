import { App, Flex, InputNumber, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { type AttendanceMark, attendanceKeyAction, cycledStatus } from '../../app/grid/attendance-keys';
import { cellKey, GridSaveBar, KeyboardGridTable, useKeyboardGrid } from '../../app/grid/keyboard-grid';
import { useT, type MessageKey } from '../../app/i18n';
import { type CellAssignment, type CellYear, useRecordMonth } from './party-cells.api';

const STATUS_TEXT: Record<AttendanceMark, { short: MessageKey; long: MessageKey }> = {
  present: { short: 'cells.status.presentShort', long: 'cells.status.present' },
  excused: { short: 'cells.status.excusedShort', long: 'cells.status.excused' },
  absent: { short: 'cells.status.absentShort', long: 'cells.status.absent' },
};

interface MonthColumn {
  id: string;
  month: number;
  first: string;
  last: string;
}

function monthsOf(year: number): MonthColumn[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const id = `${year}-${String(month).padStart(2, '0')}`;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { id, month, first: `${id}-01`, last: `${id}-${String(lastDay).padStart(2, '0')}` };
  });
}

/** A month the member could attend under the assignment, and that has begun by the day the year is viewed. */
function isOpen(assignment: CellAssignment, column: MonthColumn, asOf: string): boolean {
  return assignment.validFrom <= column.last && (assignment.validTo === null || assignment.validTo >= column.first) && column.first <= asOf;
}

/** What the server holds: each assignment's mark at its cell's (first) meeting of each month. */
function savedMarks(data: CellYear): Record<string, AttendanceMark | null> {
  const firstMeeting = new Map<string, CellYear['meetings'][number]>();
  for (const meeting of data.meetings) {
    const key = cellKey(meeting.cellId, meeting.heldOn.slice(0, 7));
    if (!firstMeeting.has(key)) firstMeeting.set(key, meeting);
  }
  const cells: Record<string, AttendanceMark | null> = {};
  for (const assignment of data.assignments) {
    for (const column of monthsOf(data.year)) {
      const meeting = firstMeeting.get(cellKey(assignment.cellId, column.id));
      const mark = meeting?.attendance.find((entry) => entry.cadreId === assignment.cadreId)?.status;
      if (mark) cells[cellKey(assignment.id, column.id)] = mark;
    }
  }
  return cells;
}

/**
 * The committee's year on one keyboard grid: assignments down the side,
 * months across, so a clerk enters a month for every cell from the minutes
 * without the mouse (the keys of training's attendance grid). A month not yet
 * begun, or outside an assignment, takes no mark.
 */
export function AttendanceMonthGrid({ data, onPickMonth }: { data: CellYear; onPickMonth: (month: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = data.abilities.edit;
  const record = useRecordMonth(data.committee.id);
  const columns = useMemo(() => monthsOf(data.year), [data.year]);
  const saved = useMemo(() => savedMarks(data), [data]);
  const rows = data.assignments;
  const cellNames = useMemo(() => new Map(data.cells.map((cell) => [cell.id, cell.name])), [data.cells]);
  const frequencyLabels = useMemo(() => new Map(data.frequencies.map((f) => [f.months, f.label])), [data.frequencies]);
  const [meetingDay, setMeetingDay] = useState<number>(data.usualMeetingDay);
  const { draft, setDraft, undo, changedColumns, tableRef, focusCell, saving, saveError, save } = useKeyboardGrid(
    rows.map((row) => row.id),
    saved,
    columns,
    'td',
  );

  function setCell(row: CellAssignment, column: MonthColumn, mark: AttendanceMark | null) {
    if (!isOpen(row, column, data.asOf)) return;
    setDraft((previous) => ({ ...previous, [cellKey(row.id, column.id)]: mark }));
  }

  function handleKey(event: KeyboardEvent<HTMLTableCellElement>, rowIndex: number, columnIndex: number) {
    const row = rows[rowIndex];
    const column = columns[columnIndex];
    if (!row || !column) return;
    const action = attendanceKeyAction(event.key, draft[cellKey(row.id, column.id)] ?? null);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') {
      focusCell(rowIndex + action.rows, columnIndex + action.columns);
      return;
    }
    if (!canWrite) return;
    setCell(row, column, action.status);
    if (action.status !== null) focusCell(rowIndex + 1, columnIndex);
  }

  function handleSave() {
    return save(async () => {
      // One request per month: each month stands alone, all its entries or none.
      for (const column of changedColumns) {
        const entries = rows.flatMap((row) => {
          const key = cellKey(row.id, column.id);
          const mark = draft[key] ?? null;
          return mark === (saved[key] ?? null) ? [] : [{ cellId: row.cellId, cadreId: row.cadreId, status: mark }];
        });
        await record.mutateAsync({ month: column.id, input: { meetingDay, entries } });
      }
      void message.success(t('cells.grid.saved', { count: changedColumns.length }));
    });
  }

  return (
    <>
      <GridSaveBar
        hint={t('cells.grid.hint')}
        canWrite={canWrite}
        changed={changedColumns.length > 0}
        saving={saving}
        saveLabel={t('cells.grid.save', { count: changedColumns.length })}
        saveTestId="cells-save"
        saveError={saveError}
        errorTestId="cells-error"
        onUndo={undo}
        onSave={() => void handleSave()}
        extra={
          <InputNumber
            min={1}
            max={31}
            precision={0}
            value={meetingDay}
            onChange={(value) => value && setMeetingDay(value)}
            prefix={t('cells.grid.meetingDay')}
            style={{ width: 200 }}
            data-testid="cells-meeting-day"
          />
        }
      />
      <KeyboardGridTable
        rows={rows}
        columns={columns}
        tableRef={tableRef}
        testId="cells-grid"
        rowHeader={t('cells.grid.row')}
        rowLabel={(row) => (
          <Flex vertical>
            <span>{cellNames.get(row.cellId) ?? ''}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {row.fullName}
              {row.frequencyMonths !== 1 ? ` · ${frequencyLabels.get(row.frequencyMonths) ?? ''}` : ''}
            </Typography.Text>
          </Flex>
        )}
        header={(column) => (
          <Typography.Link onClick={() => onPickMonth(column.id)} aria-label={t('cells.grid.month', { month: column.month })}>
            {t('cells.grid.monthShort', { month: column.month })}
          </Typography.Link>
        )}
        cell={(row, column, rowIndex, columnIndex) => {
          const open = isOpen(row, column, data.asOf);
          const mark = draft[cellKey(row.id, column.id)] ?? null;
          const changed = mark !== (saved[cellKey(row.id, column.id)] ?? null);
          const state = open ? (mark ? t(STATUS_TEXT[mark].long) : t('cells.status.none')) : t('cells.grid.off');
          return (
            <td
              key={column.id}
              tabIndex={0}
              data-row={rowIndex}
              data-column={columnIndex}
              data-status={open ? (mark ?? 'none') : 'off'}
              aria-label={`${cellNames.get(row.cellId) ?? ''}, ${row.fullName}, ${t('cells.grid.month', { month: column.month })}: ${state}`}
              className={`attendance-cell ${open ? `attendance-cell-${mark ?? 'none'}` : 'attendance-cell-off'}${changed ? ' attendance-cell-changed' : ''}`}
              onKeyDown={(event) => handleKey(event, rowIndex, columnIndex)}
              onClick={() => canWrite && setCell(row, column, cycledStatus(mark))}
            >
              {open ? (mark ? t(STATUS_TEXT[mark].short) : '·') : ''}
            </td>
          );
        }}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {(['present', 'excused', 'absent'] as const).map((mark) => (
          <Tooltip key={mark} title={t(STATUS_TEXT[mark].long)}>
            <Tag className={`attendance-legend attendance-cell-${mark}`}>
              {t(STATUS_TEXT[mark].short)} = {t(STATUS_TEXT[mark].long)}
            </Tag>
          </Tooltip>
        ))}
      </Flex>
    </>
  );
}
