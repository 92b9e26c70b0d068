import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, List, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { EditDeleteActions, SaveFormDrawer, useSaveAndClose } from '../training/training-form-parts';
import { type Dialogue, useDeleteDialogue, useDialogues, useMarkCommitment, useSaveDialogue } from './petitions.api';
import { usePetitionDefaultDate } from './use-petition-date';
import { PetitionSearchSelect } from './PetitionSearchSelect';
import { useProblemOptions } from '../grassroots/grassroots.api';

const STATE_COLOURS = { open: 'processing', overdue: 'error', done: 'success', done_late: 'warning' } as const;

interface DialogueValues {
  communeId: string;
  heldOn: Dayjs;
  kind: 'dialogue' | 'meeting';
  topic: string;
  place?: string;
  organisers: string;
  chairCadreId?: string | null;
  participants?: number | null;
  outcome?: string;
  agreed?: boolean;
  petitionIds?: string[];
  commitments: { action: string; responsible: string; dueOn: Dayjs; doneOn?: Dayjs | null }[];
}

/** Meetings and dialogues with citizens led by the commune's standing members, and the commitments made there until done. */
export function DialoguesTab() {
  const t = useT();
  const user = useCurrentUser();
  const notifyError = useApiErrorNotice();
  const { defaultAsOf } = usePetitionDefaultDate();
  const [unitId, setUnitId] = useState(user.unit.id);
  const dialogues = useDialogues({ unitId, asOf: defaultAsOf });
  const remove = useDeleteDialogue();
  const mark = useMarkCommitment();
  const [editing, setEditing] = useState<Dialogue | 'new' | null>(null);
  const canCreate = user.abilities.write;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker
            value={unitId}
            onChange={(id) => id && setUnitId(id)}
            initialUnit={{ id: user.unit.id, name: user.unit.name }}
            scope="mine"
            allowClear={false}
          />
        </div>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="dialogue-create">
            {t('petitions.dialogue.create')}
          </Button>
        )}
      </Flex>
      {dialogues.isError && <QueryErrorAlert error={dialogues.error} onRetry={() => void dialogues.refetch()} />}
      <Table<Dialogue>
        rowKey="id"
        dataSource={dialogues.data?.items}
        loading={dialogues.isFetching}
        scroll={{ x: 800 }}
        data-testid="dialogues-table"
        locale={{ emptyText: t('petitions.dialogue.none') }}
        expandable={{
          rowExpandable: (dialogue) => dialogue.commitments.length > 0 || Boolean(dialogue.outcome),
          expandedRowRender: (dialogue) => (
            <Flex vertical gap={8}>
              {dialogue.outcome && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{dialogue.outcome}</Typography.Paragraph>}
              <List
                size="small"
                header={<Typography.Text strong>{t('petitions.dialogue.commitments')}</Typography.Text>}
                dataSource={dialogue.commitments}
                renderItem={(commitment) => (
                  <List.Item
                    actions={
                      dialogue.abilities.edit && !commitment.doneOn
                        ? [
                            <Button
                              key="done"
                              size="small"
                              icon={<CheckOutlined />}
                              onClick={() =>
                                mark.mutate({ dialogueId: dialogue.id, commitmentId: commitment.id, doneOn: todayInVietnam() }, { onError: notifyError })
                              }
                            >
                              {t('petitions.dialogue.commitment.markDone')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Flex vertical>
                      <span>
                        {commitment.action} — {commitment.responsible}
                      </span>
                      <Flex gap={6} wrap>
                        <Typography.Text type="secondary">
                          {t('petitions.dialogue.commitment.dueOn')}: {formatDate(commitment.dueOn)}
                          {commitment.doneOn && ` · ${t('petitions.dialogue.commitment.doneOn')}: ${formatDate(commitment.doneOn)}`}
                        </Typography.Text>
                        <Tag color={STATE_COLOURS[commitment.state]}>{t(`petitions.dialogue.commitment.${commitment.state}`)}</Tag>
                      </Flex>
                    </Flex>
                  </List.Item>
                )}
              />
            </Flex>
          ),
        }}
        columns={[
          { key: 'date', title: t('petitions.dialogue.heldOn'), width: 110, render: (_, dialogue) => formatDate(dialogue.heldOn) },
          { key: 'commune', title: t('petitions.dialogue.commune'), width: 180, render: (_, dialogue) => dialogue.commune.name },
          {
            key: 'topic',
            title: t('petitions.dialogue.topic'),
            render: (_, dialogue) => (
              <Flex vertical>
                <span>
                  <Tag>{dialogue.kind.label}</Tag>
                  {dialogue.topic}
                </span>
                <Typography.Text type="secondary">
                  {dialogue.chair ? `${t('petitions.dialogue.chair')}: ${dialogue.chair.name} · ` : ''}
                  {dialogue.organisers}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'commitments',
            title: t('petitions.dialogue.commitments'),
            width: 170,
            render: (_, dialogue) => {
              const overdue = dialogue.commitments.filter((commitment) => commitment.state === 'overdue').length;
              const done = dialogue.commitments.filter((commitment) => commitment.state.startsWith('done')).length;
              return (
                <Flex gap={4} wrap>
                  {dialogue.commitments.length > 0 && (
                    <Tag>
                      {done}/{dialogue.commitments.length}
                    </Tag>
                  )}
                  {overdue > 0 && <Tag color="error">{t('petitions.dialogue.commitment.overdue')}</Tag>}
                </Flex>
              );
            },
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_, dialogue) =>
              dialogue.abilities.edit && (
                <EditDeleteActions
                  onEdit={() => setEditing(dialogue)}
                  deleteTitle={t('petitions.dialogue.deleteConfirm')}
                  onDelete={() => remove.mutate(dialogue.id, { onError: notifyError })}
                />
              ),
          },
        ]}
      />
      {editing && (
        <DialogueDrawer
          dialogue={editing === 'new' ? null : editing}
          unitId={unitId}
          defaultCommuneId={user.unit.level === 'commune' ? user.unit.id : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

function DialogueDrawer({
  dialogue,
  unitId,
  defaultCommuneId,
  onClose,
}: {
  dialogue: Dialogue | null;
  unitId: string;
  defaultCommuneId?: string;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DialogueValues>();
  const save = useSaveDialogue();
  const { formError, submit } = useSaveAndClose(form, onClose);
  const communeId = Form.useWatch('communeId', form);
  const heldOn = Form.useWatch('heldOn', form);
  // The standing members of the commune on the day: who may have chaired it.
  const standing = useProblemOptions(communeId, heldOn ? toApiDate(heldOn) : todayInVietnam());

  function handleFinish(values: DialogueValues) {
    submit(
      save.mutate,
      {
        id: dialogue?.id,
        input: {
          communeId: values.communeId,
          heldOn: toApiDate(values.heldOn),
          kind: values.kind,
          topic: values.topic,
          place: values.place || null,
          organisers: values.organisers,
          chairCadreId: values.chairCadreId ?? null,
          participants: values.participants ?? null,
          outcome: values.outcome || null,
          agreed: values.agreed ?? null,
          petitionIds: values.petitionIds ?? [],
          commitments: (values.commitments ?? []).map((commitment) => ({
            action: commitment.action,
            responsible: commitment.responsible,
            dueOn: toApiDate(commitment.dueOn),
            doneOn: commitment.doneOn ? toApiDate(commitment.doneOn) : null,
          })),
        },
      },
      t('petitions.dialogue.saved'),
    );
  }

  return (
    <SaveFormDrawer<DialogueValues>
      title={dialogue ? t('petitions.dialogue.edit') : t('petitions.dialogue.create')}
      size={640}
      form={form}
      onFinish={handleFinish}
      saving={save.isPending}
      formError={formError}
      onClose={onClose}
      testId="dialogue-form"
      initialValues={
        dialogue
          ? {
              communeId: dialogue.commune.id,
              heldOn: fromApiDate(dialogue.heldOn),
              kind: dialogue.kind.code as DialogueValues['kind'],
              topic: dialogue.topic,
              place: dialogue.place ?? undefined,
              organisers: dialogue.organisers,
              chairCadreId: dialogue.chair?.id ?? null,
              participants: dialogue.participants,
              outcome: dialogue.outcome ?? undefined,
              agreed: dialogue.agreed ?? undefined,
              petitionIds: dialogue.petitions.map((petition) => petition.id),
              commitments: dialogue.commitments.map((commitment) => ({
                action: commitment.action,
                responsible: commitment.responsible,
                dueOn: fromApiDate(commitment.dueOn),
                doneOn: commitment.doneOn ? fromApiDate(commitment.doneOn) : null,
              })),
            }
          : { communeId: defaultCommuneId, heldOn: fromApiDate(todayInVietnam()), kind: 'dialogue', commitments: [] }
      }
    >
      <Form.Item name="communeId" label={t('petitions.dialogue.commune')} rules={[{ required: true, message: t('petitions.required') }]}>
        <UnitPicker scope="mine" initialUnit={dialogue ? { id: dialogue.commune.id, name: dialogue.commune.name } : undefined} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="heldOn" label={t('petitions.dialogue.heldOn')} rules={[{ required: true, message: t('petitions.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('petitions.dialogue.kind')} style={{ minWidth: 160 }}>
          <Select
            options={[
              { value: 'dialogue', label: t('petitions.dialogue.kind.dialogue') },
              { value: 'meeting', label: t('petitions.dialogue.kind.meeting') },
            ]}
          />
        </Form.Item>
        <Form.Item name="participants" label={t('petitions.dialogue.participants')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item name="topic" label={t('petitions.dialogue.topic')} rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="chairCadreId" label={t('petitions.dialogue.chair')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={standing.isLoading}
          options={standing.data?.leads.map((lead) => ({ value: lead.id, label: `${lead.fullName} — ${lead.title}` }))}
          data-testid="dialogue-chair"
        />
      </Form.Item>
      <Form.Item name="organisers" label={t('petitions.dialogue.organisers')} rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name="place" label={t('petitions.dialogue.place')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="outcome" label={t('petitions.dialogue.outcome')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="agreed" valuePropName="checked">
        <Checkbox>{t('petitions.dialogue.agreed')}</Checkbox>
      </Form.Item>
      <Form.Item name="petitionIds" label={t('petitions.dialogue.petitions')}>
        <PetitionSearchSelect
          multiple
          unitId={unitId}
          known={dialogue?.petitions.map((petition) => ({ id: petition.id, label: `${petition.number} — ${petition.subject}` }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('petitions.dialogue.commitments')}</Typography.Text>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginTop: 8, marginBottom: 16 }}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} wrap align="flex-start">
                <Form.Item
                  name={[field.name, 'action']}
                  rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}
                  style={{ flex: 3, minWidth: 200, marginBottom: 8 }}
                >
                  <Input placeholder={t('petitions.dialogue.commitment.action')} aria-label={`${t('petitions.dialogue.commitment.action')} ${index + 1}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'responsible']}
                  rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}
                  style={{ flex: 2, minWidth: 150, marginBottom: 8 }}
                >
                  <Input
                    placeholder={t('petitions.dialogue.commitment.responsible')}
                    aria-label={`${t('petitions.dialogue.commitment.responsible')} ${index + 1}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true, message: t('petitions.required') }]} style={{ marginBottom: 8 }}>
                  <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('petitions.dialogue.commitment.dueOn')} />
                </Form.Item>
                <Form.Item name={[field.name, 'doneOn']} style={{ marginBottom: 8 }}>
                  <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('petitions.dialogue.commitment.doneOn')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('petitions.dialogue.commitment.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
              {t('petitions.dialogue.commitment.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </SaveFormDrawer>
  );
}
