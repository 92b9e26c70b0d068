import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { CommuneTabError, EndRecordModal, type EndableRecord } from './commune-tab-parts';
import { CsvImportModal } from './CsvImportModal';
import { formatPeriod } from './territory-dates';
import { villageKindLabel } from './territory-labels';
import { useTerritoryPermissions } from './territory-permissions';
import type { UnitDetail } from './territory.api';
import { useDeleteVillage, useImportVillages, useUpdateVillage, useVillages, type Village, type VillageImportResult } from './villages.api';
import { VillageFormDrawer } from './VillageFormDrawer';

type VillageImportItem = VillageImportResult['items'][number];

function villageColumns(t: Translate, actions: ((village: Village) => ReactNode) | null): TableProps<Village>['columns'] {
  return [
    {
      key: 'name',
      title: t('territory.column.name'),
      render: (_, village) => (
        <Flex vertical>
          <Typography.Text strong>{village.name}</Typography.Text>
          {village.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {village.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'kind', title: t('territory.village.kind'), width: 130, render: (_, village) => <Tag color={village.kind === 'thon' ? 'green' : 'blue'}>{villageKindLabel(village.kind, t)}</Tag> },
    { key: 'period', title: t('territory.column.period'), width: 220, render: (_, village) => formatPeriod(village.validFrom, village.validTo, t) },
    { key: 'cells', title: t('territory.village.cells'), width: 110, align: 'right', render: (_, village) => village.partyCellCount || '—' },
    ...(actions ? [{ key: 'actions', title: t('common.actions'), width: 250, render: (_: unknown, village: Village) => actions(village) }] : []),
  ];
}

function importPreviewColumns(t: Translate): TableProps<VillageImportItem>['columns'] {
  return [
    { key: 'line', title: t('territory.import.line'), width: 70, render: (_, item) => item.line },
    { key: 'commune', title: t('territory.import.commune'), render: (_, item) => `${item.communeName} (${item.communeCode})` },
    { key: 'kind', title: t('territory.village.kind'), width: 120, render: (_, item) => villageKindLabel(item.kind, t) },
    { key: 'name', title: t('territory.column.name'), render: (_, item) => item.name },
    { key: 'period', title: t('territory.column.period'), width: 200, render: (_, item) => formatPeriod(item.validFrom, item.validTo, t) },
  ];
}

function villageTemplate(commune: UnitDetail): string {
  return ['Mã xã,Loại,Tên,Từ ngày,Đến ngày,Ghi chú', `${commune.code},Thôn,Thôn Đông,,,`, `${commune.code},Tổ dân phố,Tổ dân phố số 1,01/07/2025,,`].join('\r\n');
}

export function VillagesTab({ commune, asOf }: { commune: UnitDetail; asOf: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  // A commune that did not exist on the chosen day has nothing on it; its whole history is what is wanted then.
  const [allPeriods, setAllPeriods] = useState(!commune.validOnDate);
  const villages = useVillages(commune.id, allPeriods ? null : asOf);
  const { canEditCommuneRecords } = useTerritoryPermissions();
  const canEdit = canEditCommuneRecords(commune.id) && !villages.isError;
  const editor = useDialogState<Village>();
  const ending = useDialogState<EndableRecord>();
  const [importOpen, setImportOpen] = useState(false);
  const updateVillage = useUpdateVillage();
  const deleteVillage = useDeleteVillage();
  const importVillages = useImportVillages();

  function remove(village: Village) {
    deleteVillage.mutate(village.id, { onSuccess: () => void message.success(t('territory.village.deleted', { name: village.name })), onError: notifyError });
  }

  const actions = canEdit
    ? (village: Village) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => editor.show(village)}>
            {t('common.edit')}
          </Button>
          {village.validTo === null && (
            <Button type="link" size="small" icon={<StopOutlined />} onClick={() => ending.show(village)}>
              {t('territory.end.action')}
            </Button>
          )}
          <Popconfirm
            title={t('territory.village.deleteConfirm', { name: village.name })}
            description={t('territory.delete.onlyMistakes')}
            okText={t('territory.delete.action')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(village)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              {t('territory.delete.action')}
            </Button>
          </Popconfirm>
        </Space>
      )
    : null;

  if (villages.isError) return <CommuneTabError error={villages.error} onRetry={() => void villages.refetch()} />;

  return (
    <Flex vertical gap={16} data-testid="villages-tab">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Segmented
          value={allPeriods ? 'all' : 'asOf'}
          onChange={(value) => setAllPeriods(value === 'all')}
          options={[
            { value: 'asOf', label: t('territory.list.asOf', { date: formatDate(asOf) }) },
            { value: 'all', label: t('territory.list.allPeriods') },
          ]}
        />
        {canEdit && (
          <Flex gap={8} wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('territory.import.open')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(null)} data-testid="add-village">
              {t('territory.village.create')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Table<Village>
        rowKey="id"
        size="middle"
        columns={villageColumns(t, actions)}
        dataSource={villages.data?.items}
        loading={villages.isFetching}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(allPeriods ? 'territory.village.emptyAll' : 'territory.village.empty')} /> }}
        scroll={{ x: 900 }}
        data-testid="villages-table"
      />
      <VillageFormDrawer open={editor.open} commune={commune} village={editor.subject} onClose={editor.close} />
      <EndRecordModal
        open={ending.open}
        record={ending.subject}
        end={(id, validTo) => updateVillage.mutateAsync({ id, changes: { validTo } })}
        onClose={ending.close}
      />
      <CsvImportModal<VillageImportItem>
        open={importOpen}
        onClose={() => setImportOpen(false)}
        title={t('territory.village.importTitle')}
        columnsHint={t('territory.village.importColumns')}
        template={{ fileName: `thon-to-dan-pho-${commune.code}.csv`, text: villageTemplate(commune) }}
        previewColumns={importPreviewColumns(t)}
        run={(file, dryRun) => importVillages.mutateAsync({ file, dryRun })}
        itemKey={(item) => item.line}
      />
    </Flex>
  );
}
