import { FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatCount } from '../../../core/numbers';
import { describeApiError } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT, type Language, type Translate } from '../../app/i18n';
import { useFileDownload } from '../imports/file-transfer';
import { AsOfDatePicker } from './AsOfDatePicker';
import { birthYear, formatDateOrYear, genderLabel, levelLabel, postTitle } from './cadre-format';
import { cadresPath, profilePath, useCadreListParams } from './cadre-url';
import { CadreFilters } from './CadreFilters';
import { CadreFormDrawer } from './CadreFormDrawer';
import { WorkingLifeCell } from './WorkingLife';
import { filterQuery, useCadreList, type CadreListItem } from './cadres.api';

function Missing() {
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** Distinct units of the posts held, else the unit the record belongs to. */
function unitsOf(cadre: CadreListItem) {
  const units = cadre.posts.map((post) => post.unit);
  const distinct = units.filter((unit, index) => units.findIndex((other) => other.id === unit.id) === index);
  if (distinct.length > 0) return distinct;
  return cadre.owningUnit ? [cadre.owningUnit] : [];
}

function cadreColumns(t: Translate, language: Language, asOf: string, offset: number): TableProps<CadreListItem>['columns'] {
  return [
    { key: 'index', title: t('cadres.column.index'), width: 56, align: 'right', render: (_, __, index) => offset + index + 1 },
    {
      key: 'name',
      title: t('cadres.column.name'),
      width: 200,
      render: (_, cadre) => (
        <Link to={profilePath(cadre.id, asOf)} data-testid="cadre-name-link">
          <Typography.Text strong style={{ color: 'inherit' }}>
            {cadre.fullName}
          </Typography.Text>
        </Link>
      ),
    },
    {
      key: 'birth',
      title: t('cadres.column.birthYear'),
      width: 80,
      render: (_, cadre) =>
        cadre.birthDate ? <Tooltip title={formatDateOrYear(cadre.birthDate, cadre.birthDatePrecision)}>{birthYear(cadre.birthDate)}</Tooltip> : <Missing />,
    },
    { key: 'gender', title: t('cadres.column.gender'), width: 80, render: (_, cadre) => genderLabel(cadre.gender, t) ?? <Missing /> },
    {
      key: 'posts',
      title: t('cadres.column.posts'),
      render: (_, cadre) =>
        cadre.posts.length === 0 ? (
          <Typography.Text type="secondary">{t('cadres.list.noPostOnDate')}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {cadre.posts.map((post) => (
              <span key={post.id}>
                {postTitle(post, language)}
                {post.concurrent && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    {t('cadres.post.concurrent')}
                  </Tag>
                )}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      key: 'unit',
      title: t('cadres.column.unit'),
      width: 170,
      render: (_, cadre) => (
        <Flex vertical gap={2}>
          {unitsOf(cadre).map((unit) => (
            <span key={unit.id}>{unit.name}</span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'professional',
      title: t('cadres.column.professional'),
      width: 140,
      render: (_, cadre) => levelLabel('professional', cadre.levels.professional, language) ?? <Missing />,
    },
    {
      key: 'politicalTheory',
      title: <Tooltip title={t('cadres.kind.political_theory')}>{t('cadres.column.politicalTheory')}</Tooltip>,
      width: 120,
      render: (_, cadre) => levelLabel('political_theory', cadre.levels.politicalTheory, language) ?? <Missing />,
    },
    {
      key: 'retirement',
      title: t('cadres.column.retirement'),
      width: 130,
      render: (_, cadre) => <WorkingLifeCell life={cadre.workingLife} />,
    },
  ];
}

export function CadreListPage() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.abilities.write;
  const { filter, paging, update, changePage, clear } = useCadreListParams();
  const cadres = useCadreList(filter, paging);
  const download = useFileDownload();
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);

  async function exportList() {
    setExporting(true);
    try {
      await download('/api/cadres/export.xlsx', filterQuery(filter), `danh-sach-can-bo-${filter.asOf}.xlsx`);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setExporting(false);
    }
  }

  const offset = (paging.page - 1) * paging.pageSize;
  const emptyText =
    filter.status === 'holding' ? (
      <Empty description={t('cadres.list.emptyHolding', { date: formatDate(filter.asOf) })}>
        <Button onClick={() => update({ status: 'all' })}>{t('cadres.list.showAll')}</Button>
      </Empty>
    ) : (
      <Empty description={t('common.noResults')} />
    );

  return (
    <>
      <PageHeader
        title={t('cadres.title')}
        description={t('cadres.description')}
        actions={
          <>
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="cadres-export">
              {t('cadres.export')}
            </Button>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => void navigate(cadresPath('/cadres/import', filter.asOf))} data-testid="cadres-import">
                {t('cadres.import')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cadres-create">
                {t('cadres.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <AsOfDatePicker value={filter.asOf} onChange={(asOf) => update({ asOf })} label={t('cadres.asOf.listLabel')} hint={t('cadres.asOf.listHint')} />
          {cadres.data && (
            <Typography.Text type="secondary" data-testid="cadres-total">
              {t(filter.status === 'holding' ? 'cadres.list.totalHolding' : 'cadres.list.totalAll', {
                total: formatCount(cadres.data.total),
                date: formatDate(cadres.data.asOf),
              })}
            </Typography.Text>
          )}
        </Flex>
        <CadreFilters filter={filter} onChange={update} onClear={clear} />
        {cadres.isError && <QueryErrorAlert error={cadres.error} onRetry={() => void cadres.refetch()} />}
        <Table<CadreListItem>
          rowKey="id"
          size="middle"
          columns={cadreColumns(t, language, filter.asOf, offset)}
          dataSource={cadres.data?.items}
          loading={cadres.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText }}
          data-testid="cadres-table"
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: cadres.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: changePage,
          }}
        />
      </Card>
      <CadreFormDrawer
        open={creating}
        cadre={null}
        asOf={filter.asOf}
        onClose={() => setCreating(false)}
        onSaved={(saved) => void navigate(profilePath(saved.id, filter.asOf))}
      />
    </>
  );
}
