import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useFileDownload } from '../imports/file-transfer';
import { Button, Flex, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PROBLEM_STATUS_LABELS, PROBLEM_STATUSES } from '../../../core/grassroots-problems';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate } from '../../app/format/dates';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useLanguage, useT } from '../../app/i18n';
import { type ProblemListItem, useProblems } from './grassroots.api';
import { ProblemDrawer } from './ProblemDrawer';
import { ProblemFormDrawer } from './ProblemFormDrawer';
import { useProblemDefaultYear } from './use-problem-year';

const STATUS_COLOURS: Record<string, string> = {
  registered: 'default',
  in_progress: 'processing',
  resolved: 'success',
  partly_resolved: 'gold',
  not_resolved: 'error',
  carried_over: 'purple',
};

/** Where the rates screen sends the register: a unit, a year, perhaps one field. */
export interface ProblemDrill {
  unit: { id: string; name: string };
  year: number;
  field?: { code: string; label: string };
}

/** The communes' problems of a year, still open first, those nearest their target on top. */
export function ProblemRegisterTab({ drill }: { drill?: ProblemDrill | null }) {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const defaults = useProblemDefaultYear();
  const [unit, setUnit] = useState(drill?.unit ?? { id: user.unit.id, name: user.unit.name });
  const [year, setYear] = useState<number | undefined>(drill?.year ?? defaults.year);
  const [field, setField] = useState(drill?.field);
  const [status, setStatus] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const debounced = useDebouncedValue(search, 300);
  const problems = useProblems({ unitId: unit.id, year, status, fieldCode: field?.code, q: debounced || undefined, page, pageSize: 20 });
  const [opened, setOpened] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const download = useFileDownload();
  const notifyError = useApiErrorNotice();

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap align="center">
          <div style={{ width: 280, maxWidth: '100%' }}>
            <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
          </div>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(value) => setYear(value ?? undefined)}
            prefix={t('grassroots.year')}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('grassroots.status')}
            style={{ width: 190 }}
            options={PROBLEM_STATUSES.map((value) => ({ value, label: PROBLEM_STATUS_LABELS[value][language] }))}
          />
          {field && (
            <Tag closable onClose={() => setField(undefined)} data-testid="problem-field-filter">
              {t('grassroots.field')}: {field.label}
            </Tag>
          )}
          <Input.Search
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('grassroots.search')}
            style={{ width: 240, maxWidth: '100%' }}
          />
        </Flex>
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/api/grassroots-problems.xlsx', { unitId: unit.id, year, status, fieldCode: field?.code, q: debounced || undefined }).catch(notifyError)
            }
          >
            {t('grassroots.export')}
          </Button>
          {user.abilities.write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="problem-register">
              {t('grassroots.register')}
            </Button>
          )}
        </Flex>
      </Flex>
      {problems.isError && <QueryErrorAlert error={problems.error} onRetry={() => void problems.refetch()} />}
      <Table<ProblemListItem>
        rowKey="id"
        dataSource={problems.data?.items}
        loading={problems.isFetching}
        data-testid="problems-table"
        locale={{ emptyText: t('grassroots.none') }}
        onRow={(row) => ({ onClick: () => setOpened(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: problems.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('grassroots.total', { count: total }),
          onChange: setPage,
        }}
        columns={[
          {
            key: 'title',
            title: t('grassroots.col.title'),
            render: (_, row) => (
              <Flex vertical gap={2}>
                <Typography.Link>{row.title}</Typography.Link>
                <Typography.Text type="secondary">
                  {row.field.label} · {row.commune.name}
                  {row.carriedFrom && ` · ${t('grassroots.carriedFrom', { year: row.carriedFrom.year })}`}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'lead', title: t('grassroots.col.lead'), width: 170, responsive: ['lg'], render: (_, row) => row.lead.name },
          {
            key: 'target',
            title: t('grassroots.col.target'),
            width: 120,
            render: (_, row) => (
              <Flex vertical>
                <span>{formatDate(row.targetOn)}</span>
                {row.late && <Typography.Text type="danger">{t('grassroots.late')}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('grassroots.status'),
            width: 160,
            render: (_, row) => <Tag color={STATUS_COLOURS[row.status.code]}>{row.status.label}</Tag>,
          },
        ]}
      />
      {opened && <ProblemDrawer id={opened} onOpen={setOpened} onClose={() => setOpened(null)} />}
      {registering && (
        <ProblemFormDrawer
          problem={null}
          defaultCommune={user.unit.level === 'commune' ? { id: user.unit.id, name: user.unit.name } : undefined}
          onClose={() => setRegistering(false)}
        />
      )}
    </Flex>
  );
}
