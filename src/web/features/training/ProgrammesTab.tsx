import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { COURSE_TYPES, TRAINING_FIELD_LABELS, type CourseTypeCode } from '../../../core/course-types';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useLanguage, useT, type MessageKey, type Translate } from '../../app/i18n';
import { formLabel, outcomeLabel } from './training-labels';
import {
  useDeleteProgramme,
  useProgrammes,
  useSaveProgramme,
  PROGRAMME_FORMS,
  PROGRAMME_OUTCOMES,
  type Programme,
  type ProgrammeForm,
  type ProgrammeOutcome,
} from './training.api';
import { useCanWriteTraining } from './training-permissions';
import { actionsColumn, EditDeleteActions, SaveFormDrawer, useSaveAndClose } from './training-form-parts';

const SCALE_LABELS: Record<string, MessageKey> = {
  professional: 'training.scale.professional',
  political_theory: 'training.scale.political_theory',
  state_management: 'training.scale.state_management',
};

/** "Lý luận chính trị: Trung cấp": the scale as well, since "Trung cấp" alone exists on two scales. */
function grantsText(grants: NonNullable<Programme['grants']>, t: Translate): string {
  const scale = SCALE_LABELS[grants.scale];
  return scale ? `${t(scale)}: ${grants.label}` : grants.label;
}

interface ProgrammeValues {
  owningUnitId: string;
  name: string;
  form: ProgrammeForm;
  organiser?: string;
  fields?: string[];
  hours?: number | null;
  outcome: ProgrammeOutcome;
  courseType?: CourseTypeCode;
}

function ProgrammeDrawer({ programme, onClose }: { programme: Programme | null; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const [form] = Form.useForm<ProgrammeValues>();
  const save = useSaveProgramme();
  const { formError, submit } = useSaveAndClose(form, onClose);
  const outcome = Form.useWatch('outcome', form);
  const courseType = Form.useWatch('courseType', form);
  const raises = COURSE_TYPES.find((course) => course.code === courseType)?.raises ?? null;

  function handleFinish(values: ProgrammeValues) {
    // The level a qualification-granting course records is the one its course type raises people to.
    const grants = values.outcome === 'qualification' && raises ? { scale: raises.scale, level: raises.level } : null;
    submit(
      save.mutate,
      {
        id: programme?.id,
        input: {
          owningUnitId: values.owningUnitId,
          name: values.name,
          form: values.form,
          organiser: values.organiser || null,
          fields: values.fields ?? [],
          hours: values.hours ?? null,
          outcome: values.outcome,
          courseType: values.courseType ?? null,
          grants,
        },
      },
      t('training.programme.saved'),
    );
  }

  return (
    <SaveFormDrawer<ProgrammeValues>
      title={programme ? t('training.programme.edit') : t('training.programme.create')}
      size={560}
      form={form}
      onFinish={handleFinish}
      saving={save.isPending}
      initialValues={
        programme
          ? {
              owningUnitId: programme.owningUnitId,
              name: programme.name,
              form: programme.form.code as ProgrammeForm,
              organiser: programme.organiser ?? undefined,
              fields: programme.fields,
              hours: programme.hours,
              outcome: programme.outcome.code as ProgrammeOutcome,
              courseType: programme.courseType?.code,
            }
          : { owningUnitId: user.unit.id, form: 'short_course', outcome: 'certificate', fields: [] }
      }
      testId="programme-form"
      formError={formError}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('training.programme.name')} rules={[{ required: true, message: t('training.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="owningUnitId" label={t('training.programme.owner')} rules={[{ required: true, message: t('training.required') }]}>
        <UnitPicker initialUnit={programme ? undefined : { id: user.unit.id, name: user.unit.name }} allowClear={false} scope="mine" />
      </Form.Item>
      <Form.Item name="form" label={t('training.programme.form')} rules={[{ required: true }]}>
        <Select options={PROGRAMME_FORMS.map((code) => ({ value: code, label: t(`training.form.${code}`) }))} />
      </Form.Item>
      <Form.Item name="courseType" label={t('training.programme.courseType')} extra={t('training.programme.courseTypeHint')}>
        <Select allowClear options={COURSE_TYPES.map((course) => ({ value: course.code, label: language === 'vi' ? course.nameVi : course.nameEn }))} />
      </Form.Item>
      <Form.Item name="outcome" label={t('training.programme.outcome')} rules={[{ required: true }]}>
        <Select options={PROGRAMME_OUTCOMES.map((code) => ({ value: code, label: t(`training.outcome.${code}`) }))} />
      </Form.Item>
      {outcome === 'qualification' && (
        <Alert
          type={raises ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={raises ? t('training.programme.grantsFromCourse') : t('training.programme.grantsNeedCourse')}
        />
      )}
      <Flex gap={16}>
        <Form.Item name="organiser" label={t('training.programme.organiser')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t('training.programme.hours')}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item name="fields" label={t('training.programme.fields')} extra={t('training.programme.fieldsHint')}>
        <Select
          mode="tags"
          options={Object.values(TRAINING_FIELD_LABELS).map((label) => ({ value: label.vi, label: language === 'vi' ? label.vi : label.en }))}
        />
      </Form.Item>
    </SaveFormDrawer>
  );
}

export function ProgrammesTab() {
  const t = useT();
  const canWrite = useCanWriteTraining();
  const notifyError = useApiErrorNotice();
  const [form, setForm] = useState<ProgrammeForm | undefined>(undefined);
  const [q, setQ] = useState('');
  const programmes = useProgrammes({ form, q: q || undefined });
  const remove = useDeleteProgramme();
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);

  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('training.programme.search')} onSearch={setQ} style={{ width: 280 }} />
          <Select
            allowClear
            style={{ width: 260 }}
            placeholder={t('training.programme.form')}
            value={form}
            onChange={setForm}
            options={PROGRAMME_FORMS.map((code) => ({ value: code, label: t(`training.form.${code}`) }))}
          />
        </Flex>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('training.programme.create')}
          </Button>
        )}
      </Flex>
      {programmes.isError && <QueryErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />}
      <Table<Programme>
        rowKey="id"
        dataSource={programmes.data?.items}
        loading={programmes.isFetching}
        data-testid="programmes-table"
        columns={[
          { key: 'name', title: t('training.programme.name'), render: (_, programme) => programme.name },
          { key: 'form', title: t('training.programme.form'), width: 200, render: (_, programme) => <Tag>{formLabel(programme.form, t)}</Tag> },
          {
            key: 'outcome',
            title: t('training.programme.outcome'),
            render: (_, programme) => (
              <Flex vertical gap={2}>
                <Typography.Text>{outcomeLabel(programme.outcome, t)}</Typography.Text>
                {programme.grants && <Typography.Text type="secondary">{grantsText(programme.grants, t)}</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'hours', title: t('training.programme.hours'), width: 90, render: (_, programme) => programme.hours ?? '—' },
          { key: 'fields', title: t('training.programme.fields'), render: (_, programme) => programme.fields.map((field) => <Tag key={field}>{field}</Tag>) },
          ...actionsColumn<Programme>(
            t,
            canWrite
              ? (programme) =>
                  programme.abilities.edit && (
                    <EditDeleteActions
                      onEdit={() => setEditing(programme)}
                      deleteTitle={t('training.programme.deleteConfirm', { name: programme.name })}
                      onDelete={() => remove.mutate(programme.id, { onError: notifyError })}
                    />
                  )
              : null,
          ),
        ]}
      />
      {editing && <ProgrammeDrawer programme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
