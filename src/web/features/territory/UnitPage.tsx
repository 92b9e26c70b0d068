import { Alert, Breadcrumb, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { addDays } from '../../../core/dates';
import { ApiError } from '../../app/api/api-client';
import { UrlTabs } from '../../app/components/UrlTabs';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { CommuneVisitsTab } from '../training/CommuneVisitsTab';
import { AreaClassTab } from './AreaClassTab';
import { AsOfPicker } from './AsOfPicker';
import { PartyOrganizationsTab } from './PartyOrganizationsTab';
import { describePeriod, territoryPath, unitPagePath, useAsOf } from './territory-dates';
import { LEVEL_COLORS, levelLabel } from './territory-labels';
import { useUnitDetail, type UnitDetail } from './territory.api';
import { UnitChildrenTab } from './UnitChildrenTab';
import { UnitHistoryTab } from './UnitHistoryTab';
import { UnitLineageTab } from './UnitLineageTab';
import { VillagesTab } from './VillagesTab';
import { WeakDesignationsTab } from './WeakDesignationsTab';

function ValidityTag({ unit, t }: { unit: UnitDetail; t: Translate }) {
  const today = todayInVietnam();
  if (unit.validTo !== null && unit.validTo < today) {
    return <Tag color="default">{t('territory.unit.endedOn', { date: formatDate(addDays(unit.validTo, 1)) })}</Tag>;
  }
  if (unit.validFrom !== null && unit.validFrom > today) {
    return <Tag color="gold">{t('territory.unit.startsOn', { date: formatDate(unit.validFrom) })}</Tag>;
  }
  return <Tag color="success">{t('territory.unit.active')}</Tag>;
}

function UnitHeader({ unit, asOf, onAsOfChange }: { unit: UnitDetail; asOf: string; onAsOfChange: (asOf: string) => void }) {
  const t = useT();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="unit-header">
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 8 }}>
        <Breadcrumb
          items={[
            { key: 'territory', title: <Link to={territoryPath('/territory', asOf, { unit: unit.id })}>{t('nav.territory')}</Link> },
            ...unit.path
              .split(' › ')
              .filter(Boolean)
              .map((name, index, names) => ({
                key: `path-${index}`,
                // Only the direct parent's id is known; the higher levels stay plain text.
                title: index === names.length - 1 && unit.parentId ? <Link to={unitPagePath(unit.parentId, asOf)}>{name}</Link> : name,
              })),
            { key: 'unit', title: unit.name },
          ]}
        />
        <AsOfPicker value={asOf} onChange={onAsOfChange} compact />
      </Flex>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="unit-name">
          {unit.name}
        </Typography.Title>
        <ValidityTag unit={unit} t={t} />
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'code', label: t('territory.unit.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
          { key: 'level', label: t('territory.unit.level'), children: <Tag color={LEVEL_COLORS[unit.level]}>{levelLabel(unit.level, t)}</Tag> },
          { key: 'type', label: t('territory.unit.type'), children: unit.type },
          { key: 'validity', label: t('territory.unit.validity'), children: describePeriod(unit.validFrom, unit.validTo, t) },
          ...(unit.path ? [{ key: 'path', label: t('territory.unit.path'), children: unit.path, span: { xs: 1, md: 2, xl: 4 } }] : []),
        ]}
      />
      {!unit.validOnDate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('territory.unit.notValidOnDate', { date: formatDate(asOf) })}
          description={t('territory.unit.notValidOnDateHint')}
        />
      )}
    </Card>
  );
}

export function UnitPage() {
  const t = useT();
  const { unitId = '' } = useParams();
  const [asOf, setAsOf] = useAsOf();
  const unit = useUnitDetail(unitId, asOf);

  if (unit.isError) {
    if (unit.error instanceof ApiError && unit.error.status === 404) {
      return (
        <Result status="404" title={t('territory.unit.notFound')} extra={<Link to={territoryPath('/territory', asOf)}>{t('territory.backToTree')}</Link>} />
      );
    }
    return <QueryErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  }
  if (unit.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;

  const detail = unit.data;
  const isCommune = detail.level === 'commune';
  const tabs = [
    { key: 'history', label: t('territory.tab.history'), children: <UnitHistoryTab unit={detail} /> },
    { key: 'lineage', label: t('territory.tab.lineage'), children: <UnitLineageTab unitId={detail.id} /> },
    ...(isCommune
      ? [
          { key: 'villages', label: t('territory.tab.villages'), children: <VillagesTab commune={detail} asOf={asOf} /> },
          { key: 'party', label: t('territory.tab.party'), children: <PartyOrganizationsTab commune={detail} asOf={asOf} /> },
          { key: 'area', label: t('territory.tab.areaClass'), children: <AreaClassTab commune={detail} asOf={asOf} /> },
          { key: 'weak', label: t('territory.tab.weak'), children: <WeakDesignationsTab commune={detail} /> },
          { key: 'guidance', label: t('training.communeVisits.tab'), children: <CommuneVisitsTab commune={detail} /> },
        ]
      : [{ key: 'children', label: t('territory.tab.children'), children: <UnitChildrenTab unit={detail} asOf={asOf} /> }]),
  ];

  return (
    <>
      <UnitHeader unit={detail} asOf={asOf} onAsOfChange={setAsOf} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <UrlTabs items={tabs} defaultKey="history" testId="unit-tabs" />
      </Card>
    </>
  );
}
