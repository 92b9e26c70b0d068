import { Button, Table, Typography } from 'antd';
import { useLanguage, useT } from '../../app/i18n';
import { count, percent } from './compliance-labels';
import type { ComplianceSummary } from './compliance.api';

type Child = ComplianceSummary['children'][number];

/** One row per unit of the next level down on the date; its name drills down, its shortfall lists the people. */
export function ChildUnitsTable({
  summary,
  onDrill,
  onPeople,
}: {
  summary: ComplianceSummary;
  onDrill: (unitId: string) => void;
  onPeople: (unitId: string) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <Table<Child>
      rowKey={(child) => child.unit.id}
      size="small"
      dataSource={summary.children}
      pagination={summary.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="compliance-children"
      columns={[
        {
          key: 'unit',
          title: t('compliance.children.unit'),
          render: (_, child) => (
            <Typography.Link onClick={() => onDrill(child.unit.id)} data-testid="drill-unit">
              {child.unit.name}
            </Typography.Link>
          ),
        },
        { key: 'people', title: t('compliance.children.people'), align: 'right', render: (_, child) => count(child.totalPeople, language) },
        { key: 'meeting', title: t('compliance.figure.meeting'), align: 'right', render: (_, child) => count(child.meeting, language) },
        { key: 'share', title: t('compliance.children.meetingShare'), align: 'right', render: (_, child) => percent(child.meetingShare, language) },
        {
          key: 'notMeeting',
          title: t('compliance.figure.notMeeting'),
          align: 'right',
          render: (_, child) =>
            child.notMeeting > 0 ? (
              <Button type="link" size="small" danger onClick={() => onPeople(child.unit.id)}>
                {count(child.notMeeting, language)}
              </Button>
            ) : (
              0
            ),
        },
        { key: 'university', title: t('compliance.figure.university'), align: 'right', render: (_, child) => count(child.universityOrHigher, language) },
        { key: 'postgraduate', title: t('compliance.children.postgraduate'), align: 'right', render: (_, child) => count(child.postgraduate, language) },
        { key: 'advanced', title: t('compliance.figure.advancedTheory'), align: 'right', render: (_, child) => count(child.advancedPoliticalTheory, language) },
      ]}
    />
  );
}
