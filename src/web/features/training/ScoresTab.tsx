import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, InputNumber, Typography } from 'antd';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeApiError } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { PASS_SCORE } from './certificate-eligibility';
import { useGridDraft } from './grid-draft';
import { formatScoreText, normalizeScoreText } from './score-text';
import { useRecordScores, type ClassDetail } from './training.api';
import './training.css';

type Scores = Record<string, number | null>;

const scoreKey = (cadreId: string, testId: string) => `${cadreId}:${testId}`;

function scoresOf(klass: ClassDetail): Scores {
  const scores: Scores = {};
  for (const enrolment of klass.enrolments) {
    for (const entry of enrolment.scores) scores[scoreKey(enrolment.cadreId, entry.testId)] = entry.score;
  }
  return scores;
}

/** Scores out of 10; Enter or the arrow keys up/down go to the next person in the same test, as on a paper sheet. */
export function ScoresTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const recordScores = useRecordScores(klass.id);
  const saved = useMemo(() => scoresOf(klass), [klass]);
  const [draft, setDraft] = useGridDraft(saved);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const changedTests = klass.tests.filter((test) => klass.enrolments.some((enrolment) => (draft[scoreKey(enrolment.cadreId, test.id)] ?? null) !== (saved[scoreKey(enrolment.cadreId, test.id)] ?? null)));

  function focusScore(row: number, column: number) {
    tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${column}"]`)?.focus();
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusScore(row + 1, column);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusScore(row - 1, column);
    }
  }

  async function handleSave() {
    setSaving(true);
    setSaveError(null);
    try {
      for (const test of changedTests) {
        const scores = klass.enrolments.flatMap((enrolment) => {
          const score = draft[scoreKey(enrolment.cadreId, test.id)];
          return score === null || score === undefined ? [] : [{ cadreId: enrolment.cadreId, score }];
        });
        if (scores.length > 0) await recordScores.mutateAsync({ testId: test.id, scores });
      }
      void message.success(t('training.scores.saved'));
    } catch (error) {
      setSaveError(describeApiError(error, t));
    } finally {
      setSaving(false);
    }
  }

  if (klass.tests.length === 0) return <Empty description={t('training.scores.noTests')} />;
  if (klass.enrolments.length === 0) return <Empty description={t('training.enrol.none')} />;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('training.scores.hint', { pass: PASS_SCORE })}</Typography.Text>
        {canWrite && (
          <Flex gap={8}>
            <Button icon={<UndoOutlined />} disabled={changedTests.length === 0 || saving} onClick={() => setDraft(saved)}>
              {t('training.undo')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={changedTests.length === 0} loading={saving} onClick={() => void handleSave()} data-testid="scores-save">
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </Flex>
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} />}
      <div className="training-grid-wrap">
        <table className="training-grid" ref={tableRef} data-testid="scores-grid">
          <thead>
            <tr>
              <th className="training-grid-person">{t('training.person')}</th>
              {klass.tests.map((test) => (
                <th key={test.id}>
                  <div>{test.name}</div>
                  {test.heldOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDate(test.heldOn)}
                    </Typography.Text>
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
                {klass.tests.map((test, column) => {
                  const score = draft[scoreKey(enrolment.cadreId, test.id)] ?? null;
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
                        onChange={(value) => setDraft((previous) => ({ ...previous, [scoreKey(enrolment.cadreId, test.id)]: value ?? null }))}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
