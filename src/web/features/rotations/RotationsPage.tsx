import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { RotationRegisterTab } from './RotationRegisterTab';
import { WeakCommunesTab } from './WeakCommunesTab';
import { OutcomesTab } from './OutcomesTab';
import { SuccessionTab } from '../succession/SuccessionTab';
import { EvaluationSummaryTab } from '../evaluations/EvaluationSummaryTab';

export function RotationsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = [
    { key: 'register', label: t('rotations.tab.register'), children: <RotationRegisterTab /> },
    { key: 'weak', label: t('rotations.tab.weak'), children: <WeakCommunesTab /> },
    { key: 'outcomes', label: t('rotations.tab.outcomes'), children: <OutcomesTab /> },
    { key: 'plans', label: t('succession.tab'), children: <SuccessionTab /> },
    { key: 'evaluations', label: t('evaluations.summary.tab'), children: <EvaluationSummaryTab /> },
  ];
  const requested = searchParams.get('tab');
  const activeTab = tabs.some((tab) => tab.key === requested) ? requested! : 'register';
  return (
    <>
      <PageHeader title={t('rotations.title')} description={t('rotations.description')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={activeTab}
          destroyOnHidden
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          items={tabs}
          data-testid="rotations-tabs"
        />
      </Card>
    </>
  );
}
