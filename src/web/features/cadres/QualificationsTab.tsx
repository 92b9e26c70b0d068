import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Flex, Popconfirm, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { describeApiError } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT, type Language, type Translate } from '../../app/i18n';
import { DETAIL_OF_KIND, formatDateOrYear, HAS_STUDY_MODE, kindLabel, levelLabel, SCALE_OF_KIND, sourceLabel, studyModeLabel } from './cadre-format';
import { QUALIFICATION_KINDS, useDeleteQualification, type CadreProfile, type Levels, type Qualification, type QualificationKind } from './cadres.api';
import { QualificationFormModal } from './QualificationFormModal';

const LEVEL_OF_KIND: Record<QualificationKind, keyof Levels> = {
  professional: 'professional',
  political_theory: 'politicalTheory',
  state_management: 'stateManagement',
  it: 'it',
  foreign_language: 'foreignLanguage',
};

/** Highest level first, then the most recent: the order a résumé lists them in. */
function byLevelDescending(kind: QualificationKind) {
  const scale = SCALE_OF_KIND[kind];
  const rank = (q: Qualification) => (scale.isLevel(q.level.code) ? scale.codes.indexOf(q.level.code) : -1);
  return (a: Qualification, b: Qualification) => rank(b) - rank(a) || (b.obtainedOn ?? '').localeCompare(a.obtainedOn ?? '');
}

function Missing() {
  return <Typography.Text type="secondary">—</Typography.Text>;
}

function qualificationColumns(
  kind: QualificationKind,
  t: Translate,
  language: Language,
  asOf: string,
  actions: ((q: Qualification) => ReactNode) | null,
): TableProps<Qualification>['columns'] {
  return [
    {
      key: 'level',
      title: t('cadres.qualification.level'),
      width: 200,
      render: (_, q) => (
        <Flex gap={6} wrap align="center">
          <Typography.Text strong={q.obtainedByAsOf}>{levelLabel(kind, q.level, language)}</Typography.Text>
          {!q.obtainedByAsOf && <Tag>{t('cadres.qualification.afterDate', { date: formatDate(asOf) })}</Tag>}
        </Flex>
      ),
    },
    ...(DETAIL_OF_KIND[kind] === 'major'
      ? [{ key: 'major', title: t('cadres.qualification.major'), width: 180, render: (_: unknown, q: Qualification) => q.major ?? <Missing /> }]
      : []),
    ...(DETAIL_OF_KIND[kind] === 'language'
      ? [{ key: 'language', title: t('cadres.qualification.language'), width: 180, render: (_: unknown, q: Qualification) => q.language ?? <Missing /> }]
      : []),
    { key: 'institution', title: t('cadres.qualification.institution'), render: (_, q) => q.institution ?? <Missing /> },
    ...(HAS_STUDY_MODE.has(kind)
      ? [
          {
            key: 'studyMode',
            title: t('cadres.qualification.studyMode'),
            width: 150,
            render: (_: unknown, q: Qualification) => (q.studyMode ? studyModeLabel(q.studyMode, t) : <Missing />),
          },
        ]
      : []),
    {
      key: 'obtainedOn',
      title: t('cadres.qualification.obtainedOn'),
      width: 130,
      render: (_, q) => formatDateOrYear(q.obtainedOn, q.obtainedPrecision) ?? <Missing />,
    },
    {
      key: 'source',
      title: t('cadres.qualification.source'),
      width: 190,
      render: (_, q) => (
        <Flex vertical>
          <span>{sourceLabel(q.source, t)}</span>
          {q.sourceRef && <Typography.Text type="secondary">{q.sourceRef}</Typography.Text>}
        </Flex>
      ),
    },
    ...(actions ? [{ key: 'actions', title: '', width: 56, render: (_: unknown, q: Qualification) => actions(q) }] : []),
  ];
}

export function QualificationsTab({ cadre, asOf, canWrite }: { cadre: CadreProfile; asOf: string; canWrite: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<QualificationKind | null>(null);
  const remove = useDeleteQualification(cadre.id);

  const deleteAction = (q: Qualification) => (
    <Popconfirm
      title={t('cadres.qualification.deleteConfirm')}
      okText={t('cadres.action.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        remove.mutate(q.id, {
          onSuccess: () => void message.success(t('cadres.qualification.deleted')),
          onError: (error) => void message.error(describeApiError(error, t)),
        })
      }
    >
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('cadres.qualification.delete')}
        title={t('cadres.qualification.delete')}
      />
    </Popconfirm>
  );

  const recordedKinds = QUALIFICATION_KINDS.filter((kind) => cadre.qualifications.some((q) => q.kind === kind));

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('cadres.qualification.highestHint', { date: formatDate(asOf) })}</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('professional')} data-testid="qualification-add">
            {t('cadres.qualification.add')}
          </Button>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2, xl: 3 }}
        style={{ marginBottom: 24 }}
        data-testid="highest-levels"
        items={QUALIFICATION_KINDS.map((kind) => ({
          key: kind,
          label: kindLabel(kind, t),
          children: levelLabel(kind, cadre.levels[LEVEL_OF_KIND[kind]], language) ?? (
            <Typography.Text type="secondary">{t('cadres.qualification.none')}</Typography.Text>
          ),
        }))}
      />
      {recordedKinds.length === 0 ? (
        <Empty description={t('cadres.qualification.empty')} />
      ) : (
        recordedKinds.map((kind) => (
          <section key={kind} style={{ marginBottom: 24 }} data-testid={`qualifications-${kind}`}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                <Tooltip title={SCALE_OF_KIND[kind].levels.map((level) => (language === 'en' ? level.labelEn : level.labelVi)).join(' < ')}>
                  {kindLabel(kind, t)}
                </Tooltip>
              </Typography.Title>
              {canWrite && (
                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setAdding(kind)}>
                  {t('cadres.qualification.addOfKind')}
                </Button>
              )}
            </Flex>
            <Table<Qualification>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 860 }}
              tableLayout="fixed"
              dataSource={cadre.qualifications.filter((q) => q.kind === kind).sort(byLevelDescending(kind))}
              columns={qualificationColumns(kind, t, language, asOf, canWrite ? deleteAction : null)}
            />
          </section>
        ))
      )}
      <QualificationFormModal open={adding !== null} cadre={cadre} kind={adding ?? 'professional'} onClose={() => setAdding(null)} />
    </>
  );
}
