import { App, Empty, InputNumber, Typography } from 'antd';
import { useMemo, type KeyboardEvent } from 'react';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { PASS_SCORE } from '../../../core/certificate-eligibility';
import { cellKey, ClassGridTable, GridSaveBar, savedCells, useClassGrid } from './class-grid';
import { formatScoreText, normalizeScoreText } from './score-text';
import { useRecordScores, type ClassDetail } from './training.api';
import './training.css';

/** Scores out of 10; Enter or the arrow keys up/down go to the next person in the same test, as on a paper sheet. */
export function ScoresTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const recordScores = useRecordScores(klass.id);
  const saved = useMemo(() => savedCells(klass, (enrolment) => enrolment.scores.map((entry) => ({ columnId: entry.testId, value: entry.score }))), [klass]);
  const {
    draft,
    setDraft,
    undo,
    changedColumns: changedTests,
    tableRef,
    focusCell,
    saving,
    saveError,
    save,
  } = useClassGrid(klass, saved, klass.tests, 'input');

  function handleKey(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusCell(row + 1, column);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusCell(row - 1, column);
    }
  }

  function handleSave() {
    return save(async () => {
      for (const test of changedTests) {
        const scores = klass.enrolments.flatMap((enrolment) => {
          const score = draft[cellKey(enrolment.cadreId, test.id)];
          return score === null || score === undefined ? [] : [{ cadreId: enrolment.cadreId, score }];
        });
        if (scores.length > 0) await recordScores.mutateAsync({ testId: test.id, scores });
      }
      void message.success(t('training.scores.saved'));
    });
  }

  if (klass.tests.length === 0) return <Empty description={t('training.scores.noTests')} />;
  if (klass.enrolments.length === 0) return <Empty description={t('training.enrol.none')} />;

  return (
    <>
      <GridSaveBar
        hint={t('training.scores.hint', { pass: PASS_SCORE })}
        canWrite={canWrite}
        changed={changedTests.length > 0}
        saving={saving}
        saveLabel={t('common.save')}
        saveTestId="scores-save"
        saveError={saveError}
        onUndo={undo}
        onSave={() => void handleSave()}
      />
      <ClassGridTable
        klass={klass}
        columns={klass.tests}
        tableRef={tableRef}
        testId="scores-grid"
        header={(test) => (
          <>
            <div>{test.name}</div>
            {test.heldOn && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(test.heldOn)}
              </Typography.Text>
            )}
          </>
        )}
        cell={(enrolment, test, row, column) => {
          const score = draft[cellKey(enrolment.cadreId, test.id)] ?? null;
          return (
            <td key={test.id}>
              <InputNumber<number>
                className="training-score"
                min={0}
                max={10}
                step={0.25}
                formatter={(value, { userTyping, input }) => (userTyping ? input : formatScoreText(value, language === 'vi' ? ',' : '.'))}
                // The typing says the parser returns a number; the input reads the text it returns, and '' is how a cleared cell stays empty.
                parser={(typed) => normalizeScoreText(typed) as unknown as number}
                value={score}
                disabled={!canWrite}
                status={score !== null && score < PASS_SCORE ? 'warning' : undefined}
                aria-label={`${enrolment.fullName}, ${test.name}`}
                data-row={row}
                data-column={column}
                onKeyDown={(event) => handleKey(event, row, column)}
                onChange={(value) => setDraft((previous) => ({ ...previous, [cellKey(enrolment.cadreId, test.id)]: value ?? null }))}
              />
            </td>
          );
        }}
      />
    </>
  );
}
