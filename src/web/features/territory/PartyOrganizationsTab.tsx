import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { actionsColumn, CommuneTabError, EndRecordModal, PeriodListToolbar, RowActions, type EndableRecord } from './commune-tab-parts';
import { CsvImportModal } from './CsvImportModal';
import { PartyOrganizationFormDrawer, type OrganizationEditing } from './PartyOrganizationFormDrawer';
import { formatPeriod } from './territory-dates';
import { organizationKindLabel } from './territory-labels';
import type { UnitDetail } from './territory.api';
import {
  useDeleteOrganization,
  useImportOrganizations,
  useOrganizations,
  useUpdateOrganization,
  type OrganizationImportResult,
  type PartyOrganization,
  type PartyOrganizationKind,
} from './villages.api';

type OrganizationRow = PartyOrganization & { children?: OrganizationRow[] };
type OrganizationImportItem = OrganizationImportResult['items'][number];

const KIND_COLORS: Record<PartyOrganizationKind, string> = { dang_bo_co_so: 'red', chi_bo_co_so: 'volcano', chi_bo: 'gold' };

/** Cells under their đảng bộ; a cell whose đảng bộ is not in the list (another period) stays at the top. */
function toRows(organizations: PartyOrganization[]): OrganizationRow[] {
  const ids = new Set(organizations.map((organization) => organization.id));
  const cellsOf = new Map<string, OrganizationRow[]>();
  for (const organization of organizations) {
    if (organization.parent && ids.has(organization.parent.id)) {
      cellsOf.set(organization.parent.id, [...(cellsOf.get(organization.parent.id) ?? []), organization]);
    }
  }
  return organizations
    .filter((organization) => !organization.parent || !ids.has(organization.parent.id))
    .map((organization) => {
      const cells = cellsOf.get(organization.id);
      return cells ? { ...organization, children: cells } : organization;
    });
}

function organizationColumns(t: Translate, actions: ((organization: OrganizationRow) => ReactNode) | null): TableProps<OrganizationRow>['columns'] {
  return [
    {
      key: 'name',
      title: t('territory.column.name'),
      render: (_, organization) => (
        <Flex vertical>
          <Typography.Text strong={organization.kind !== 'chi_bo'}>{organization.name}</Typography.Text>
          {organization.children && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('territory.party.cellCount', { count: organization.children.length })}
            </Typography.Text>
          )}
          {organization.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {organization.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('territory.party.kind'),
      width: 150,
      render: (_, organization) => <Tag color={KIND_COLORS[organization.kind]}>{organizationKindLabel(organization.kind, t)}</Tag>,
    },
    { key: 'village', title: t('territory.party.village'), width: 170, render: (_, organization) => organization.village?.name ?? '' },
    {
      key: 'period',
      title: t('territory.column.period'),
      width: 190,
      render: (_, organization) => formatPeriod(organization.validFrom, organization.validTo, t),
    },
    ...actionsColumn(t, 310, actions),
  ];
}

function importPreviewColumns(t: Translate): TableProps<OrganizationImportItem>['columns'] {
  return [
    { key: 'line', title: t('territory.import.line'), width: 70, render: (_, item) => item.line },
    { key: 'commune', title: t('territory.import.commune'), render: (_, item) => `${item.communeName} (${item.communeCode})` },
    { key: 'kind', title: t('territory.party.kind'), width: 140, render: (_, item) => organizationKindLabel(item.kind, t) },
    { key: 'name', title: t('territory.column.name'), render: (_, item) => item.name },
    { key: 'parent', title: t('territory.party.parent'), render: (_, item) => item.parentName ?? '' },
  ];
}

function organizationTemplate(commune: UnitDetail): string {
  return [
    'Mã xã,Loại,Tên,Trực thuộc,Thôn/Tổ dân phố,Từ ngày,Đến ngày,Ghi chú',
    `${commune.code},Đảng bộ cơ sở,Đảng bộ ${commune.name},,,,,`,
    `${commune.code},Chi bộ,Chi bộ Thôn Đông,Đảng bộ ${commune.name},Thôn Đông,,,`,
  ].join('\r\n');
}

export function PartyOrganizationsTab({ commune, asOf }: { commune: UnitDetail; asOf: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  // A commune that did not exist on the chosen day has nothing on it; its whole history is what is wanted then.
  const [allPeriods, setAllPeriods] = useState(!commune.validOnDate);
  const organizations = useOrganizations(commune.id, allPeriods ? null : asOf);
  const canEdit = commune.abilities.editCommuneRecords && !organizations.isError;
  const editor = useDialogState<OrganizationEditing>();
  const ending = useDialogState<EndableRecord>();
  const [importOpen, setImportOpen] = useState(false);
  const updateOrganization = useUpdateOrganization();
  const deleteOrganization = useDeleteOrganization();
  const importOrganizations = useImportOrganizations();

  function remove(organization: PartyOrganization) {
    deleteOrganization.mutate(organization.id, {
      onSuccess: () => void message.success(t('territory.party.deleted', { name: organization.name })),
      onError: notifyError,
    });
  }

  const actions = canEdit
    ? (organization: OrganizationRow) => (
        <RowActions
          extra={
            organization.kind === 'dang_bo_co_so' && (
              <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => editor.show({ organization: null, parentId: organization.id })}>
                {t('territory.party.addCell')}
              </Button>
            )
          }
          onEdit={() => editor.show({ organization })}
          onEnd={organization.validTo === null ? () => ending.show(organization) : undefined}
          onDelete={() => remove(organization)}
          deleteTitle={t('territory.party.deleteConfirm', { name: organization.name })}
          deleteDescription={t('territory.delete.onlyMistakes')}
        />
      )
    : null;

  if (organizations.isError) return <CommuneTabError error={organizations.error} onRetry={() => void organizations.refetch()} />;
  const rows = toRows(organizations.data?.items ?? []);

  return (
    <Flex vertical gap={16} data-testid="party-tab">
      <PeriodListToolbar
        asOf={asOf}
        allPeriods={allPeriods}
        onAllPeriodsChange={setAllPeriods}
        canEdit={canEdit}
        createLabel={t('territory.party.create')}
        onCreate={() => editor.show({ organization: null })}
        onImport={() => setImportOpen(true)}
      />
      <Table<OrganizationRow>
        // Remounted when the rows arrive so that every đảng bộ opens on its cells.
        key={rows.map((row) => row.id).join()}
        rowKey="id"
        size="middle"
        columns={organizationColumns(t, actions)}
        dataSource={rows}
        loading={organizations.isFetching}
        expandable={{ defaultExpandAllRows: true }}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(allPeriods ? 'territory.party.emptyAll' : 'territory.party.empty')} />,
        }}
        scroll={{ x: 1000 }}
      />
      <PartyOrganizationFormDrawer open={editor.open} commune={commune} editing={editor.subject} onClose={editor.close} />
      <EndRecordModal
        open={ending.open}
        record={ending.subject}
        end={(id, validTo) => updateOrganization.mutateAsync({ id, changes: { validTo } })}
        onClose={ending.close}
      />
      <CsvImportModal<OrganizationImportItem>
        open={importOpen}
        onClose={() => setImportOpen(false)}
        title={t('territory.party.importTitle')}
        columnsHint={t('territory.party.importColumns')}
        template={{ fileName: `to-chuc-dang-${commune.code}.csv`, text: organizationTemplate(commune) }}
        previewColumns={importPreviewColumns(t)}
        run={(file, dryRun) => importOrganizations.mutateAsync({ file, dryRun })}
        itemKey={(item) => item.line}
      />
    </Flex>
  );
}
