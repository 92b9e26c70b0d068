import { LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Grid, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { formatDateOrYear, genderLabel } from './cadre-format';
import type { CadreProfile } from './cadres.api';
import { WorkingLifeText } from './WorkingLife';

function Missing() {
  return <Typography.Text type="secondary">{'—'}</Typography.Text>;
}

/** A value the server withheld: the lock says why instead of leaving a blank that looks like missing data. */
function Withheld({ shown }: { shown?: string | null }) {
  const t = useT();
  return (
    <Tooltip title={t('cadres.sensitive.needPermission')}>
      <Space size={6} data-testid="sensitive-locked">
        <LockOutlined style={{ color: '#8c8c8c' }} aria-label={t('cadres.sensitive.needPermission')} />
        <Typography.Text type="secondary">{shown ?? t('cadres.sensitive.hidden')}</Typography.Text>
      </Space>
    </Tooltip>
  );
}

export function PersonalInfoTab({ cadre }: { cadre: CadreProfile }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const value = (text: string | null | undefined): ReactNode => (text ? text : <Missing />);
  const sensitive = (text: string | null | undefined, masked?: string | null): ReactNode => (cadre.sensitiveHidden ? <Withheld shown={masked} /> : value(text));

  return (
    <>
      {cadre.sensitiveHidden && <Alert type="info" showIcon icon={<LockOutlined />} title={t('cadres.sensitive.notice')} style={{ marginBottom: 16 }} />}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        // On a phone the labels sit above their values: side by side, each would get a third of 390 px.
        layout={screens.md ? 'horizontal' : 'vertical'}
        styles={{ label: { width: screens.md ? 200 : undefined } }}
        data-testid="personal-info"
        items={[
          { key: 'fullName', label: t('cadres.field.fullName'), children: <Typography.Text strong>{cadre.fullName}</Typography.Text> },
          { key: 'gender', label: t('cadres.field.gender'), children: value(genderLabel(cadre.gender, t)) },
          { key: 'birthDate', label: t('cadres.field.birthDate'), children: value(formatDateOrYear(cadre.birthDate, cadre.birthDatePrecision)) },
          { key: 'workingLife', label: t('cadres.field.workingLife'), children: <WorkingLifeText life={cadre.workingLife} asOf={cadre.asOf} /> },
          { key: 'homeTown', label: t('cadres.field.homeTown'), children: value(cadre.homeTown) },
          { key: 'ethnicity', label: t('cadres.field.ethnicity'), children: sensitive(cadre.ethnicity?.name) },
          { key: 'religion', label: t('cadres.field.religion'), children: sensitive(cadre.religion) },
          {
            key: 'personalId',
            label: t('cadres.field.personalId'),
            children: cadre.sensitiveHidden ? (
              cadre.personalId ? (
                <Withheld shown={cadre.personalId} />
              ) : (
                <Missing />
              )
            ) : cadre.personalId ? (
              <Typography.Text copyable>{cadre.personalId}</Typography.Text>
            ) : (
              <Missing />
            ),
          },
          { key: 'partyJoinedOn', label: t('cadres.field.partyJoinedOn'), children: value(formatDateOrYear(cadre.partyJoinedOn, cadre.partyJoinedPrecision)) },
          { key: 'phone', label: t('cadres.field.phone'), children: value(cadre.phone) },
          { key: 'email', label: t('cadres.field.email'), children: value(cadre.email) },
          { key: 'owningUnit', label: t('cadres.field.owningUnit'), children: value(cadre.owningUnit?.name ?? null) },
          { key: 'updatedAt', label: t('cadres.field.updatedAt'), children: formatDateTime(cadre.updatedAt) },
          {
            key: 'discipline',
            label: t('cadres.field.discipline'),
            span: { xs: 1, md: 2 },
            children: cadre.sensitiveHidden ? (
              <Withheld />
            ) : cadre.discipline ? (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{cadre.discipline}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t('cadres.field.disciplineNone')}</Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
