import { FileDoneOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Flex, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useT } from '../../app/i18n';
import { useCadreSearch, useEnrol, usePlanCandidates, useUnenrol, type ClassDetail, type Enrolment, type PlanCandidate } from './training.api';

function PlanCandidatesModal({ klass, onClose }: { klass: ClassDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const candidates = usePlanCandidates(klass.id, true);
  const enrol = useEnrol(klass.id);
  const [selected, setSelected] = useState<string[]>([]);
  const items = candidates.data?.items ?? [];
  const places = klass.capacity - klass.enrolled;

  function handleEnrol() {
    const people = items.filter((item) => selected.includes(item.proposalId)).map((item) => ({ cadreId: item.cadreId, planProposalId: item.proposalId }));
    enrol.mutate(people, {
      onSuccess: () => {
        void message.success(t('training.enrol.done', { count: people.length }));
        onClose();
      },
      onError: notifyError,
    });
  }

  return (
    <Modal
      open
      width={860}
      onCancel={onClose}
      title={t('training.enrol.fromPlan')}
      okText={t('training.enrol.submit', { count: selected.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: selected.length === 0, loading: enrol.isPending }}
      onOk={handleEnrol}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('training.enrol.fromPlanHint', { places })}</Typography.Paragraph>
      {candidates.isError && <QueryErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />}
      <Table<PlanCandidate>
        rowKey="proposalId"
        size="small"
        loading={candidates.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ y: 420 }}
        data-testid="plan-candidates"
        locale={{ emptyText: t('training.enrol.noCandidates') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { key: 'name', title: t('training.person'), width: 190, render: (_, item) => item.fullName },
          { key: 'title', title: t('training.enrol.title'), width: 160, render: (_, item) => item.titleName ?? '—' },
          { key: 'unit', title: t('training.enrol.unit'), width: 150, render: (_, item) => item.unitName },
          { key: 'reason', title: t('training.enrol.reason'), render: (_, item) => <Typography.Text type="secondary">{item.reason}</Typography.Text> },
        ]}
      />
    </Modal>
  );
}

function AddPersonModal({ klass, onClose }: { klass: ClassDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const found = useCadreSearch(debounced);
  const enrol = useEnrol(klass.id);
  const [cadreIds, setCadreIds] = useState<string[]>([]);
  const enrolled = new Set(klass.enrolments.map((enrolment) => enrolment.cadreId));

  function handleAdd() {
    enrol.mutate(
      cadreIds.map((cadreId) => ({ cadreId })),
      {
        onSuccess: () => {
          void message.success(t('training.enrol.done', { count: cadreIds.length }));
          onClose();
        },
        onError: notifyError,
      },
    );
  }

  return (
    <Modal
      open
      onCancel={onClose}
      title={t('training.enrol.direct')}
      okText={t('training.enrol.submit', { count: cadreIds.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: cadreIds.length === 0, loading: enrol.isPending }}
      onOk={handleAdd}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('training.enrol.directHint')}</Typography.Paragraph>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={cadreIds}
        onChange={setCadreIds}
        placeholder={t('training.enrol.searchPlaceholder')}
        showSearch={{ onSearch: setSearch, filterOption: false }}
        loading={found.isFetching}
        notFoundContent={debounced ? t('common.noResults') : t('training.enrol.typeToSearch')}
        options={found.data?.items.map((cadre) => ({
          value: cadre.id,
          disabled: enrolled.has(cadre.id),
          label: [cadre.fullName, cadre.posts[0] ? `${cadre.posts[0].title.shortName}, ${cadre.posts[0].unit.name}` : null].filter(Boolean).join(' — '),
        }))}
        data-testid="enrol-search"
      />
    </Modal>
  );
}

function attendanceSummary(enrolment: Enrolment): { present: number; recorded: number } {
  const recorded = enrolment.attendance.filter((entry) => entry.status !== null);
  return { present: recorded.filter((entry) => entry.status === 'present').length, recorded: recorded.length };
}

export function EnrolmentsTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const notifyError = useApiErrorNotice();
  const unenrol = useUnenrol(klass.id);
  const [dialog, setDialog] = useState<'plan' | 'direct' | null>(null);
  const full = klass.enrolled >= klass.capacity;

  return (
    <>
      {canWrite && (
        <Flex gap={8} style={{ marginBottom: 16 }} wrap>
          <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setDialog('plan')} disabled={full} data-testid="open-enrol-plan">
            {t('training.enrol.fromPlan')}
          </Button>
          <Button icon={<UserAddOutlined />} onClick={() => setDialog('direct')} disabled={full} data-testid="open-enrol-direct">
            {t('training.enrol.direct')}
          </Button>
          {full && <Typography.Text type="warning">{t('training.enrol.full')}</Typography.Text>}
        </Flex>
      )}
      <Table<Enrolment>
        rowKey="cadreId"
        dataSource={klass.enrolments}
        pagination={false}
        data-testid="enrolments-table"
        locale={{ emptyText: t('training.enrol.none') }}
        columns={[
          { key: 'index', title: '#', width: 48, render: (_, __, index) => index + 1 },
          {
            key: 'name',
            title: t('training.person'),
            render: (_, enrolment) => <Link to={`/cadres/${enrolment.cadreId}?tab=training`}>{enrolment.fullName}</Link>,
          },
          {
            key: 'source',
            title: t('training.enrol.source'),
            width: 180,
            render: (_, enrolment) =>
              enrolment.planProposalId ? <Tag color="blue">{t('training.enrol.sourcePlan')}</Tag> : <Tag>{t('training.enrol.sourceDirect')}</Tag>,
          },
          {
            key: 'attendance',
            title: t('training.enrol.attendance'),
            width: 160,
            render: (_, enrolment) => {
              const { present } = attendanceSummary(enrolment);
              return t('training.enrol.presentOf', { present, total: klass.sessions.length });
            },
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 120,
                  render: (_: unknown, enrolment: Enrolment) => (
                    <Popconfirm
                      title={t('training.enrol.removeConfirm', { name: enrolment.fullName })}
                      okText={t('training.enrol.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => unenrol.mutate(enrolment.cadreId, { onError: notifyError })}
                    >
                      <Button size="small" danger>
                        {t('training.enrol.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog === 'plan' && <PlanCandidatesModal klass={klass} onClose={() => setDialog(null)} />}
      {dialog === 'direct' && <AddPersonModal klass={klass} onClose={() => setDialog(null)} />}
    </>
  );
}
