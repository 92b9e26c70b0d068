import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useFileDownload } from '../imports/file-transfer';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatPercent } from '../../../core/numbers';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { PersonSelect } from '../cadres/PersonSelect';
import { type Plans, useAddEntry, usePlans, useRemoveEntry } from './succession.api';

const TERMS = ['2020-2025', '2025-2030', '2030-2035'];

interface AddValues {
  titleCode: string;
  cadreId: string;
  addedOn: Dayjs;
  reason: string;
}

function AddEntryModal({ plans, titleCode, onClose }: { plans: Plans; titleCode: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const add = useAddEntry();
  const handleError = useFormErrorHandler(form);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('succession.required', { field }) }];
  return (
    <Modal
      open
      title={t('succession.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        initialValues={{ titleCode, addedOn: fromApiDate(todayInVietnam()) }}
        onFinish={(values) =>
          add.mutate(
            {
              unitId: plans.unit.id,
              term: plans.term,
              termStartsOn: plans.termStartsOn,
              titleCode: values.titleCode,
              cadreId: values.cadreId,
              addedOn: toApiDate(values.addedOn),
              reason: values.reason,
            },
            {
              onSuccess: () => {
                void message.success(t('succession.added'));
                onClose();
              },
              onError: handleError,
            },
          )
        }
      >
        <Form.Item name="titleCode" label={t('succession.field.title')}>
          <Select options={plans.titles.map((title) => ({ value: title.titleCode, label: title.titleName }))} />
        </Form.Item>
        <Form.Item name="cadreId" label={t('succession.field.person')} rules={required(t('succession.field.person'))}>
          <PersonSelect placeholder={t('rotations.field.personSearch')} />
        </Form.Item>
        <Form.Item
          name="addedOn"
          label={t('succession.field.addedOn')}
          rules={[{ required: true, message: t('succession.required', { field: t('succession.field.addedOn') }) }]}
        >
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={t('succession.field.reason')} rules={required(t('succession.field.reason'))}>
          <Input maxLength={1000} placeholder="Rà soát, bổ sung quy hoạch năm 2026" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemoveEntryModal({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ removedOn: Dayjs; reason: string }>();
  const remove = useRemoveEntry();
  const handleError = useFormErrorHandler(form);
  return (
    <Modal
      open
      title={t('succession.remove')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ removedOn: fromApiDate(todayInVietnam()) }}
        onFinish={(values) =>
          remove.mutate(
            { id: entryId, input: { removedOn: toApiDate(values.removedOn), reason: values.reason } },
            {
              onSuccess: () => {
                void message.success(t('succession.removed'));
                onClose();
              },
              onError: handleError,
            },
          )
        }
      >
        <Form.Item
          name="removedOn"
          label={t('succession.field.removedOn')}
          rules={[{ required: true, message: t('succession.required', { field: t('succession.field.removedOn') }) }]}
        >
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('succession.field.reason')}
          rules={[{ required: true, whitespace: true, message: t('succession.required', { field: t('succession.field.reason') }) }]}
        >
          <Input maxLength={1000} placeholder="Quá tuổi; bị kỷ luật; chuyển công tác…" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const share = (value: number | null) => formatPercent(value);

/** A commune's succession plans for a term, title by title, with the structure against its targets. */
export function SuccessionTab() {
  const t = useT();
  const user = useCurrentUser();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  const [term, setTerm] = useState('2025-2030');
  const plans = usePlans(unit.id, term);
  const download = useFileDownload();
  const notifyError = useApiErrorNotice();
  const [adding, setAdding] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const data = plans.data;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
        </div>
        <Select value={term} onChange={setTerm} options={TERMS.map((value) => ({ value, label: `${t('succession.term')} ${value}` }))} style={{ width: 220 }} />
        <Button icon={<DownloadOutlined />} onClick={() => download('/api/succession-plans.xlsx', { unitId: unit.id, term }).catch(notifyError)}>
          {t('rotations.export')}
        </Button>
      </Flex>
      {plans.isError && <QueryErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      {data && (
        <>
          <Alert
            type="info"
            showIcon
            title={t('succession.termStarts', { term: data.term, date: formatDate(data.termStartsOn) })}
            description={
              <Flex vertical gap={4}>
                <span>
                  {t('succession.rules', {
                    perTitle: data.rule.maxPerTitle,
                    titles: data.rule.maxTitlesPerPerson,
                    months: data.rule.minimumServiceMonths,
                    basis: data.rule.basis,
                  })}
                </span>
                <span data-testid="succession-structure">
                  {t('succession.structure', {
                    people: data.structure.people,
                    women: data.structure.women,
                    womenShare: share(data.structure.womenShare),
                    womenTarget: share(data.rule.womenTarget),
                    youngAge: data.rule.youngUnderAge,
                    young: data.structure.young,
                    youngShare: share(data.structure.youngShare),
                    youngTarget: share(data.rule.youngTarget),
                    minority: data.structure.ethnicMinority,
                    minorityShare: share(data.structure.ethnicMinorityShare),
                  })}
                </span>
              </Flex>
            }
          />
          <Flex vertical gap={8} data-testid="succession-titles">
            {data.titles.map((title) => (
              <Card
                key={title.titleCode}
                size="small"
                title={
                  <Flex gap={8} align="center" wrap>
                    <span>{title.titleName}</span>
                    {title.gap && <Tag color="warning">{t('succession.gap')}</Tag>}
                  </Flex>
                }
                extra={
                  data.abilities.edit && (
                    <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(title.titleCode)}>
                      {t('succession.add')}
                    </Button>
                  )
                }
              >
                {title.entries.length === 0 ? (
                  <Typography.Text type="secondary">{t('succession.none')}</Typography.Text>
                ) : (
                  <Flex vertical gap={6}>
                    {title.entries.map((entry) => (
                      <Flex key={entry.id} gap={8} wrap align="baseline" style={{ opacity: entry.removedOn ? 0.6 : 1 }}>
                        <Typography.Text strong delete={entry.removedOn !== null}>
                          {entry.cadre.fullName}
                        </Typography.Text>
                        {entry.cadre.birthDate && <Typography.Text type="secondary">{entry.cadre.birthDate.slice(0, 4)}</Typography.Text>}
                        <Typography.Text type="secondary">
                          {entry.removedOn
                            ? t('succession.removedOn', { date: formatDate(entry.removedOn), reason: entry.removedReason ?? '' })
                            : t('succession.addedOn', { date: formatDate(entry.addedOn) })}
                        </Typography.Text>
                        {entry.flags.map((flag) => (
                          <Tag key={flag.code} color="red">
                            {flag.message}
                          </Tag>
                        ))}
                        {data.abilities.edit && !entry.removedOn && (
                          <Button size="small" type="link" danger onClick={() => setRemoving(entry.id)}>
                            {t('succession.remove')}
                          </Button>
                        )}
                      </Flex>
                    ))}
                  </Flex>
                )}
              </Card>
            ))}
          </Flex>
        </>
      )}
      {data && adding && <AddEntryModal plans={data} titleCode={adding} onClose={() => setAdding(null)} />}
      {removing && <RemoveEntryModal entryId={removing} onClose={() => setRemoving(null)} />}
    </Flex>
  );
}
