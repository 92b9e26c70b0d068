import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TRAINING_FIELD_LABELS } from '../../../core/course-types';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useLanguage, useT } from '../../app/i18n';
import { useUnitDetail } from '../territory/territory.api';
import { useFileDownload } from '../imports/file-transfer';
import { useCadreSearch, useDeleteVisit, useInstructors, useProgrammes, useSaveVisit, useVisits, type Visit } from './training.api';
import { GuidedCadreLinks } from './CommuneVisitsTab';
import { useCanWriteTraining } from './training-permissions';
import { actionsColumn, EditDeleteActions, SaveFormDrawer, useSaveAndClose } from './training-form-parts';

interface VisitValues {
  communeId: string;
  visitedOn: Dayjs;
  programmeId?: string;
  officerIds: string[];
  cadreIds?: string[];
  fields?: string[];
  solved?: string;
  followUps?: string;
}

/** Guided people are picked by name from the registry; those already on the visit keep their names while editing. */
function GuidedPeopleSelect({
  id,
  value,
  onChange,
  known,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  known: { id: string; fullName: string }[];
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const found = useCadreSearch(debounced);
  const options = new Map(known.map((person) => [person.id, person.fullName]));
  for (const cadre of found.data?.items ?? [])
    options.set(cadre.id, cadre.posts[0] ? `${cadre.fullName} — ${cadre.posts[0].title.shortName}, ${cadre.posts[0].unit.name}` : cadre.fullName);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      loading={found.isFetching}
      placeholder={t('training.enrol.searchPlaceholder')}
      notFoundContent={debounced ? t('common.noResults') : t('training.enrol.typeToSearch')}
      options={[...options].map(([id, label]) => ({ value: id, label }))}
    />
  );
}

function VisitDrawer({ visit, onClose }: { visit: Visit | null; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const [form] = Form.useForm<VisitValues>();
  const save = useSaveVisit();
  const instructors = useInstructors();
  const programmes = useProgrammes();
  const { formError, submit } = useSaveAndClose(form, onClose);

  function handleFinish(values: VisitValues) {
    submit(
      save.mutate,
      {
        id: visit?.id,
        input: {
          communeId: values.communeId,
          visitedOn: toApiDate(values.visitedOn),
          programmeId: values.programmeId ?? null,
          officerIds: values.officerIds,
          cadreIds: values.cadreIds ?? [],
          fields: values.fields ?? [],
          solved: values.solved || null,
          followUps: values.followUps || null,
        },
      },
      t('training.visit.saved'),
    );
  }

  return (
    <SaveFormDrawer<VisitValues>
      title={visit ? t('training.visit.edit') : t('training.visit.create')}
      size={600}
      form={form}
      onFinish={handleFinish}
      saving={save.isPending}
      initialValues={
        visit
          ? {
              communeId: visit.commune.id,
              visitedOn: fromApiDate(visit.visitedOn),
              programmeId: visit.programme?.id,
              officerIds: visit.officers.map((officer) => officer.id),
              cadreIds: visit.cadres.map((cadre) => cadre.id),
              fields: visit.fields,
              solved: visit.solved ?? undefined,
              followUps: visit.followUps ?? undefined,
            }
          : { officerIds: [], cadreIds: [], fields: [] }
      }
      formError={formError}
      onClose={onClose}
    >
      <Flex gap={16} wrap>
        <Form.Item
          name="communeId"
          label={t('training.visit.commune')}
          rules={[{ required: true, message: t('training.required') }]}
          style={{ flex: 1, minWidth: 260 }}
        >
          <UnitPicker initialUnit={visit ? { id: visit.commune.id, name: visit.commune.name } : undefined} scope="mine" />
        </Form.Item>
        <Form.Item name="visitedOn" label={t('training.visit.date')} rules={[{ required: true, message: t('training.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="officerIds"
        label={t('training.visit.officers')}
        extra={t('training.visit.officersHint')}
        rules={[{ required: true, message: t('training.visit.officersRequired') }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={instructors.data?.items.map((instructor) => ({ value: instructor.id, label: instructor.fullName }))}
        />
      </Form.Item>
      <Form.Item name="cadreIds" label={t('training.visit.cadres')}>
        <GuidedPeopleSelect known={visit?.cadres ?? []} />
      </Form.Item>
      <Form.Item name="programmeId" label={t('training.visit.programme')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={programmes.data?.items.map((programme) => ({ value: programme.id, label: programme.name }))}
        />
      </Form.Item>
      <Form.Item name="fields" label={t('training.programme.fields')}>
        <Select
          mode="tags"
          options={Object.values(TRAINING_FIELD_LABELS).map((label) => ({ value: label.vi, label: language === 'vi' ? label.vi : label.en }))}
        />
      </Form.Item>
      <Form.Item name="solved" label={t('training.visit.solved')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="followUps" label={t('training.visit.followUps')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </SaveFormDrawer>
  );
}

/** The commune filter opened from a commune's page (`?communeId=`): its name is fetched so the picker does not show a bare id. */
function LinkedCommuneFilter({ communeId, value, onChange }: { communeId: string; value?: string; onChange: (id: string | undefined) => void }) {
  const t = useT();
  const commune = useUnitDetail(communeId, todayInVietnam());
  const name = commune.data?.name;
  return (
    <UnitPicker
      key={name ?? 'loading'}
      value={value}
      onChange={(id) => onChange(id)}
      initialUnit={name ? { id: communeId, name } : undefined}
      placeholder={t('training.visit.filterCommune')}
      scope="mine"
      allowClear
    />
  );
}

export function VisitsTab() {
  const t = useT();
  const canWrite = useCanWriteTraining();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const instructors = useInstructors();
  const [searchParams] = useSearchParams();
  const linkedCommuneId = searchParams.get('communeId') ?? undefined;
  const [unitId, setUnitId] = useState<string | undefined>(linkedCommuneId);
  const [officerId, setOfficerId] = useState<string | undefined>(undefined);
  const visits = useVisits({ unitId, officerId });
  const remove = useDeleteVisit();
  const [editing, setEditing] = useState<Visit | 'new' | null>(null);

  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <div style={{ width: 260 }} data-testid="visits-commune-filter">
            {linkedCommuneId ? (
              <LinkedCommuneFilter communeId={linkedCommuneId} value={unitId} onChange={setUnitId} />
            ) : (
              <UnitPicker value={unitId} onChange={(id) => setUnitId(id)} placeholder={t('training.visit.filterCommune')} scope="mine" allowClear />
            )}
          </div>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            placeholder={t('training.visit.filterOfficer')}
            value={officerId}
            onChange={setOfficerId}
            options={instructors.data?.items.map((instructor) => ({ value: instructor.id, label: instructor.fullName }))}
          />
        </Flex>
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} onClick={() => download('/api/training/visits.xlsx', { unitId, officerId }).catch(notifyError)}>
            {t('training.export')}
          </Button>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('training.visit.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      {visits.isError && <QueryErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />}
      <Table<Visit>
        rowKey="id"
        dataSource={visits.data?.items}
        loading={visits.isFetching}
        data-testid="visits-table"
        locale={{ emptyText: t('training.visit.none') }}
        expandable={{
          rowExpandable: (visit) => Boolean(visit.solved || visit.followUps),
          expandedRowRender: (visit) => (
            <Flex vertical gap={8}>
              {visit.solved && (
                <div>
                  <Typography.Text strong>{t('training.visit.solved')}: </Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{visit.solved}</Typography.Text>
                </div>
              )}
              {visit.followUps && (
                <div>
                  <Typography.Text strong>{t('training.visit.followUps')}: </Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{visit.followUps}</Typography.Text>
                </div>
              )}
            </Flex>
          ),
        }}
        columns={[
          { key: 'date', title: t('training.visit.date'), width: 120, render: (_, visit) => formatDate(visit.visitedOn) },
          {
            key: 'commune',
            title: t('training.visit.commune'),
            render: (_, visit) => <Link to={`/territory/units/${visit.commune.id}`}>{visit.commune.name}</Link>,
          },
          { key: 'officers', title: t('training.visit.officers'), render: (_, visit) => visit.officers.map((officer) => officer.fullName).join(', ') },
          {
            key: 'cadres',
            title: t('training.visit.cadres'),
            render: (_, visit) => <GuidedCadreLinks cadres={visit.cadres} />,
          },
          { key: 'fields', title: t('training.programme.fields'), render: (_, visit) => visit.fields.map((field) => <Tag key={field}>{field}</Tag>) },
          ...actionsColumn<Visit>(
            t,
            canWrite
              ? (visit) => (
                  <EditDeleteActions
                    onEdit={() => setEditing(visit)}
                    deleteTitle={t('training.visit.deleteConfirm')}
                    onDelete={() => remove.mutate(visit.id, { onError: notifyError })}
                  />
                )
              : null,
          ),
        ]}
      />
      {editing && <VisitDrawer visit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
