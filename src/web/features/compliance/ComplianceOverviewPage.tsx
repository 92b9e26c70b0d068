import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/session';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitDateScopeToolbar, UnitTrail } from '../../app/components/UnitDateScopeToolbar';
import { UnitPicker } from '../../app/components/UnitPicker';
import { todayInVietnam } from '../../app/format/dates';
import { useUnitScopeParams } from '../../app/hooks/useUnitScopeParams';
import { useLanguage, useT } from '../../app/i18n';
import { ChildUnitsTable } from './ChildUnitsTable';
import { count, percent } from './compliance-labels';
import { useComplianceSummary, type ComplianceStatus } from './compliance.api';
import { LevelCharts, MeetingByUnitChart } from './ComplianceCharts';
import { PeopleTable } from './PeopleTable';

interface Crumb {
  id: string;
  name: string;
}

export function ComplianceOverviewPage() {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const [params, update] = useUnitScopeParams<ComplianceStatus>(user.unit.id, todayInVietnam());
  const summary = useComplianceSummary({ unitId: params.unitId, asOf: params.asOf, keyOnly: params.keyOnly });
  const data = summary.data;
  // The units drilled through, to climb back up; rebuilt from the first unit shown.
  const [trail, setTrail] = useState<Crumb[]>([]);
  useEffect(() => {
    if (!data || data.unit.id !== params.unitId) return;
    setTrail((previous) => {
      const at = previous.findIndex((crumb) => crumb.id === data.unit.id);
      return at >= 0 ? previous.slice(0, at + 1) : [...previous, { id: data.unit.id, name: data.unit.name }];
    });
  }, [data, params.unitId]);

  const drillTo = (unitId: string) => update({ unitId, page: 1, status: undefined });

  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        description={t('compliance.description')}
        actions={
          <Link to="/compliance/standards">
            <Button icon={<SafetyCertificateOutlined />} data-testid="compliance-standards-link">
              {t('compliance.standards.open')}
            </Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <UnitDateScopeToolbar
          unit={
            <div style={{ minWidth: 300, flex: 1 }}>
              <UnitPicker
                // Remounted once the unit's name is known, so that it shows the name rather than the id.
                key={data?.unit.id ?? 'loading'}
                value={params.unitId}
                initialUnit={data ? { id: data.unit.id, name: data.unit.name } : { id: user.unit.id, name: user.unit.name }}
                asOf={params.asOf}
                allowClear={false}
                onChange={(unitId) => {
                  if (!unitId) return;
                  setTrail([]);
                  drillTo(unitId);
                }}
              />
            </div>
          }
          asOf={params.asOf}
          asOfLabel={t('compliance.asOf')}
          asOfTestId="compliance-as-of"
          onAsOfChange={(asOf) => update({ asOf, page: 1 })}
          keyOnly={params.keyOnly}
          keyOnlyLabel={t('compliance.keyOnly')}
          onKeyOnlyChange={(keyOnly) => update({ keyOnly, page: 1 })}
        />
        {trail.length > 1 && <UnitTrail crumbs={trail} onDrill={drillTo} style={{ marginTop: 12 }} />}
      </Card>

      {summary.isError && <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {data && (
        <>
          <Alert
            type="info"
            showIcon
            title={<span data-testid="compliance-sentence">{language === 'vi' ? data.sentence : data.sentenceEn}</span>}
            description={t('compliance.sentenceOf', { unit: data.unit.name })}
            style={{ marginBottom: 16 }}
          />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="compliance-figures">
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic title={t(params.keyOnly ? 'compliance.figure.keyPeople' : 'compliance.figure.people')} value={count(data.totalPeople, language)} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Card>
                <Statistic
                  title={t('compliance.figure.meeting')}
                  value={count(data.meeting, language)}
                  suffix={<Typography.Text type="secondary">({percent(data.meetingShare, language)})</Typography.Text>}
                  valueStyle={{ color: '#237804' }}
                />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Card>
                <Statistic
                  title={t('compliance.figure.notMeeting')}
                  value={count(data.notMeeting, language)}
                  valueStyle={{ color: data.notMeeting ? '#cf1322' : undefined }}
                />
                {data.withoutStandard > 0 && (
                  <Typography.Text type="secondary">{t('compliance.figure.withoutStandard', { count: count(data.withoutStandard, language) })}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Card>
                <Statistic title={t('compliance.figure.university')} value={count(data.universityOrHigher, language)} />
                <Typography.Text type="secondary">{t('compliance.figure.postgraduate', { count: count(data.postgraduate, language) })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8} xl={5}>
              <Card>
                <Statistic title={t('compliance.figure.advancedTheory')} value={count(data.advancedPoliticalTheory, language)} />
              </Card>
            </Col>
          </Row>
          <LevelCharts summary={data} />
          {data.children.length > 0 && (
            <Card title={t('compliance.children.title')} style={{ marginBottom: 16 }}>
              <MeetingByUnitChart summary={data} onPick={drillTo} />
              <ChildUnitsTable summary={data} onDrill={drillTo} onPeople={(unitId) => update({ unitId, status: 'does_not_meet', page: 1 })} />
            </Card>
          )}
          <PeopleTable
            params={{ unitId: params.unitId, asOf: params.asOf, keyOnly: params.keyOnly, status: params.status, page: params.page, pageSize: 20 }}
            onStatus={(status) => update({ status, page: 1 })}
            onPage={(page) => update({ page })}
          />
        </>
      )}
    </>
  );
}
