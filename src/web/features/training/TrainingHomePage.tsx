import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { CalendarTab } from './CalendarTab';
import { ClassesTab } from './ClassesTab';
import { InstructorsTab } from './InstructorsTab';
import { ProgrammesTab } from './ProgrammesTab';
import { ResultsTab } from './ResultsTab';
import { VisitsTab } from './VisitsTab';

const TAB_PARAM = 'tab';

export function TrainingHomePage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = [
    { key: 'classes', label: t('training.tab.classes'), children: <ClassesTab /> },
    { key: 'programmes', label: t('training.tab.programmes'), children: <ProgrammesTab /> },
    { key: 'instructors', label: t('training.tab.instructors'), children: <InstructorsTab /> },
    { key: 'visits', label: t('training.tab.visits'), children: <VisitsTab /> },
    { key: 'calendar', label: t('training.tab.calendar'), children: <CalendarTab /> },
    { key: 'results', label: t('training.tab.results'), children: <ResultsTab /> },
  ];
  const requested = searchParams.get(TAB_PARAM);
  const activeTab = tabs.some((tab) => tab.key === requested) ? requested! : 'classes';

  return (
    <>
      <PageHeader title={t('training.title')} description={t('training.description')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={activeTab}
          destroyOnHidden
          onChange={(key) => setSearchParams({ [TAB_PARAM]: key }, { replace: true })}
          items={tabs}
          data-testid="training-tabs"
        />
      </Card>
    </>
  );
}
