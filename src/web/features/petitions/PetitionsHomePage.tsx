import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { DialoguesTab } from './DialoguesTab';
import { InboxTab } from './InboxTab';
import { LegalCalendarTab } from './LegalCalendarTab';
import { ReceptionTab } from './ReceptionTab';
import { ReportTab } from './ReportTab';

const TAB_PARAM = 'tab';

export function PetitionsHomePage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = [
    { key: 'inbox', label: t('petitions.tab.inbox'), children: <InboxTab /> },
    { key: 'reception', label: t('petitions.tab.reception'), children: <ReceptionTab /> },
    { key: 'dialogues', label: t('petitions.tab.dialogues'), children: <DialoguesTab /> },
    { key: 'report', label: t('petitions.tab.report'), children: <ReportTab /> },
    { key: 'calendar', label: t('petitions.tab.calendar'), children: <LegalCalendarTab /> },
  ];
  const requested = searchParams.get(TAB_PARAM);
  const activeTab = tabs.some((tab) => tab.key === requested) ? requested! : 'inbox';
  return (
    <>
      <PageHeader title={t('petitions.title')} description={t('petitions.description')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={activeTab}
          destroyOnHidden
          onChange={(key) => setSearchParams({ [TAB_PARAM]: key }, { replace: true })}
          items={tabs}
          data-testid="petitions-tabs"
        />
      </Card>
    </>
  );
}
