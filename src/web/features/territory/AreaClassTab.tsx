import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Form, Input, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { AREA_FLAGS, useAddAreaClass, useAreaClasses, useDeleteAreaClass, useUpdateAreaClass, type AreaClass, type AreaFlag } from './commune-profile.api';
import {
  actionsColumn,
  CommuneTabError,
  FormDrawer,
  FormFooter,
  NoteField,
  PeriodFields,
  RowActions,
  toNullableApiDate,
  toNullableDayjs,
} from './commune-tab-parts';
import { useServerFormErrors } from './form-errors';
import { formatPeriod } from './territory-dates';
import { areaFlagLabel } from './territory-labels';
import type { UnitDetail } from './territory.api';

const PLAINS: AreaFlag = 'dong_bang';
const MAX_BASIS_LENGTH = 2000;

function AreaFlagTags({ areaClass, t }: { areaClass: Pick<AreaClass, 'flags' | 'disadvantaged'>; t: Translate }) {
  return (
    <Flex gap={4} wrap>
      {areaClass.flags.map((flag) => (
        <Tag key={flag} color={flag === PLAINS ? 'default' : 'geekblue'}>
          {areaFlagLabel(flag, t)}
        </Tag>
      ))}
    </Flex>
  );
}

interface AreaClassValues {
  flags: AreaFlag[];
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  basis?: string;
  note?: string;
}

function AreaClassForm({ commune, areaClass, onDone }: { commune: UnitDetail; areaClass: AreaClass | null; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AreaClassValues>();
  const addAreaClass = useAddAreaClass();
  const updateAreaClass = useUpdateAreaClass();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const saving = addAreaClass.isPending || updateAreaClass.isPending;
  const flags = Form.useWatch('flags', form) ?? [];
  const plains = flags.includes(PLAINS);

  function handleFinish(values: AreaClassValues) {
    clearFormError();
    // Empty dates mean "as long as the commune exists", as the hints say.
    const common = {
      flags: values.flags,
      validTo: toNullableApiDate(values.validTo) ?? commune.validTo,
      basis: values.basis?.trim() || null,
      note: values.note?.trim() || null,
    };
    const onSuccess = () => {
      void message.success(t('territory.areaClass.saved'));
      onDone();
    };
    if (areaClass) updateAreaClass.mutate({ id: areaClass.id, changes: common }, { onSuccess, onError: handleError });
    else
      addAreaClass.mutate(
        { communeId: commune.id, input: { ...common, validFrom: toNullableApiDate(values.validFrom) ?? commune.validFrom } },
        { onSuccess, onError: handleError },
      );
  }

  return (
    <Form<AreaClassValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      disabled={saving}
      initialValues={
        areaClass
          ? {
              flags: areaClass.flags,
              validFrom: toNullableDayjs(areaClass.validFrom),
              validTo: toNullableDayjs(areaClass.validTo),
              basis: areaClass.basis ?? undefined,
              note: areaClass.note ?? undefined,
            }
          : { flags: [], validFrom: null, validTo: null }
      }
    >
      <Form.Item
        name="flags"
        label={t('territory.areaClass.flags')}
        extra={t('territory.areaClass.flagsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('territory.areaClass.flagsRequired') }]}
      >
        <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          {AREA_FLAGS.map((flag) => (
            // Plains excludes every other class, and the reverse.
            <Checkbox key={flag} value={flag} disabled={flags.length > 0 && (flag === PLAINS ? !plains : plains)}>
              {areaFlagLabel(flag, t)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <PeriodFields
        fromHint={areaClass ? t('territory.areaClass.fromFixed') : t('territory.areaClass.fromHint')}
        toHint={t('territory.form.toCommuneHint')}
        fromDisabled={areaClass !== null}
      />
      <Form.Item
        name="basis"
        label={t('territory.areaClass.basis')}
        rules={[{ max: MAX_BASIS_LENGTH, message: t('territory.form.tooLong', { max: MAX_BASIS_LENGTH }) }]}
      >
        <Input placeholder={t('territory.areaClass.basisPlaceholder')} />
      </Form.Item>
      <NoteField rows={2} />
      <FormFooter formError={formError} saving={saving} submitLabel={areaClass ? t('common.save') : t('territory.areaClass.create')} onCancel={onDone} />
    </Form>
  );
}

function areaClassColumns(t: Translate, actions: ((areaClass: AreaClass) => ReactNode) | null): TableProps<AreaClass>['columns'] {
  return [
    { key: 'period', title: t('territory.column.period'), width: 210, render: (_, areaClass) => formatPeriod(areaClass.validFrom, areaClass.validTo, t) },
    { key: 'flags', title: t('territory.areaClass.flags'), render: (_, areaClass) => <AreaFlagTags areaClass={areaClass} t={t} /> },
    { key: 'basis', title: t('territory.areaClass.basis'), render: (_, areaClass) => areaClass.basis ?? '' },
    { key: 'note', title: t('territory.form.note'), render: (_, areaClass) => areaClass.note ?? '' },
    ...actionsColumn(t, 170, actions),
  ];
}

export function AreaClassTab({ commune, asOf }: { commune: UnitDetail; asOf: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const classes = useAreaClasses(commune.id, asOf);
  const canEditCommuneProfile = commune.abilities.editClassification;
  const editor = useDialogState<AreaClass>();
  const deleteAreaClass = useDeleteAreaClass();

  if (classes.isError) return <CommuneTabError error={classes.error} onRetry={() => void classes.refetch()} />;
  if (classes.isPending) return <Skeleton active />;
  const { current, history } = classes.data;

  const actions = canEditCommuneProfile
    ? (areaClass: AreaClass) => (
        <RowActions
          onEdit={() => editor.show(areaClass)}
          onDelete={() =>
            deleteAreaClass.mutate(areaClass.id, { onSuccess: () => void message.success(t('territory.areaClass.deleted')), onError: notifyError })
          }
          deleteTitle={t('territory.areaClass.deleteConfirm')}
          deleteDescription={t('territory.areaClass.deleteHint')}
        />
      )
    : null;

  return (
    <Flex vertical gap={16} data-testid="area-class-tab">
      <Card size="small" title={t('territory.areaClass.currentTitle', { date: formatDate(asOf) })}>
        {current ? (
          <Flex vertical gap={8}>
            <AreaFlagTags areaClass={current} t={t} />
            {current.disadvantaged ? (
              <Alert type="info" showIcon title={t('territory.areaClass.disadvantaged')} />
            ) : (
              <Typography.Text type="secondary">{t('territory.areaClass.standard')}</Typography.Text>
            )}
            {current.basis && <Typography.Text type="secondary">{t('territory.areaClass.basisLine', { basis: current.basis })}</Typography.Text>}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('territory.areaClass.none')}</Typography.Text>
        )}
      </Card>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('territory.areaClass.historyTitle')}
        </Typography.Title>
        {canEditCommuneProfile && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(null)}>
            {t('territory.areaClass.create')}
          </Button>
        )}
      </Flex>
      <Table<AreaClass>
        rowKey="id"
        size="middle"
        columns={areaClassColumns(t, actions)}
        dataSource={history}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('territory.areaClass.none')} /> }}
        scroll={{ x: 800 }}
      />
      <FormDrawer
        open={editor.open}
        onClose={editor.close}
        title={editor.subject ? t('territory.areaClass.editTitle') : t('territory.areaClass.createTitle', { commune: commune.name })}
        width={520}
      >
        <AreaClassForm commune={commune} areaClass={editor.subject} onDone={editor.close} />
      </FormDrawer>
    </Flex>
  );
}
