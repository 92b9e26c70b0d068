import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Empty, Flex, Form, Grid, Input, Popconfirm, Skeleton, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { AREA_FLAGS, useAddAreaClass, useAreaClasses, useDeleteAreaClass, useUpdateAreaClass, type AreaClass, type AreaFlag } from './commune-profile.api';
import { CommuneTabError, FormFooter, PeriodFields, toNullableApiDate, toNullableDayjs } from './commune-tab-parts';
import { useServerFormErrors } from './form-errors';
import { formatPeriod } from './territory-dates';
import { areaFlagLabel } from './territory-labels';
import { useTerritoryPermissions } from './territory-permissions';
import type { UnitDetail } from './territory.api';

const PLAINS: AreaFlag = 'dong_bang';
const MAX_TEXT_LENGTH = 2000;

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
    else addAreaClass.mutate({ communeId: commune.id, input: { ...common, validFrom: toNullableApiDate(values.validFrom) ?? commune.validFrom } }, { onSuccess, onError: handleError });
  }

  return (
    <Form<AreaClassValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      disabled={saving}
      initialValues={
        areaClass
          ? { flags: areaClass.flags, validFrom: toNullableDayjs(areaClass.validFrom), validTo: toNullableDayjs(areaClass.validTo), basis: areaClass.basis ?? undefined, note: areaClass.note ?? undefined }
          : { flags: [], validFrom: null, validTo: null }
      }
    >
      <Form.Item name="flags" label={t('territory.areaClass.flags')} extra={t('territory.areaClass.flagsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('territory.areaClass.flagsRequired') }]}>
        <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          {AREA_FLAGS.map((flag) => (
            // Plains excludes every other class, and the reverse.
            <Checkbox key={flag} value={flag} disabled={flags.length > 0 && (flag === PLAINS ? !plains : plains)}>
              {areaFlagLabel(flag, t)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <PeriodFields fromHint={areaClass ? t('territory.areaClass.fromFixed') : t('territory.areaClass.fromHint')} toHint={t('territory.form.toCommuneHint')} fromDisabled={areaClass !== null} />
      <Form.Item name="basis" label={t('territory.areaClass.basis')} rules={[{ max: MAX_TEXT_LENGTH, message: t('territory.form.tooLong', { max: MAX_TEXT_LENGTH }) }]}>
        <Input placeholder={t('territory.areaClass.basisPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('territory.form.note')} rules={[{ max: MAX_TEXT_LENGTH, message: t('territory.form.tooLong', { max: MAX_TEXT_LENGTH }) }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
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
    ...(actions ? [{ key: 'actions', title: t('common.actions'), width: 170, render: (_: unknown, areaClass: AreaClass) => actions(areaClass) }] : []),
  ];
}

export function AreaClassTab({ commune, asOf }: { commune: UnitDetail; asOf: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const screens = Grid.useBreakpoint();
  const classes = useAreaClasses(commune.id, asOf);
  const { canEditCommuneProfile } = useTerritoryPermissions();
  const editor = useDialogState<AreaClass>();
  const deleteAreaClass = useDeleteAreaClass();

  if (classes.isError) return <CommuneTabError error={classes.error} onRetry={() => void classes.refetch()} />;
  if (classes.isPending) return <Skeleton active />;
  const { current, history } = classes.data;

  const actions = canEditCommuneProfile
    ? (areaClass: AreaClass) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => editor.show(areaClass)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('territory.areaClass.deleteConfirm')}
            description={t('territory.areaClass.deleteHint')}
            okText={t('territory.delete.action')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => deleteAreaClass.mutate(areaClass.id, { onSuccess: () => void message.success(t('territory.areaClass.deleted')), onError: notifyError })}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              {t('territory.delete.action')}
            </Button>
          </Popconfirm>
        </Space>
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
      <Drawer
        open={editor.open}
        onClose={editor.close}
        title={editor.subject ? t('territory.areaClass.editTitle') : t('territory.areaClass.createTitle', { commune: commune.name })}
        size={screens.sm ? 520 : '100%'}
        destroyOnHidden
      >
        <AreaClassForm commune={commune} areaClass={editor.subject} onDone={editor.close} />
      </Drawer>
    </Flex>
  );
}
