import { CheckOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeApiError } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useT, type MessageKey } from '../../app/i18n';
import { attendanceKeyAction, cycledStatus } from './attendance-keys';
import { AttendanceImport } from './AttendanceImport';
import { useGridDraft } from './grid-draft';
import { useRecordAttendance, type AttendanceStatus, type ClassDetail } from './training.api';
import './training.css';

type Grid = Record<string, AttendanceStatus | null>;

const cellKey = (cadreId: string, sessionId: string) => `${cadreId}:${sessionId}`;

const STATUS_TEXT: Record<AttendanceStatus, { short: MessageKey; long: MessageKey }> = {
  present: { short: 'training.attendance.presentShort', long: 'training.attendance.present' },
  excused: { short: 'training.attendance.excusedShort', long: 'training.attendance.excused' },
  absent: { short: 'training.attendance.absentShort', long: 'training.attendance.absent' },
};

function gridOf(klass: ClassDetail): Grid {
  const grid: Grid = {};
  for (const enrolment of klass.enrolments) {
    for (const entry of enrolment.attendance) grid[cellKey(enrolment.cadreId, entry.sessionId)] = entry.status;
  }
  return grid;
}

/**
 * Rows are people, columns are sessions. Every cell takes a key (see
 * attendance-keys.ts) and moves down to the next person, so a clerk enters a
 * whole session from the sign-in sheet without the mouse.
 */
export function AttendanceTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const record = useRecordAttendance(klass.id);
  const saved = useMemo(() => gridOf(klass), [klass]);
  const [draft, setDraft] = useGridDraft(saved);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);

  const changedSessions = klass.sessions.filter((session) => klass.enrolments.some((enrolment) => (draft[cellKey(enrolment.cadreId, session.id)] ?? null) !== (saved[cellKey(enrolment.cadreId, session.id)] ?? null)));

  function setCell(cadreId: string, sessionId: string, status: AttendanceStatus | null) {
    setDraft((previous) => ({ ...previous, [cellKey(cadreId, sessionId)]: status }));
  }

  function focusCell(row: number, column: number) {
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-column="${column}"]`)?.focus();
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

  async function handleSave() {
    setSaving(true);
    setSaveError(null);
    let savedCount = 0;
    try {
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
    } catch (error) {
      setSaveError(describeApiError(error, t));
    } finally {
      setSaving(false);
    }
  }

  if (klass.sessions.length === 0) return <Empty description={t('training.attendance.noSessions')} />;
  if (klass.enrolments.length === 0) return <Empty description={t('training.enrol.none')} />;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('training.attendance.keysHint')}</Typography.Text>
        {canWrite && (
          <Flex gap={8}>
            <Button icon={<UndoOutlined />} disabled={changedSessions.length === 0 || saving} onClick={() => setDraft(saved)}>
              {t('training.undo')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={changedSessions.length === 0} loading={saving} onClick={() => void handleSave()} data-testid="attendance-save">
              {changedSessions.length > 0 ? t('training.attendance.saveCount', { count: changedSessions.length }) : t('common.save')}
            </Button>
          </Flex>
        )}
      </Flex>
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} data-testid="attendance-error" />}
      <div className="training-grid-wrap">
        <table className="training-grid" ref={tableRef} data-testid="attendance-grid">
          <thead>
            <tr>
              <th className="training-grid-person">{t('training.person')}</th>
              {klass.sessions.map((session, column) => (
                <th key={session.id}>
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
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {klass.enrolments.map((enrolment, row) => (
              <tr key={enrolment.cadreId}>
                <th className="training-grid-person" scope="row">
                  {enrolment.fullName}
                </th>
                {klass.sessions.map((session, column) => {
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
                      className={`training-cell training-cell-${status ?? 'none'}${changed ? ' training-cell-changed' : ''}`}
                      onKeyDown={(event) => handleKey(event, row, column)}
                      onClick={() => canWrite && setCell(enrolment.cadreId, session.id, cycledStatus(status))}
                    >
                      {status ? t(STATUS_TEXT[status].short) : '·'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {(['present', 'excused', 'absent'] as const).map((status) => (
          <Tag key={status} className={`training-legend training-cell-${status}`}>
            {t(STATUS_TEXT[status].short)} = {t(STATUS_TEXT[status].long)}
          </Tag>
        ))}
      </Flex>
      {canWrite && <AttendanceImport classId={klass.id} />}
    </>
  );
}
