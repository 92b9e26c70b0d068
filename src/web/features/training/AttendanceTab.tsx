import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo, type KeyboardEvent } from 'react';
import { formatDate } from '../../app/format/dates';
import { useT, type MessageKey } from '../../app/i18n';
import { attendanceKeyAction, cycledStatus } from '../../app/grid/attendance-keys';
import { AttendanceImport } from './AttendanceImport';
import { cellKey, ClassGridTable, GridSaveBar, savedCells, useClassGrid } from './class-grid';
import { useRecordAttendance, type AttendanceStatus, type ClassDetail } from './training.api';
import './training.css';

const STATUS_TEXT: Record<AttendanceStatus, { short: MessageKey; long: MessageKey }> = {
  present: { short: 'training.attendance.presentShort', long: 'training.attendance.present' },
  excused: { short: 'training.attendance.excusedShort', long: 'training.attendance.excused' },
  absent: { short: 'training.attendance.absentShort', long: 'training.attendance.absent' },
};

/**
 * Rows are people, columns are sessions. Every cell takes a key (see
 * attendance-keys.ts) and moves down to the next person, so a clerk enters a
 * whole session from the sign-in sheet without the mouse.
 */
export function AttendanceTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const record = useRecordAttendance(klass.id);
  const saved = useMemo(
    () => savedCells(klass, (enrolment) => enrolment.attendance.map((entry) => ({ columnId: entry.sessionId, value: entry.status }))),
    [klass],
  );
  const {
    draft,
    setDraft,
    undo,
    changedColumns: changedSessions,
    tableRef,
    focusCell,
    saving,
    saveError,
    save,
  } = useClassGrid(klass, saved, klass.sessions, 'td');

  function setCell(cadreId: string, sessionId: string, status: AttendanceStatus | null) {
    setDraft((previous) => ({ ...previous, [cellKey(cadreId, sessionId)]: status }));
  }

  function handleKey(event: KeyboardEvent<HTMLTableCellElement>, row: number, column: number) {
    const enrolment = klass.enrolments[row];
    const session = klass.sessions[column];
    if (!enrolment || !session) return;
    const action = attendanceKeyAction(event.key, draft[cellKey(enrolment.cadreId, session.id)] ?? null);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') {
      focusCell(row + action.rows, column + action.columns);
      return;
    }
    if (!canWrite) return;
    setCell(enrolment.cadreId, session.id, action.status);
    if (action.status !== null) focusCell(row + 1, column);
  }

  function markColumnPresent(sessionId: string) {
    setDraft((previous) => {
      const next = { ...previous };
      for (const enrolment of klass.enrolments) next[cellKey(enrolment.cadreId, sessionId)] = 'present';
      return next;
    });
  }

  function handleSave() {
    return save(async () => {
      let savedCount = 0;
      // One request per session: the server replaces a session's whole list, and each session stands alone.
      for (const session of changedSessions) {
        const records = klass.enrolments.flatMap((enrolment) => {
          const status = draft[cellKey(enrolment.cadreId, session.id)];
          return status ? [{ cadreId: enrolment.cadreId, status }] : [];
        });
        if (records.length === 0) continue;
        await record.mutateAsync({ sessionId: session.id, records });
        savedCount += 1;
      }
      void message.success(t('training.attendance.saved', { count: savedCount }));
    });
  }

  if (klass.sessions.length === 0) return <Empty description={t('training.attendance.noSessions')} />;
  if (klass.enrolments.length === 0) return <Empty description={t('training.enrol.none')} />;

  return (
    <>
      <GridSaveBar
        hint={t('training.attendance.keysHint')}
        canWrite={canWrite}
        changed={changedSessions.length > 0}
        saving={saving}
        saveLabel={changedSessions.length > 0 ? t('training.attendance.saveCount', { count: changedSessions.length }) : t('common.save')}
        saveTestId="attendance-save"
        saveError={saveError}
        errorTestId="attendance-error"
        onUndo={undo}
        onSave={() => void handleSave()}
      />
      <ClassGridTable
        klass={klass}
        columns={klass.sessions}
        tableRef={tableRef}
        testId="attendance-grid"
        header={(session, column) => (
          <>
            <Tooltip title={[session.topic, session.instructors.map((instructor) => instructor.fullName).join(', ')].filter(Boolean).join(' — ') || undefined}>
              <div>{t('training.attendance.sessionNo', { number: column + 1 })}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(session.date)}
              </Typography.Text>
            </Tooltip>
            {canWrite && (
              <div>
                <Button size="small" type="link" icon={<CheckOutlined />} onClick={() => markColumnPresent(session.id)} data-testid={`mark-present-${column}`}>
                  {t('training.attendance.allPresent')}
                </Button>
              </div>
            )}
          </>
        )}
        cell={(enrolment, session, row, column) => {
          const status = draft[cellKey(enrolment.cadreId, session.id)] ?? null;
          const changed = status !== (saved[cellKey(enrolment.cadreId, session.id)] ?? null);
          return (
            <td
              key={session.id}
              tabIndex={0}
              data-row={row}
              data-column={column}
              data-status={status ?? 'none'}
              aria-label={`${enrolment.fullName}, ${t('training.attendance.sessionNo', { number: column + 1 })}: ${status ? t(STATUS_TEXT[status].long) : t('training.attendance.unrecorded')}`}
              className={`attendance-cell attendance-cell-${status ?? 'none'}${changed ? ' attendance-cell-changed' : ''}`}
              onKeyDown={(event) => handleKey(event, row, column)}
              onClick={() => canWrite && setCell(enrolment.cadreId, session.id, cycledStatus(status))}
            >
              {status ? t(STATUS_TEXT[status].short) : '·'}
            </td>
          );
        }}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {(['present', 'excused', 'absent'] as const).map((status) => (
          <Tag key={status} className={`attendance-legend attendance-cell-${status}`}>
            {t(STATUS_TEXT[status].short)} = {t(STATUS_TEXT[status].long)}
          </Tag>
        ))}
      </Flex>
      {canWrite && <AttendanceImport classId={klass.id} />}
    </>
  );
}
