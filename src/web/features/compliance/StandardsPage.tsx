import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useLanguage, useT } from '../../app/i18n';
import { useState } from 'react';
import { areaClassLabel, levelLabel, SCALES } from './compliance-labels';
import { useSetEnabled, useStandardRules, useStandardSets, type StandardRule, type StandardSet } from './compliance.api';
import { RuleVersionDrawer, type RuleEditorTarget } from './RuleVersionDrawer';
import { StandardSetDrawer } from './StandardSetDrawer';

function period(rule: StandardRule, openEnded: string): string {
  return `${formatDate(rule.validFrom)} – ${rule.validTo ? formatDate(rule.validTo) : openEnded}`;
}

/** The standard sets and their rules as data: administrators add sets and rules, turn sets on and off and write new versions of rules. */
export function StandardsPage() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const canManageStandards = useCurrentUser().abilities.manageStandards;
  const [history, setHistory] = useState(false);
  const sets = useStandardSets();
  const rules = useStandardRules(history);
  const setEnabled = useSetEnabled();
  const editor = useDialogState<RuleEditorTarget>();
  const setCreator = useDialogState<never>();
  const none = t('standards.none');

  function toggle(set: StandardSet, enabled: boolean) {
    setEnabled.mutate(
      { code: set.code, enabled },
      {
        onSuccess: () => void message.success(t(enabled ? 'standards.set.enabledDone' : 'standards.set.disabledDone', { name: set.nameVi })),
        onError: notifyError,
      },
    );
  }

  const latestOf = (rule: StandardRule) =>
    !rule.superseded && !(rules.data?.items ?? []).some((other) => other.code === rule.code && !other.superseded && other.validFrom > rule.validFrom);

  return (
    <>
      <PageHeader
        title={t('standards.title')}
        description={t('standards.description')}
        actions={
          <Link to="/compliance">
            <Button icon={<ArrowLeftOutlined />}>{t('standards.back')}</Button>
          </Link>
        }
      />
      {sets.isError && <QueryErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />}
      <Card
        title={t('standards.sets')}
        style={{ marginBottom: 16 }}
        extra={
          canManageStandards && (
            <Button icon={<PlusOutlined />} onClick={() => setCreator.show(null)} data-testid="new-standard-set">
              {t('standards.newSet.open')}
            </Button>
          )
        }
      >
        <Table<StandardSet>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={sets.data?.items}
          loading={sets.isFetching}
          data-testid="standard-sets"
          columns={[
            {
              key: 'name',
              title: t('standards.set.name'),
              render: (_, set) => (
                <Flex vertical>
                  <Typography.Text strong>{language === 'vi' ? set.nameVi : set.nameEn}</Typography.Text>
                  <Typography.Text type="secondary">{set.legalBasis}</Typography.Text>
                  {set.note && (
                    <Typography.Text type="secondary" italic>
                      {set.note}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { key: 'code', title: t('standards.set.code'), width: 130, render: (_, set) => <Tag>{set.code}</Tag> },
            {
              key: 'scope',
              title: t('standards.set.scope'),
              width: 120,
              render: (_, set) =>
                set.scope === 'provincial' ? <Tag color="purple">{t('standards.scope.provincial')}</Tag> : <Tag>{t('standards.scope.national')}</Tag>,
            },
            {
              key: 'confirmed',
              title: t('standards.confirmed'),
              width: 130,
              render: (_, set) =>
                set.confirmed ? <Tag color="green">{t('standards.confirmed.yes')}</Tag> : <Tag color="gold">{t('standards.confirmed.no')}</Tag>,
            },
            { key: 'rules', title: t('standards.set.rules'), width: 90, align: 'right', render: (_, set) => set.ruleCount },
            {
              key: 'enabled',
              title: t('standards.set.enabled'),
              width: 110,
              render: (_, set) => (
                <Switch
                  checked={set.enabled}
                  disabled={!canManageStandards}
                  loading={setEnabled.isPending && setEnabled.variables?.code === set.code}
                  onChange={(enabled) => toggle(set, enabled)}
                  aria-label={t('standards.set.enabled')}
                  data-testid={`set-enabled-${set.code}`}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('standards.rules')}
        extra={
          <Flex align="center" gap={8}>
            <Switch size="small" checked={history} onChange={setHistory} aria-label={t('standards.history')} />
            <Typography.Text>{t('standards.history')}</Typography.Text>
            {canManageStandards && (
              <Button
                icon={<PlusOutlined />}
                disabled={!sets.data?.items.length}
                onClick={() => editor.show({ kind: 'rule', sets: sets.data?.items ?? [] })}
                data-testid="new-standard-rule"
              >
                {t('standards.newRule.open')}
              </Button>
            )}
          </Flex>
        }
      >
        {rules.isError && <QueryErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
        <Table<StandardRule>
          rowKey="id"
          size="small"
          dataSource={rules.data?.items}
          loading={rules.isFetching}
          pagination={false}
          scroll={{ x: 1750 }}
          data-testid="standard-rules"
          rowClassName={(rule) => (rule.superseded ? 'rule-superseded' : '')}
          columns={[
            {
              key: 'code',
              title: t('standards.rule.code'),
              width: 230,
              render: (_, rule) => (
                <Flex vertical>
                  <Typography.Text strong delete={rule.superseded}>
                    {rule.code}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('standards.rule.version', { version: rule.version })}
                    {rule.superseded ? ` — ${t('standards.rule.superseded')}` : ''}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'titles', title: t('standards.rule.titles'), width: 200, render: (_, rule) => rule.appliesToText },
            { key: 'area', title: t('standards.rule.area'), width: 170, render: (_, rule) => areaClassLabel(rule.areaClass, language) },
            { key: 'period', title: t('standards.rule.period'), width: 190, render: (_, rule) => period(rule, t('standards.rule.open')) },
            {
              key: 'levels',
              title: t('standards.rule.minimums'),
              width: 260,
              render: (_, rule) => (
                <Flex vertical>
                  <span>
                    {t('compliance.people.professional')}: {levelLabel(SCALES.professional, rule.minProfessional, language, none)}
                    {rule.professionalFields.length > 0 ? ` (${rule.professionalFields.join(', ')})` : ''}
                  </span>
                  <span>
                    {t('compliance.people.politicalTheory')}: {levelLabel(SCALES.politicalTheory, rule.minPoliticalTheory, language, none)}
                  </span>
                  {rule.minStateManagement && (
                    <span>
                      {t('standards.rule.stateManagement')}: {levelLabel(SCALES.stateManagement, rule.minStateManagement, language, none)}
                    </span>
                  )}
                  {rule.requireHighSchool && <span>{t('standards.rule.highSchool')}</span>}
                </Flex>
              ),
            },
            {
              key: 'age',
              title: t('standards.rule.age'),
              width: 200,
              render: (_, rule) => (
                <Flex vertical>
                  <span>{t('standards.rule.firstAppointment', { months: rule.minMonthsLeftAtFirstAppointment ?? '—' })}</span>
                  <span>{t('standards.rule.reelection', { months: rule.minMonthsLeftAtReElection ?? '—' })}</span>
                </Flex>
              ),
            },
            {
              key: 'basis',
              title: t('standards.rule.basis'),
              width: 140,
              render: (_, rule) => (
                <Tooltip title={[rule.legalBasis, rule.note, rule.changeNote].filter(Boolean).join(' — ')}>
                  {rule.confirmed ? <Tag color="green">{t('standards.confirmed.yes')}</Tag> : <Tag color="gold">{t('standards.confirmed.no')}</Tag>}
                </Tooltip>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 130,
              fixed: 'right',
              render: (_, rule) =>
                canManageStandards &&
                latestOf(rule) && (
                  <Button size="small" onClick={() => editor.show({ kind: 'version', rule })} data-testid={`new-version-${rule.code}`}>
                    {t('standards.rule.newVersion')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <RuleVersionDrawer open={editor.open} target={editor.subject} onClose={editor.close} />
      <StandardSetDrawer open={setCreator.open} onClose={setCreator.close} />
    </>
  );
}
