import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { ProblemRegisterTab } from './ProblemRegisterTab';
import { ResolutionRatesTab } from './ResolutionRatesTab';
import { BriefingsTab } from './BriefingsTab';
import { CellAttendanceTab } from '../party-cells/CellAttendanceTab';

export function GrassrootsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = [
    { key: 'register', label: t('grassroots.tab.register'), children: <ProblemRegisterTab /> },
    { key: 'rates', label: t('grassroots.tab.rates'), children: <ResolutionRatesTab /> },
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
