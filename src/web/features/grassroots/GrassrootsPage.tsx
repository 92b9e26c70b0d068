import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { useState } from 'react';
import { type ProblemDrill, ProblemRegisterTab } from './ProblemRegisterTab';
import { ResolutionRatesTab } from './ResolutionRatesTab';
import { BriefingsTab } from './BriefingsTab';
import { CellAttendanceTab } from '../party-cells/CellAttendanceTab';

export function GrassrootsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  // A row of the rates opens the register on those problems.
  const [drill, setDrill] = useState<ProblemDrill | null>(null);
  const tabs = [
    { key: 'register', label: t('grassroots.tab.register'), children: <ProblemRegisterTab drill={drill} /> },
    {
      key: 'rates',
      label: t('grassroots.tab.rates'),
      children: (
        <ResolutionRatesTab
          onDrill={(next) => {
            setDrill(next);
            setSearchParams({ tab: 'register' }, { replace: true });
          }}
        />
      ),
    },
    { key: 'briefings', label: t('grassroots.tab.briefings'), children: <BriefingsTab /> },
    { key: 'cells', label: t('cells.tab'), children: <CellAttendanceTab /> },
  ];
  const requested = searchParams.get('tab');
  const activeTab = tabs.some((tab) => tab.key === requested) ? requested! : 'register';
  return (
    <>
      <PageHeader title={t('grassroots.title')} description={t('grassroots.description')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={activeTab}
          destroyOnHidden
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          items={tabs}
          data-testid="grassroots-tabs"
        />
      </Card>
    </>
  );
}
