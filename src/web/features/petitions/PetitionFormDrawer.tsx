import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import {
  DENUNCIATION_COMPLEXITIES,
  DENUNCIATION_COMPLEXITY_LABELS,
  PETITION_TYPE_LABELS,
  PETITION_TYPES,
  type DenunciationComplexity,
  type PetitionType,
} from '../../../core/petition-deadlines';
import { useCurrentUser } from '../../app/auth/session';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { SaveFormDrawer } from '../training/training-form-parts';
import { useServerFormErrors } from '../cadres/form-errors';
import { usePetitionOptions, useReceivePetition, useReceptionSessions } from './petitions.api';
import { PetitionSearchSelect } from './PetitionSearchSelect';

const CHANNELS = ['reception', 'mail', 'handed', 'transferred', 'online'] as const;

interface PetitionValues {
  receivedOn: Dayjs;
  channel: (typeof CHANNELS)[number];
  type: PetitionType;
  fieldCode: string;
  communeId?: string;
  subject: string;
  content: string;
  anonymous?: boolean;
  overLevel?: boolean;
  complex?: boolean;
  remoteArea?: boolean;
  secondRound?: boolean;
  denunciationComplexity?: DenunciationComplexity;
  verifiedAtSeveralPlaces?: boolean;
  againstPartyMember?: boolean;
  petitioners: { fullName: string; address?: string; phone?: string }[];
  handlerIds?: string[];
  receptionSessionId?: string;
  duplicateOfId?: string;
}

/** What a new case starts from: a second complaint repeats the first one's petitioners, matter and commune. */
export interface PetitionPrefill {
  previous: { id: string; number: string };
  fieldCode: string;
  communeId: string | null;
  communeName: string | null;
  subject: string;
  content: string;
  petitioners: { fullName: string; address: string | null }[];
}

/** Receiving a petition into the register of the user's own unit; the form asks only what the kind of petition needs. */
export function PetitionFormDrawer({ unitId, prefill, onClose }: { unitId: string; prefill?: PetitionPrefill; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<PetitionValues>();
  const receive = useReceivePetition();
  const options = usePetitionOptions(unitId);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const type = Form.useWatch('type', form);
  const anonymous = Form.useWatch('anonymous', form);
  const receivedOn = Form.useWatch('receivedOn', form);
  const channel = Form.useWatch('channel', form);
  const receivedDate = receivedOn ? toApiDate(receivedOn) : todayInVietnam();
  const sessions = useReceptionSessions(channel === 'reception' ? unitId : undefined, receivedDate, receivedDate);
  const atCommune = user.unit.level === 'commune';

  function handleFinish(values: PetitionValues) {
    clearFormError();
    receive.mutate(
      {
        unitId,
        receivedOn: toApiDate(values.receivedOn),
        channel: values.channel,
        type: values.type,
        fieldCode: values.fieldCode,
        communeId: values.communeId ?? null,
        subject: values.subject,
        content: values.content,
        anonymous: values.anonymous ?? false,
        overLevel: values.overLevel ?? false,
        complex: values.complex ?? false,
        remoteArea: values.remoteArea ?? false,
        complaintRound: values.secondRound ? 2 : 1,
        denunciationComplexity: values.denunciationComplexity ?? 'normal',
        verifiedAtSeveralPlaces: values.verifiedAtSeveralPlaces ?? false,
        againstPartyMember: values.againstPartyMember ?? false,
        petitioners: values.anonymous
          ? []
          : values.petitioners.map((petitioner) => ({ ...petitioner, address: petitioner.address || null, phone: petitioner.phone || null })),
        handlerIds: values.handlerIds,
        receptionSessionId: values.channel === 'reception' ? (values.receptionSessionId ?? null) : null,
        duplicateOfId: values.duplicateOfId ?? null,
        previousId: prefill?.previous.id ?? null,
      },
      {
        onSuccess: (created) => {
          void message.success(t('petitions.received', { number: created.number }));
          onClose();
          void navigate(`/petitions/${created.id}`);
        },
        onError: handleError,
      },
    );
  }

  return (
    <SaveFormDrawer<PetitionValues>
      title={prefill ? t('petitions.secondComplaint.title', { number: prefill.previous.number }) : t('petitions.receive')}
      size={640}
      form={form}
      onFinish={handleFinish}
      saving={receive.isPending}
      formError={formError}
      onClose={onClose}
      testId="petition-form"
      initialValues={{
        receivedOn: fromApiDate(todayInVietnam()),
        channel: 'reception',
        type: 'kien_nghi',
        denunciationComplexity: 'normal',
        petitioners: [{ fullName: '' }],
        handlerIds: options.data?.handlers.some((handler) => handler.id === user.id) ? [user.id] : [],
        ...(prefill && {
          type: 'khieu_nai',
          secondRound: true,
          fieldCode: prefill.fieldCode,
          communeId: prefill.communeId ?? undefined,
          subject: prefill.subject,
          content: prefill.content,
          petitioners: prefill.petitioners.map((petitioner) => ({ fullName: petitioner.fullName, address: petitioner.address ?? undefined })),
        }),
      }}
    >
      <Flex gap={16} wrap>
        <Form.Item name="receivedOn" label={t('petitions.form.receivedOn')} rules={[{ required: true, message: t('petitions.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="channel" label={t('petitions.form.channel')} style={{ minWidth: 200, flex: 1 }}>
          <Select options={CHANNELS.map((channel) => ({ value: channel, label: t(`petitions.channel.${channel}`) }))} />
        </Form.Item>
      </Flex>
      {channel === 'reception' && (sessions.data?.items.length ?? 0) > 0 && (
        <Form.Item name="receptionSessionId" label={t('petitions.reception.session')} extra={t('petitions.reception.sessionHint')}>
          <Select allowClear options={sessions.data?.items.map((session) => ({ value: session.id, label: `${session.kind.label} — ${session.hostName}` }))} />
        </Form.Item>
      )}
      <Flex gap={16} wrap>
        <Form.Item name="type" label={t('petitions.form.type')} style={{ minWidth: 160 }}>
          <Select options={PETITION_TYPES.map((value) => ({ value, label: PETITION_TYPE_LABELS[value][language] }))} data-testid="petition-type" />
        </Form.Item>
        <Form.Item
          name="fieldCode"
          label={t('petitions.form.field')}
          rules={[{ required: true, message: t('petitions.required') }]}
          style={{ minWidth: 260, flex: 1 }}
        >
          <Select
            options={options.data?.fields.map((field) => ({ value: field.code, label: field.label }))}
            loading={options.isLoading}
            data-testid="petition-field"
          />
        </Form.Item>
      </Flex>
      {!atCommune && (
        <Form.Item name="communeId" label={t('petitions.form.commune')} extra={t('petitions.form.communeHint')}>
          <UnitPicker
            scope="mine"
            allowClear
            asOf={receivedOn ? toApiDate(receivedOn) : undefined}
            initialUnit={prefill?.communeId ? { id: prefill.communeId, name: prefill.communeName ?? '' } : undefined}
          />
        </Form.Item>
      )}
      <Form.Item name="subject" label={t('petitions.form.subject')} rules={[{ required: true, message: t('petitions.required') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="content" label={t('petitions.form.content')} rules={[{ required: true, message: t('petitions.required') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        {!atCommune && (
          <Form.Item name="overLevel" valuePropName="checked" noStyle>
            <Checkbox>{t('petitions.form.overLevel')}</Checkbox>
          </Form.Item>
        )}
        {type === 'khieu_nai' && (
          <>
            <Form.Item name="secondRound" valuePropName="checked" noStyle>
              <Checkbox>{t('petitions.form.secondRound')}</Checkbox>
            </Form.Item>
            <Form.Item name="complex" valuePropName="checked" noStyle>
              <Checkbox>{t('petitions.form.complex')}</Checkbox>
            </Form.Item>
            <Form.Item name="remoteArea" valuePropName="checked" noStyle>
              <Checkbox>{t('petitions.form.remoteArea')}</Checkbox>
            </Form.Item>
          </>
        )}
        {type === 'to_cao' && (
          <>
            <Form.Item name="anonymous" valuePropName="checked" noStyle>
              <Checkbox>{t('petitions.form.anonymous')}</Checkbox>
            </Form.Item>
            <Form.Item name="againstPartyMember" valuePropName="checked" noStyle>
              <Checkbox>{t('petitions.form.againstPartyMember')}</Checkbox>
            </Form.Item>
            <Form.Item name="verifiedAtSeveralPlaces" valuePropName="checked" noStyle>
              <Checkbox>{t('petitions.form.severalPlaces')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Flex>
      {type === 'to_cao' && (
        <Form.Item name="denunciationComplexity" label={t('petitions.form.complexity')}>
          <Select options={DENUNCIATION_COMPLEXITIES.map((value) => ({ value, label: DENUNCIATION_COMPLEXITY_LABELS[value][language] }))} />
        </Form.Item>
      )}
      {!anonymous && (
        <>
          <Typography.Text strong>{t('petitions.form.petitioners')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('petitions.form.petitionersHint')}
          </Typography.Paragraph>
          <Form.List name="petitioners">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ marginBottom: 16 }}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[field.name, 'fullName']}
                      rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}
                      style={{ flex: 2, minWidth: 180, marginBottom: 8 }}
                    >
                      <Input placeholder={t('petitions.form.fullName')} aria-label={`${t('petitions.form.fullName')} ${index + 1}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'address']} style={{ flex: 2, minWidth: 160, marginBottom: 8 }}>
                      <Input placeholder={t('petitions.form.address')} aria-label={`${t('petitions.form.address')} ${index + 1}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'phone']} style={{ flex: 1, minWidth: 120, marginBottom: 8 }}>
                      <Input placeholder={t('petitions.form.phone')} inputMode="tel" aria-label={`${t('petitions.form.phone')} ${index + 1}`} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button icon={<DeleteOutlined />} aria-label={t('petitions.form.removePetitioner')} onClick={() => remove(field.name)} />
                    )}
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ fullName: '' })} style={{ alignSelf: 'flex-start' }}>
                  {t('petitions.form.addPetitioner')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </>
      )}
      <Form.Item name="duplicateOfId" label={t('petitions.form.duplicateOf')} extra={t('petitions.form.duplicateOfHint')}>
        <PetitionSearchSelect unitId={unitId} />
      </Form.Item>
      <Form.Item name="handlerIds" label={t('petitions.form.handlers')} extra={t('petitions.form.handlersHint')}>
        <Select mode="multiple" options={options.data?.handlers.map((handler) => ({ value: handler.id, label: handler.fullName }))} />
      </Form.Item>
    </SaveFormDrawer>
  );
}
