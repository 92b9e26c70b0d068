import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeApiError } from '../../app/api/api-errors';
import { useServerMeta } from '../../app/api/meta';
import { roleLabelKey } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/session';
import { FullPageSpinner } from '../../app/components/FullPageSpinner';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitDateScopeToolbar, UnitTrail } from '../../app/components/UnitDateScopeToolbar';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useUnitScopeParams } from '../../app/hooks/useUnitScopeParams';
import { useAvailableModules } from '../../app/modules-context';
import { BRAND_RED } from '../../app/theme';
import { ChildUnitsTable } from '../compliance/ChildUnitsTable';
import { useComplianceSummary, type ComplianceStatus } from '../compliance/compliance.api';
import { PeopleTable } from '../compliance/PeopleTable';
import { useFileDownload } from '../imports/file-transfer';
import { useUnitTrail, type UnitOnDate } from './dashboard.api';
import { LevelDistributionCharts, MeetingShareChart } from './DashboardCharts';
import { DashboardFigures } from './DashboardFigures';

const PEOPLE_PAGE_SIZE = 20;

/** The date opened on is written into the address at once, so a link copied from it keeps showing that day. */
function useDashboardParams(defaultUnitId: string, defaultAsOf: string) {
  const [searchParams] = useSearchParams();
  const [params, update] = useUnitScopeParams<ComplianceStatus>(defaultUnitId, defaultAsOf);
  const dateMissing = !searchParams.has('asOf');
  useEffect(() => {
    if (dateMissing) update({}, { replace: true });
  });
  return [params, update] as const;
}

/** Other modules, kept small below the figures for navigation. */
function ModuleLinks() {
  const t = useT();
  // Every module but this page itself, which is the one at the root.
  const modules = useAvailableModules().filter((appModule) => appModule.path !== '/');
  return (
    <Card size="small" title={t('dashboard.modules')}>
      <Flex gap={8} wrap>
        {modules.map((appModule) => (
          <Tooltip key={appModule.key} title={t(appModule.descriptionKey)}>
            <Link to={appModule.path}>
              <Button icon={<span style={{ color: BRAND_RED }}>{appModule.icon}</span>}>{t(appModule.labelKey)}</Button>
            </Link>
          </Tooltip>
        ))}
      </Flex>
    </Card>
  );
}

/** Said instead of a page of zeros when the unit was not in the administrative list on the date. */
function UnitMissingAlert({ unit, asOf, onDate }: { unit: UnitOnDate; asOf: string; onDate: (date: string) => void }) {
  const t = useT();
  const notYet = unit.validFrom !== null && asOf < unit.validFrom;
  const goTo = notYet ? unit.validFrom : unit.validTo;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="dashboard-unit-missing"
      title={t(notYet ? 'dashboard.unitMissing.notYet' : 'dashboard.unitMissing.ended', { unit: unit.name, date: formatDate(asOf) })}
      description={
        notYet
          ? t('dashboard.unitMissing.notYetDetail', { from: formatDate(unit.validFrom!) })
          : t('dashboard.unitMissing.endedDetail', { to: unit.validTo ? formatDate(unit.validTo) : '—' })
      }
      action={goTo && <Button onClick={() => onDate(goTo)}>{t('dashboard.unitMissing.goTo', { date: formatDate(goTo) })}</Button>}
    />
  );
}

function Dashboard({ defaultAsOf, demoAsOf }: { defaultAsOf: string; demoAsOf: string | null }) {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [params, update] = useDashboardParams(user.unit.id, defaultAsOf);
  const download = useFileDownload();
  const [exporting, setExporting] = useState(false);

  // The country has no unit page: a national user's own trail starts below it.
  const atCountry = user.unit.level === 'country' && params.unitId === user.unit.id;
  const trail = useUnitTrail(params.unitId, user.unit.id, params.asOf, !atCountry);
  const shown = trail.data?.at(-1);
  const missing = shown !== undefined && !shown.validOnDate;
  const summary = useComplianceSummary({ unitId: params.unitId, asOf: params.asOf, keyOnly: params.keyOnly });
  const data = summary.data;
  const ready = atCountry || trail.isSuccess;

  const crumbs = trail.data && trail.data[0]?.id !== user.unit.id ? [{ id: user.unit.id, name: user.unit.name }, ...trail.data] : (trail.data ?? []);
  const drillTo = (unitId: string, status?: ComplianceStatus) => update({ unitId, status, page: 1 });
  const showPeople = data !== undefined && (data.unit.level === 'commune' || params.status !== undefined);

  async function exportWorkbook() {
    setExporting(true);
    try {
      await download('/api/dashboard/export.xlsx', { unitId: params.unitId, asOf: params.asOf, keyOnly: params.keyOnly }, `tong-quan-${params.asOf}.xlsx`);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.greeting', { name: user.fullName, role: t(roleLabelKey(user.role)), unit: user.unit.name })}
        actions={
          <Tooltip title={t('dashboard.exportHint')}>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              loading={exporting}
              disabled={missing || !data}
              onClick={() => void exportWorkbook()}
              data-testid="dashboard-export"
            >
              {t('dashboard.export')}
            </Button>
          </Tooltip>
        }
      />

      {demoAsOf && (
        <Alert
          type="info"
          showIcon
          data-testid="dashboard-demo-note"
          title={
            <>
              <Typography.Text strong>{t('dashboard.demoNote', { date: formatDate(demoAsOf) })}</Typography.Text>
              <Typography.Text type="secondary"> — {t('dashboard.demoNote.description')}</Typography.Text>
            </>
          }
          action={
            params.asOf !== demoAsOf && (
              <Button size="small" onClick={() => update({ asOf: demoAsOf, page: 1 })}>
                {t('dashboard.demoNote.back', { date: formatDate(demoAsOf) })}
              </Button>
            )
          }
        />
      )}

      <Card styles={{ body: { padding: '12px 20px' } }}>
        <UnitDateScopeToolbar
          unit={
            <Flex align="center" gap={8} style={{ minWidth: 320, flex: 1 }}>
              <Typography.Text strong>{t('dashboard.unit')}</Typography.Text>
              <div style={{ flex: 1 }} data-testid="dashboard-unit">
                <UnitPicker
                  // Remounted once the unit's name is known, so that it shows the name rather than the id.
                  key={`${shown?.id ?? data?.unit.id ?? 'loading'}-${params.asOf}`}
                  value={params.unitId}
                  initialUnit={shown ?? data?.unit ?? user.unit}
                  asOf={params.asOf}
                  scope="mine"
                  allowClear={false}
                  onChange={(unitId) => unitId && drillTo(unitId)}
                />
              </div>
            </Flex>
          }
          asOf={params.asOf}
          asOfLabel={t('dashboard.asOf')}
          asOfTestId="dashboard-as-of"
          onAsOfChange={(asOf) => update({ asOf, page: 1 })}
          keyOnly={params.keyOnly}
          keyOnlyLabel={t('dashboard.keyOnly')}
          onKeyOnlyChange={(keyOnly) => update({ keyOnly, page: 1 })}
        />
        {crumbs.length > 1 && (
          <UnitTrail
            crumbs={crumbs}
            onDrill={drillTo}
            hrefOf={(unitId) => `?unitId=${unitId}&asOf=${params.asOf}`}
            style={{ marginTop: 10 }}
            testId="dashboard-breadcrumb"
          />
        )}
      </Card>

      {trail.isError && <QueryErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />}
      {summary.isError && !missing && <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {missing && <UnitMissingAlert unit={shown} asOf={params.asOf} onDate={(asOf) => update({ asOf, page: 1 })} />}
      {!missing && (!ready || !data) && !summary.isError && <Skeleton active paragraph={{ rows: 8 }} />}

      {!missing && ready && data && (
        <>
          <DashboardFigures summary={data} />
          <LevelDistributionCharts summary={data} />
          {data.children.length > 0 && (
            <Card
              title={t('dashboard.children.title')}
              extra={<Typography.Text type="secondary">{t('dashboard.children.hint')}</Typography.Text>}
              data-testid="dashboard-children"
            >
              <Typography.Text strong>{t('dashboard.children.chart')}</Typography.Text>
              <MeetingShareChart summary={data} onPick={drillTo} />
              <ChildUnitsTable summary={data} onDrill={drillTo} onPeople={(unitId) => drillTo(unitId, 'does_not_meet')} />
            </Card>
          )}
          {showPeople && (
            <div data-testid="dashboard-people">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('dashboard.people.hint')}
              </Typography.Paragraph>
              <PeopleTable
                params={{
                  unitId: params.unitId,
                  asOf: params.asOf,
                  keyOnly: params.keyOnly,
                  status: params.status,
                  page: params.page,
                  pageSize: PEOPLE_PAGE_SIZE,
                }}
                onStatus={(status) => update({ status, page: 1 })}
                onPage={(page) => update({ page })}
              />
            </div>
          )}
        </>
      )}

      <ModuleLinks />
    </Flex>
  );
}

/**
 * The home page is the overview of the user's own unit. While the demo is
 * loaded it opens on the demo's date: today the demo province may no longer
 * exist (the 2025 mergers), and its figures are those of that day.
 */
export function HomePage() {
  const meta = useServerMeta();
  if (meta.isPending) return <FullPageSpinner />;
  const demoAsOf = meta.data?.demo ? meta.data.demoAsOf : null;
  return <Dashboard defaultAsOf={demoAsOf ?? todayInVietnam()} demoAsOf={demoAsOf} />;
}
