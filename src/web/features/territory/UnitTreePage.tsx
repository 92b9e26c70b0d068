import { AimOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { formatCount } from '../../../core/numbers';
import { useCurrentUser } from '../../app/auth/session';
import { PageHeader } from '../../app/components/PageHeader';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { AsOfPicker } from './AsOfPicker';
import { useAsOf } from './territory-dates';
import { useUnitChildren, useUnitCounts } from './territory.api';
import { UnitSummaryCard } from './UnitSummaryCard';
import { UnitTree } from './UnitTree';

const SELECTED_PARAM = 'unit';
const COUNTED_LEVELS = ['province', 'district', 'commune'] as const;

/** "Ngày 01/06/2023, cả nước có 63 đơn vị cấp tỉnh · 705 đơn vị cấp huyện · 10.598 đơn vị cấp xã." */
function CountryTotals({ asOf }: { asOf: string }) {
  const t = useT();
  const provinces = useUnitChildren(null, asOf);
  const countryId = provinces.data?.items[0]?.parentId ?? null;
  const counts = useUnitCounts(countryId, asOf);
  if (!counts.data) return <Skeleton.Input active size="small" style={{ width: 360 }} />;
  const totals = COUNTED_LEVELS.filter((level) => counts.data.descendants.byLevel[level] > 0).map((level) =>
    t(`territory.count.${level}`, { count: formatCount(counts.data.descendants.byLevel[level]) }),
  );
  return (
    <Typography.Text type="secondary" data-testid="country-totals">
      {t('territory.tree.countryTotals', { date: formatDate(asOf), totals: totals.join(' · ') })}
    </Typography.Text>
  );
}

export function UnitTreePage() {
  const t = useT();
  const [asOf, setAsOf] = useAsOf();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get(SELECTED_PARAM);
  const user = useCurrentUser();

  function select(unitId: string) {
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      params.set(SELECTED_PARAM, unitId);
      return params;
    });
  }

  return (
    <>
      <PageHeader
        title={t('territory.title')}
        description={t('territory.description')}
        actions={
          // Whoever works for one province, district or commune starts from it.
          user.unit.level !== 'country' && (
            <Button icon={<AimOutlined />} onClick={() => select(user.unit.id)}>
              {t('territory.myUnit', { name: user.unit.name })}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <AsOfPicker value={asOf} onChange={setAsOf} />
          <Flex align="center" gap={16} wrap>
            <div style={{ flex: '0 1 520px', minWidth: 280 }} data-testid="unit-search">
              <UnitPicker
                // A new day searches among that day's units, from an empty box.
                key={asOf}
                asOf={asOf}
                placeholder={t('territory.search.placeholder')}
                onChange={(unitId) => unitId && select(unitId)}
              />
            </div>
            <CountryTotals asOf={asOf} />
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={14}>
          <Card title={t('territory.tree.title', { date: formatDate(asOf) })} styles={{ body: { paddingInline: 12 } }}>
            <UnitTree key={asOf} asOf={asOf} selectedId={selectedId} onSelect={select} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <UnitSummaryCard unitId={selectedId} asOf={asOf} />
        </Col>
      </Row>
    </>
  );
}
