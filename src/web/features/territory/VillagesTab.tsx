import { App, Empty, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { actionsColumn, CommuneTabError, EndRecordModal, PeriodListToolbar, RowActions, type EndableRecord } from './commune-tab-parts';
import { CsvImportModal } from './CsvImportModal';
import { formatPeriod } from './territory-dates';
import { villageKindLabel } from './territory-labels';
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
    {
      key: 'kind',
      title: t('territory.village.kind'),
      width: 130,
      render: (_, village) => <Tag color={village.kind === 'thon' ? 'green' : 'blue'}>{villageKindLabel(village.kind, t)}</Tag>,
    },
    { key: 'period', title: t('territory.column.period'), width: 220, render: (_, village) => formatPeriod(village.validFrom, village.validTo, t) },
    { key: 'cells', title: t('territory.village.cells'), width: 110, align: 'right', render: (_, village) => village.partyCellCount || '—' },
    ...actionsColumn(t, 250, actions),
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
  return ['Mã xã,Loại,Tên,Từ ngày,Đến ngày,Ghi chú', `${commune.code},Thôn,Thôn Đông,,,`, `${commune.code},Tổ dân phố,Tổ dân phố số 1,01/07/2025,,`].join(
    '\r\n',
  );
}

export function VillagesTab({ commune, asOf }: { commune: UnitDetail; asOf: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  // A commune that did not exist on the chosen day has nothing on it; its whole history is what is wanted then.
  const [allPeriods, setAllPeriods] = useState(!commune.validOnDate);
  const villages = useVillages(commune.id, allPeriods ? null : asOf);
  const canEdit = commune.abilities.editCommuneRecords && !villages.isError;
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
        <RowActions
          onEdit={() => editor.show(village)}
          onEnd={village.validTo === null ? () => ending.show(village) : undefined}
          onDelete={() => remove(village)}
          deleteTitle={t('territory.village.deleteConfirm', { name: village.name })}
          deleteDescription={t('territory.delete.onlyMistakes')}
        />
      )
    : null;

  if (villages.isError) return <CommuneTabError error={villages.error} onRetry={() => void villages.refetch()} />;

  return (
    <Flex vertical gap={16} data-testid="villages-tab">
      <PeriodListToolbar
        asOf={asOf}
        allPeriods={allPeriods}
        onAllPeriodsChange={setAllPeriods}
        canEdit={canEdit}
        createLabel={t('territory.village.create')}
        onCreate={() => editor.show(null)}
        onImport={() => setImportOpen(true)}
        createTestId="add-village"
      />
      <Table<Village>
        rowKey="id"
        size="middle"
        columns={villageColumns(t, actions)}
        dataSource={villages.data?.items}
        loading={villages.isFetching}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total }) }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(allPeriods ? 'territory.village.emptyAll' : 'territory.village.empty')} />,
        }}
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
