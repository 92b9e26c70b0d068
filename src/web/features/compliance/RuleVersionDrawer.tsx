import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../app/api/api-client';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { useState } from 'react';
import { areaClassLabel, SCALES, TITLE_GROUPS, TITLE_OPTIONS, titleGroupLabel } from './compliance-labels';
import { useAddRuleVersion, type RuleAreaClass, type StandardRule } from './compliance.api';

interface RuleFormValues {
  effectiveFrom: Dayjs;
  validTo: Dayjs | null;
  appliesKind: 'titles' | 'group';
  titleCodes: string[];
  titleGroup: string;
  areaClass: RuleAreaClass;
  minProfessional: string | null;
  professionalFields: string[];
  minPoliticalTheory: string | null;
  minStateManagement: string | null;
  requireHighSchool: boolean;
  minMonthsLeftAtFirstAppointment: number | null;
  minMonthsLeftAtReElection: number | null;
  confirmed: boolean;
  legalBasis: string;
  note: string;
  changeNote: string;
}

function initialValues(rule: StandardRule): RuleFormValues {
  const today = todayInVietnam();
  return {
    effectiveFrom: fromApiDate(today > rule.validFrom ? today : rule.validFrom),
    validTo: rule.validTo ? fromApiDate(rule.validTo) : null,
    appliesKind: rule.appliesTo.kind,
    titleCodes: rule.appliesTo.kind === 'titles' ? rule.appliesTo.codes : [],
    titleGroup: rule.appliesTo.kind === 'group' ? rule.appliesTo.group : 'key',
    areaClass: rule.areaClass,
    minProfessional: rule.minProfessional,
    professionalFields: rule.professionalFields,
    minPoliticalTheory: rule.minPoliticalTheory,
    minStateManagement: rule.minStateManagement,
    requireHighSchool: rule.requireHighSchool,
    minMonthsLeftAtFirstAppointment: rule.minMonthsLeftAtFirstAppointment,
    minMonthsLeftAtReElection: rule.minMonthsLeftAtReElection,
    confirmed: rule.confirmed,
    legalBasis: rule.legalBasis,
    note: rule.note,
    changeNote: '',
  };
}

function RuleVersionForm({ rule, onDone }: { rule: StandardRule; onDone: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const addVersion = useAddRuleVersion();
  const handleError = useFormErrorHandler(form);
  const [conflict, setConflict] = useState<string | null>(null);
  const appliesKind = Form.useWatch('appliesKind', form);

  const levelOptions = (scale: (typeof SCALES)[keyof typeof SCALES]) => [
    { value: '', label: t('standards.none') },
    ...scale.codes.map((code) => ({ value: code, label: language === 'vi' ? scale.labelVi(code) : scale.labelEn(code) })),
  ];
  const orNull = (value: string | null) => (value ? value : null);

  function handleFinish(values: RuleFormValues) {
    setConflict(null);
    addVersion.mutate(
      {
        code: rule.code,
        body: {
          effectiveFrom: toApiDate(values.effectiveFrom),
          validTo: values.validTo ? toApiDate(values.validTo) : null,
          appliesTo: values.appliesKind === 'titles' ? { kind: 'titles', codes: values.titleCodes } : { kind: 'group', group: values.titleGroup },
          areaClass: values.areaClass,
          minProfessional: orNull(values.minProfessional),
          professionalFields: values.professionalFields,
          minPoliticalTheory: orNull(values.minPoliticalTheory),
          minStateManagement: orNull(values.minStateManagement),
          requireHighSchool: values.requireHighSchool,
          minMonthsLeftAtFirstAppointment: values.minMonthsLeftAtFirstAppointment ?? null,
          minMonthsLeftAtReElection: values.minMonthsLeftAtReElection ?? null,
          confirmed: values.confirmed,
          legalBasis: values.legalBasis,
          note: values.note ?? '',
          changeNote: values.changeNote,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(t('standards.version.saved', { code: saved.code, version: saved.version }));
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.id === 'CONFLICT') setConflict(error.message);
          else handleError(error);
        },
      },
    );
  }

  return (
    <Form<RuleFormValues> form={form} layout="vertical" initialValues={initialValues(rule)} onFinish={handleFinish} disabled={addVersion.isPending}>
      <Typography.Paragraph type="secondary">{t('standards.version.explanation', { from: formatDate(rule.validFrom) })}</Typography.Paragraph>
      {conflict && <Alert type="error" showIcon title={conflict} style={{ marginBottom: 16 }} data-testid="rule-conflict" />}
      <Flex gap={16} wrap>
        <Form.Item name="effectiveFrom" label={t('standards.version.effectiveFrom')} rules={[{ required: true, message: t('standards.version.effectiveFromRequired') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="validTo" label={t('standards.version.validTo')} extra={t('standards.version.validToHint')}>
          <DatePicker format={DATE_DISPLAY_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item name="appliesKind" label={t('standards.rule.titles')}>
        <Radio.Group
          options={[
            { value: 'group', label: t('standards.version.byGroup') },
            { value: 'titles', label: t('standards.version.byTitles') },
          ]}
        />
      </Form.Item>
      {appliesKind === 'titles' ? (
        <Form.Item name="titleCodes" rules={[{ required: true, message: t('standards.version.titlesRequired') }]}>
          <Select mode="multiple" options={TITLE_OPTIONS.map((title) => ({ value: title.code, label: language === 'vi' ? title.nameVi : title.nameEn }))} />
        </Form.Item>
      ) : (
        <Form.Item name="titleGroup">
          <Select options={TITLE_GROUPS.map((group) => ({ value: group, label: titleGroupLabel(group, language, t('standards.version.allKey')) }))} />
        </Form.Item>
      )}
      <Form.Item name="areaClass" label={t('standards.rule.area')}>
        <Select options={(['any', 'plains', 'disadvantaged'] as const).map((area) => ({ value: area, label: areaClassLabel(area, language) }))} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="minProfessional" label={t('compliance.people.professional')} style={{ minWidth: 200 }} getValueProps={(value) => ({ value: value ?? '' })}>
          <Select options={levelOptions(SCALES.professional)} data-testid="rule-min-professional" />
        </Form.Item>
        <Form.Item name="minPoliticalTheory" label={t('compliance.people.politicalTheory')} style={{ minWidth: 200 }} getValueProps={(value) => ({ value: value ?? '' })}>
          <Select options={levelOptions(SCALES.politicalTheory)} data-testid="rule-min-theory" />
        </Form.Item>
        <Form.Item name="minStateManagement" label={t('standards.rule.stateManagement')} style={{ minWidth: 200 }} getValueProps={(value) => ({ value: value ?? '' })}>
          <Select options={levelOptions(SCALES.stateManagement)} />
        </Form.Item>
      </Flex>
      <Form.Item name="professionalFields" label={t('standards.version.fields')} extra={t('standards.version.fieldsHint')}>
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item name="requireHighSchool" label={t('standards.rule.highSchool')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="minMonthsLeftAtFirstAppointment" label={t('standards.version.monthsFirst')}>
          <InputNumber min={0} max={600} precision={0} />
        </Form.Item>
        <Form.Item name="minMonthsLeftAtReElection" label={t('standards.version.monthsReelection')}>
          <InputNumber min={0} max={600} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item name="legalBasis" label={t('standards.rule.basis')} rules={[{ required: true, whitespace: true, message: t('standards.version.basisRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="confirmed" label={t('standards.version.confirmed')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="note" label={t('standards.version.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="changeNote" label={t('standards.version.changeNote')} rules={[{ required: true, whitespace: true, message: t('standards.version.changeNoteRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('standards.version.changeNotePlaceholder')} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={addVersion.isPending}>
          {t('standards.version.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function RuleVersionDrawer({ open, rule, onClose }: { open: boolean; rule: StandardRule | null; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={open} onClose={onClose} title={rule ? t('standards.version.title', { code: rule.code }) : ''} size={screens.md ? 640 : '100%'} destroyOnHidden>
      {rule && <RuleVersionForm rule={rule} onDone={onClose} />}
    </Drawer>
  );
}
