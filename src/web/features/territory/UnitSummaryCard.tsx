import { ApartmentOutlined, BranchesOutlined, HistoryOutlined, HomeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { describePeriod, unitPagePath } from './territory-dates';
import { LEVEL_COLORS, levelLabel } from './territory-labels';
import { useUnitCounts, useUnitDetail } from './territory.api';
import { TallyLines } from './UnitCountsText';

function SummaryContent({ unitId, asOf }: { unitId: string; asOf: string }) {
  const t = useT();
  const unit = useUnitDetail(unitId, asOf);
  const counts = useUnitCounts(unit.data?.validOnDate && unit.data.level !== 'commune' ? unitId : null, asOf);

  if (unit.isError) return <QueryErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  if (unit.isPending) return <Skeleton active />;
  const detail = unit.data;

  return (
    <Flex vertical gap={16} data-testid="unit-summary">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {detail.name}
        </Typography.Title>
        <Flex gap={4} wrap style={{ marginTop: 6 }}>
          <Tag color={LEVEL_COLORS[detail.level]}>{levelLabel(detail.level, t)}</Tag>
          <Tag>{detail.type}</Tag>
          <Tag>{t('territory.codeShort', { code: detail.code })}</Tag>
        </Flex>
      </div>
      {!detail.validOnDate && (
        <Alert
          type="warning"
          showIcon
          title={t('territory.unit.notValidOnDate', { date: formatDate(asOf) })}
          description={<Link to={unitPagePath(detail.id, asOf, 'lineage')}>{t('territory.unit.seeSuccessors')}</Link>}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        items={[
          ...(detail.path ? [{ key: 'path', label: t('territory.unit.path'), children: detail.path }] : []),
          { key: 'period', label: t('territory.unit.validity'), children: describePeriod(detail.validFrom, detail.validTo, t) },
        ]}
      />
      {detail.validOnDate && detail.level !== 'commune' && (
        <div>
          <Typography.Text type="secondary">{t('territory.counts.descendantsOn', { date: formatDate(asOf) })}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            {counts.isError ? (
              <QueryErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />
            ) : counts.data ? (
              <TallyLines tally={counts.data.descendants} />
            ) : (
              <Skeleton active paragraph={{ rows: 2 }} title={false} />
            )}
          </div>
        </div>
      )}
      <Flex gap={8} wrap>
        <Link to={unitPagePath(detail.id, asOf)}>
          <Button type="primary" icon={<ApartmentOutlined />} data-testid="open-unit">
            {t('territory.unit.open')}
          </Button>
        </Link>
        <Link to={unitPagePath(detail.id, asOf, 'history')}>
          <Button icon={<HistoryOutlined />}>{t('territory.tab.history')}</Button>
        </Link>
        <Link to={unitPagePath(detail.id, asOf, 'lineage')}>
          <Button icon={<BranchesOutlined />}>{t('territory.tab.lineage')}</Button>
        </Link>
        {detail.level === 'commune' && (
          <Link to={unitPagePath(detail.id, asOf, 'villages')}>
            <Button icon={<HomeOutlined />}>{t('territory.tab.villages')}</Button>
          </Link>
        )}
      </Flex>
    </Flex>
  );
}

/** What the official needs about the unit picked in the tree, without leaving the tree. */
export function UnitSummaryCard({ unitId, asOf }: { unitId: string | null; asOf: string }) {
  const t = useT();
  return (
    <Card title={t('territory.summary.title')} style={{ position: 'sticky', top: 84 }}>
      {unitId ? <SummaryContent unitId={unitId} asOf={asOf} /> : <Empty description={t('territory.summary.empty')} />}
    </Card>
  );
}
