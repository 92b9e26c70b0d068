import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Skeleton, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { addDays } from '../../../core/dates';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { unitPagePath } from './territory-dates';
import { LEVEL_COLORS, LINEAGE_KIND_COLORS, levelLabel, lineageKindLabel } from './territory-labels';
import { useCurrentUnits, useUnitLineage, type LineageLink } from './territory.api';

type Direction = 'predecessor' | 'successor';

/** Lineage the loader inferred from two lists rather than read from a conversion table. */
function isDerived(link: LineageLink): boolean {
  return link.source.startsWith('derived:');
}

function lineageColumns(direction: Direction, links: LineageLink[], t: Translate): TableProps<LineageLink>['columns'] {
  const nameOf = new Map(links.map((link) => [link.unit.id, link.unit.name]));
  return [
    {
      key: 'unit',
      title: t(direction === 'predecessor' ? 'territory.lineage.predecessor' : 'territory.lineage.successor'),
      render: (_, link) => (
        <Flex vertical>
          {/* The predecessor is shown on its last day, the successor on its first, so each page opens on a day it existed. */}
          <Link to={unitPagePath(link.unit.id, direction === 'predecessor' ? addDays(link.effectiveDate, -1) : link.effectiveDate)}>{link.unit.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('territory.codeShort', { code: link.unit.code })} · {levelLabel(link.unit.level, t)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: (
        <Tooltip title={t('territory.lineage.kindHint')}>
          <span>{t('territory.lineage.kind')}</span>
        </Tooltip>
      ),
      width: 130,
      render: (_, link) => <Tag color={LINEAGE_KIND_COLORS[link.kind]}>{lineageKindLabel(link.kind, t)}</Tag>,
    },
    { key: 'date', title: t('territory.lineage.date'), width: 130, render: (_, link) => formatDate(link.effectiveDate) },
    {
      key: 'relation',
      title: t('territory.lineage.relation'),
      width: 200,
      render: (_, link) =>
        link.generation === 1 ? (
          t('territory.lineage.direct')
        ) : (
          <Typography.Text type="secondary">{t('territory.lineage.via', { name: nameOf.get(link.viaId) ?? link.viaId })}</Typography.Text>
        ),
    },
    {
      key: 'note',
      title: t('territory.lineage.note'),
      render: (_, link) => (
        <Flex vertical gap={2}>
          {link.note && <Typography.Text>{link.note}</Typography.Text>}
          {isDerived(link) && (
            <Tag color="orange" style={{ width: 'fit-content' }}>
              {t('territory.lineage.derived')}
            </Tag>
          )}
        </Flex>
      ),
    },
  ];
}

function CurrentUnitsCard({ unitId }: { unitId: string }) {
  const t = useT();
  const current = useCurrentUnits(unitId);
  const today = todayInVietnam();
  let body;
  if (current.isError) body = <QueryErrorAlert error={current.error} onRetry={() => void current.refetch()} />;
  else if (current.isPending) body = <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  else if (current.data.current.some((unit) => unit.id === unitId)) body = <Typography.Text>{t('territory.lineage.stillValid')}</Typography.Text>;
  else if (current.data.current.length === 0) body = <Typography.Text type="secondary">{t('territory.lineage.noCurrent')}</Typography.Text>;
  else
    body = (
      <Flex vertical gap={8}>
        {current.data.current.map((unit) => (
          <Flex key={unit.id} align="center" gap={8} wrap>
            <ArrowRightOutlined />
            <Link to={unitPagePath(unit.id, today)} style={{ fontWeight: 600 }}>
              {unit.name}
            </Link>
            <Tag color={LEVEL_COLORS[unit.level]}>{levelLabel(unit.level, t)}</Tag>
            <Tag color={unit.share === 'whole' ? 'blue' : 'orange'}>
              {t(unit.share === 'whole' ? 'territory.lineage.shareWhole' : 'territory.lineage.sharePart')}
            </Tag>
            {unit.path && <Typography.Text type="secondary">{unit.path}</Typography.Text>}
          </Flex>
        ))}
      </Flex>
    );
  return (
    <Card size="small" title={t('territory.lineage.currentTitle', { date: formatDate(today) })} data-testid="current-units">
      {body}
    </Card>
  );
}

export function UnitLineageTab({ unitId }: { unitId: string }) {
  const t = useT();
  const lineage = useUnitLineage(unitId);

  if (lineage.isError) return <QueryErrorAlert error={lineage.error} onRetry={() => void lineage.refetch()} />;
  if (lineage.isPending) return <Skeleton active />;
  const { predecessors, successors } = lineage.data;

  const section = (direction: Direction, links: LineageLink[]) => (
    <section data-testid={direction === 'predecessor' ? 'lineage-predecessors' : 'lineage-successors'}>
      <Typography.Title level={5}>
        {t(direction === 'predecessor' ? 'territory.lineage.predecessorsTitle' : 'territory.lineage.successorsTitle')}
      </Typography.Title>
      {links.length === 0 ? (
        <Typography.Text type="secondary">
          {t(direction === 'predecessor' ? 'territory.lineage.noPredecessors' : 'territory.lineage.noSuccessors')}
        </Typography.Text>
      ) : (
        <Table<LineageLink>
          rowKey="lineageId"
          size="small"
          columns={lineageColumns(direction, links, t)}
          dataSource={links}
          pagination={false}
          scroll={{ x: 800 }}
        />
      )}
    </section>
  );

  return (
    <Flex vertical gap={24}>
      <CurrentUnitsCard unitId={unitId} />
      {predecessors.some(isDerived) || successors.some(isDerived) ? <Alert type="warning" showIcon title={t('territory.lineage.derivedWarning')} /> : null}
      {section('successor', successors)}
      {section('predecessor', predecessors)}
    </Flex>
  );
}
