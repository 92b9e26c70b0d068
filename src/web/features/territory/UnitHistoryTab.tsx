import { EditOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Tag, Timeline, Typography, type TableProps, type TimelineItemProps } from 'antd';
import { Link } from 'react-router';
import { addDays } from '../../../core/dates';
import { formatDate } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { CorrectChangeDateModal } from './CorrectChangeDateModal';
import { formatPeriod, unitPagePath } from './territory-dates';
import { DATE_SOURCE_COLORS, changeKindLabel, dateNeedsChecking, dateSourceLabel } from './territory-labels';
import type { UnitChange, UnitDetail, UnitVersion } from './territory.api';

interface DescribedUnit {
  code?: string;
  name?: string;
  type?: string;
  parentCode?: string | null;
}

function describedUnit(value: unknown): DescribedUnit {
  return typeof value === 'object' && value !== null ? (value as DescribedUnit) : {};
}

const CHANGE_COLORS: Record<UnitChange['kind'], string> = { established: 'green', changed: 'blue', ended: 'red' };
/** Timeline dots take colour values; the named ones would follow the brand red. */
const CHANGE_DOT_COLORS: Record<UnitChange['kind'], string> = { established: '#389e0d', changed: '#1677ff', ended: '#cf1322' };

/** The parent as the versions name it; the change itself only keeps the parent's code. Null for a province. */
function parentName(version: UnitVersion | undefined, code: string | null | undefined, t: Translate): string | null {
  if (version?.parent) return version.parent.name;
  return code ? t('territory.history.unitWithCode', { code }) : null;
}

/** "Xã Quỳnh Sơn, trực thuộc Huyện Yên Dũng"; a province has nothing above it. */
function nameWithParent(name: string, parent: string | null, t: Translate): string {
  return parent ? t('territory.history.nameWithParent', { name, parent }) : name;
}

/** One line per aspect that changed: "Đổi tên: Xã A → Phường A", "Chuyển từ Huyện Yên Dũng sang Thành phố Bắc Giang". */
function changeLines(change: UnitChange, versions: UnitVersion[], t: Translate): string[] {
  const before = describedUnit(change.details.before);
  const after = describedUnit(change.details.after);
  const startingVersion = versions.find((version) => version.validFrom === change.effectiveDate);
  const endingVersion = versions.find((version) => version.validTo === addDays(change.effectiveDate, -1));
  switch (change.kind) {
    case 'established':
      return [
        t('territory.history.establishedAs', { unit: nameWithParent(after.name ?? change.unit.name, parentName(startingVersion, after.parentCode, t), t) }),
      ];
    case 'ended':
      return [t('territory.history.endedLine', { date: formatDate(addDays(change.effectiveDate, -1)) })];
    case 'changed': {
      const aspects = Array.isArray(change.details.aspects) ? (change.details.aspects as string[]) : [];
      return aspects.map((aspect) => {
        if (aspect === 'name') return t('territory.history.renamed', { before: before.name ?? '?', after: after.name ?? '?' });
        if (aspect === 'type') return t('territory.history.retyped', { before: before.type ?? '?', after: after.type ?? '?' });
        return t('territory.history.moved', {
          before: parentName(endingVersion, before.parentCode, t) ?? '—',
          after: parentName(startingVersion, after.parentCode, t) ?? '—',
        });
      });
    }
  }
}

function changeTitle(change: UnitChange, t: Translate): string {
  if (change.kind !== 'changed') return changeKindLabel(change.kind, t);
  const aspects = Array.isArray(change.details.aspects) ? (change.details.aspects as string[]) : [];
  const titles = aspects.map((aspect) =>
    t(aspect === 'name' ? 'territory.history.aspect.name' : aspect === 'type' ? 'territory.history.aspect.type' : 'territory.history.aspect.parent'),
  );
  return titles.length > 0 ? titles.join(' · ') : changeKindLabel(change.kind, t);
}

const KIND_ORDER: Record<UnitChange['kind'], number> = { established: 0, changed: 1, ended: 2 };

function versionColumns(t: Translate, asOf: string): TableProps<UnitVersion>['columns'] {
  return [
    { key: 'period', title: t('territory.column.period'), width: 220, render: (_, version) => formatPeriod(version.validFrom, version.validTo, t) },
    { key: 'name', title: t('territory.column.name'), render: (_, version) => version.name },
    { key: 'type', title: t('territory.column.type'), width: 120, render: (_, version) => version.type },
    {
      key: 'parent',
      title: t('territory.column.parent'),
      render: (_, version) =>
        version.parent ? <Link to={unitPagePath(version.parent.id, version.validTo ?? asOf)}>{version.parent.name}</Link> : t('territory.unit.noParent'),
    },
    {
      key: 'source',
      title: t('territory.column.source'),
      width: 200,
      render: (_, version) => <Typography.Text type="secondary">{version.source}</Typography.Text>,
    },
  ];
}

export function UnitHistoryTab({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const canCorrectDates = unit.abilities.correctDates;
  const correction = useDialogState<UnitChange>();
  const changes = [...unit.changes].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const firstVersion = unit.versions[0];

  const items: TimelineItemProps[] = [];
  if (firstVersion && firstVersion.validFrom === null) {
    items.push({
      key: 'first-list',
      color: '#8c8c8c',
      content: (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('territory.history.inFirstList')}</Typography.Text>
          <Typography.Text>{nameWithParent(firstVersion.name, parentName(firstVersion, null, t), t)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('territory.history.source', { source: firstVersion.source })}
          </Typography.Text>
        </Flex>
      ),
    });
  }
  for (const change of changes) {
    const title = changeTitle(change, t);
    items.push({
      key: change.id,
      color: CHANGE_DOT_COLORS[change.kind],
      content: (
        <Flex vertical gap={4} data-testid="history-change">
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatDate(change.effectiveDate)}
            </Typography.Text>
            <Tag color={CHANGE_COLORS[change.kind]}>{title}</Tag>
            <Tag color={DATE_SOURCE_COLORS[change.dateSource]}>{dateSourceLabel(change.dateSource, t)}</Tag>
            {canCorrectDates && (
              <Button
                size="small"
                type={dateNeedsChecking(change.dateSource) ? 'primary' : 'link'}
                ghost={dateNeedsChecking(change.dateSource)}
                icon={<EditOutlined />}
                onClick={() => correction.show(change)}
              >
                {t('territory.correction.open')}
              </Button>
            )}
          </Flex>
          {changeLines(change, unit.versions, t).map((line) => (
            <Typography.Text key={line}>{line}</Typography.Text>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('territory.history.basis', { basis: change.dateBasis })}
          </Typography.Text>
          {change.corrected && change.originalDate !== change.effectiveDate && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('territory.history.originalDate', { date: formatDate(change.originalDate) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    });
  }

  const pendingTitle = correction.subject ? `${changeTitle(correction.subject, t)} — ${unit.name}` : '';

  return (
    <Flex vertical gap={24}>
      <section>
        <Typography.Title level={5}>{t('territory.history.timelineTitle')}</Typography.Title>
        {items.length === 0 ? <Empty description={t('territory.history.empty')} /> : <Timeline items={items} data-testid="unit-timeline" />}
      </section>
      <section>
        <Typography.Title level={5}>{t('territory.history.versionsTitle')}</Typography.Title>
        <Table<UnitVersion> rowKey="id" size="small" columns={versionColumns(t, unit.asOf)} dataSource={unit.versions} pagination={false} scroll={{ x: 800 }} />
      </section>
      <CorrectChangeDateModal open={correction.open} change={correction.subject} title={pendingTitle} onClose={correction.close} />
    </Flex>
  );
}
