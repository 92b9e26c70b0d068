import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, List, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { SaveFormDrawer, useSaveAndClose } from '../training/training-form-parts';
import { type Briefing, useBriefings, useCreateBriefing, useIssueToProblem, useProblemOptions, useUpdateBriefing } from './grassroots.api';
import { useProblemDefaultYear } from './use-problem-year';

interface BriefingValues {
  communeId: string;
  heldOn: Dayjs;
  chairCadreId: string;
  attendees: string;
  issues?: string;
}

/** Briefings with village cadres; an issue raised there becomes a registered problem with one click. */
export function BriefingsTab() {
  const t = useT();
  const user = useCurrentUser();
  const { today } = useProblemDefaultYear();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  const year = Number(today.slice(0, 4));
  const briefings = useBriefings(unit.id, `${year}-01-01`, `${year}-12-31`);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Briefing | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
        </div>
        {user.abilities.write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('grassroots.briefing.create')}
          </Button>
        )}
      </Flex>
      {briefings.isError && <QueryErrorAlert error={briefings.error} onRetry={() => void briefings.refetch()} />}
      <Table<Briefing>
        rowKey="id"
        dataSource={briefings.data?.items}
        loading={briefings.isFetching}
        locale={{ emptyText: t('grassroots.briefing.none') }}
        expandable={{ rowExpandable: (row) => row.issues.length > 0, expandedRowRender: (row) => <Issues briefing={row} /> }}
        columns={[
          { key: 'date', title: t('grassroots.briefing.heldOn'), width: 120, render: (_, row) => formatDate(row.heldOn) },
          { key: 'commune', title: t('grassroots.briefing.commune'), responsive: ['md'], render: (_, row) => row.commune.name },
          { key: 'chair', title: t('grassroots.briefing.chair'), render: (_, row) => row.chair.name },
          { key: 'issues', title: t('grassroots.briefing.issues'), width: 100, render: (_, row) => row.issues.length },
          {
            key: 'edit',
            width: 48,
            render: (_, row) =>
              row.abilities.edit && <Button size="small" icon={<EditOutlined />} aria-label={t('grassroots.briefing.edit')} onClick={() => setEditing(row)} />,
          },
        ]}
      />
      {creating && (
        <BriefingDrawer
          defaultCommune={user.unit.level === 'commune' ? { id: user.unit.id, name: user.unit.name } : undefined}
          onClose={() => setCreating(false)}
        />
      )}
      {editing && <BriefingDrawer briefing={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function Issues({ briefing }: { briefing: Briefing }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const toProblem = useIssueToProblem();
  const options = useProblemOptions(briefing.commune.id, briefing.heldOn);
  // Each issue its own field: one briefing raises roads and land in the same breath.
  const [fieldCodes, setFieldCodes] = useState<Record<string, string>>({});
  return (
    <List
      size="small"
      dataSource={briefing.issues}
      renderItem={(issue) => (
        <List.Item
          actions={
            issue.problem
              ? [<Tag key="registered">{t('grassroots.briefing.registered', { status: issue.problem.status.label })}</Tag>]
              : briefing.abilities.edit
                ? [
                    <Select
                      key="field"
                      size="small"
                      placeholder={t('grassroots.field')}
                      style={{ width: 200 }}
                      value={fieldCodes[issue.id]}
                      onChange={(code: string) => setFieldCodes((previous) => ({ ...previous, [issue.id]: code }))}
                      options={options.data?.fields.map((field) => ({ value: field.code, label: field.label }))}
                    />,
                    <Button
                      key="register"
                      size="small"
                      disabled={!fieldCodes[issue.id]}
                      loading={toProblem.isPending}
                      onClick={() =>
                        toProblem.mutate(
                          {
                            briefingId: briefing.id,
                            issueId: issue.id,
                            body: {
                              year: Number(briefing.heldOn.slice(0, 4)),
                              fieldCode: fieldCodes[issue.id]!,
                              targetOn: `${briefing.heldOn.slice(0, 4)}-12-31`,
                            },
                          },
                          { onSuccess: () => void message.success(t('grassroots.saved')), onError: notifyError },
                        )
                      }
                    >
                      {t('grassroots.briefing.toProblem')}
                    </Button>,
                  ]
                : []
          }
        >
          {issue.content}
        </List.Item>
      )}
    />
  );
}

function BriefingDrawer({ defaultCommune, briefing, onClose }: { defaultCommune?: { id: string; name: string }; briefing?: Briefing; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<BriefingValues>();
  const create = useCreateBriefing();
  const update = useUpdateBriefing();
  const registered = briefing?.issues.filter((issue) => issue.problem !== null) ?? [];
  const { formError, submit } = useSaveAndClose(form, onClose);
  const communeId = Form.useWatch('communeId', form);
  const heldOn = Form.useWatch('heldOn', form);
  const options = useProblemOptions(communeId, heldOn ? toApiDate(heldOn) : todayInVietnam());
  return (
    <SaveFormDrawer<BriefingValues>
      title={briefing ? t('grassroots.briefing.edit') : t('grassroots.briefing.create')}
      size={560}
      form={form}
      saving={create.isPending || update.isPending}
      formError={formError}
      onClose={onClose}
      initialValues={
        briefing
          ? {
              communeId: briefing.commune.id,
              heldOn: fromApiDate(briefing.heldOn),
              chairCadreId: briefing.chair.id,
              attendees: briefing.attendees,
              issues: briefing.issues
                .filter((issue) => issue.problem === null)
                .map((issue) => issue.content)
                .join('\n'),
            }
          : { communeId: defaultCommune?.id, heldOn: fromApiDate(todayInVietnam()) }
      }
      onFinish={(values) => {
        const input = {
          heldOn: toApiDate(values.heldOn),
          chairCadreId: values.chairCadreId,
          attendees: values.attendees,
          issues: (values.issues ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        };
        if (briefing) submit(update.mutate, { id: briefing.id, input }, t('grassroots.briefing.saved'));
        else submit(create.mutate, { ...input, communeId: values.communeId }, t('grassroots.briefing.saved'));
      }}
    >
      <Form.Item name="communeId" label={t('grassroots.briefing.commune')} rules={[{ required: true, message: t('grassroots.required') }]}>
        <UnitPicker scope="mine" initialUnit={briefing ? briefing.commune : defaultCommune} disabled={briefing !== undefined} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('grassroots.briefing.heldOn')} rules={[{ required: true, message: t('grassroots.required') }]}>
        <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="chairCadreId" label={t('grassroots.briefing.chair')} rules={[{ required: true, message: t('grassroots.required') }]}>
        <Select options={options.data?.leads.map((lead) => ({ value: lead.id, label: `${lead.fullName} — ${lead.title}` }))} loading={options.isLoading} />
      </Form.Item>
      <Form.Item name="attendees" label={t('grassroots.briefing.attendees')} rules={[{ required: true, whitespace: true, message: t('grassroots.required') }]}>
        <Input maxLength={2000} />
      </Form.Item>
      {registered.length > 0 && (
        <Form.Item label={t('grassroots.briefing.registeredIssues')}>
          <Flex vertical gap={4}>
            {registered.map((issue) => (
              <Tag key={issue.id} style={{ whiteSpace: 'normal' }}>
                {issue.content}
              </Tag>
            ))}
          </Flex>
        </Form.Item>
      )}
      <Form.Item name="issues" label={t('grassroots.briefing.issues')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SaveFormDrawer>
  );
}
