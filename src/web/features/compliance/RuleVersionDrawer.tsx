import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../app/api/api-client';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { useState } from 'react';
import { areaClassLabel, SCALES, TITLE_GROUPS, TITLE_OPTIONS, titleGroupLabel } from './compliance-labels';
import { useAddRule, useAddRuleVersion, type RuleAreaClass, type RuleContent, type StandardRule, type StandardSet } from './compliance.api';

/** A new version of an existing rule, or a new rule (version 1) in one of the sets. */
export type RuleEditorTarget = { kind: 'version'; rule: StandardRule } | { kind: 'rule'; sets: StandardSet[] };

// The server's rule code pattern: checked here too so that the message appears by the field.
const RULE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./_-]{0,79}$/;

interface RuleFormValues {
  setCode: string;
  code: string;
  effectiveFrom: Dayjs;
  validTo: Dayjs | null;
  appliesKind: 'titles' | 'group';
  titleCodes: string[];
  titleGroup: (typeof TITLE_GROUPS)[number];
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

function initialValues(target: RuleEditorTarget): Partial<RuleFormValues> {
  const today = todayInVietnam();
  if (target.kind === 'rule') {
    return {
      setCode: target.sets.length === 1 ? target.sets[0]!.code : undefined,
      effectiveFrom: fromApiDate(today),
      validTo: null,
      appliesKind: 'group',
      titleCodes: [],
      titleGroup: 'key',
      areaClass: 'any',
      minProfessional: null,
      professionalFields: [],
      minPoliticalTheory: null,
      minStateManagement: null,
      requireHighSchool: false,
      minMonthsLeftAtFirstAppointment: null,
      minMonthsLeftAtReElection: null,
      confirmed: false,
      legalBasis: '',
      note: '',
      changeNote: '',
    };
  }
  const rule = target.rule;
  return {
    effectiveFrom: fromApiDate(today > rule.validFrom ? today : rule.validFrom),
    validTo: rule.validTo ? fromApiDate(rule.validTo) : null,
    appliesKind: rule.appliesTo.kind,
    titleCodes: rule.appliesTo.kind === 'titles' ? rule.appliesTo.codes : [],
    titleGroup: TITLE_GROUPS.find((group) => rule.appliesTo.kind === 'group' && group === rule.appliesTo.group) ?? 'key',
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

function RuleForm({ target, onDone }: { target: RuleEditorTarget; onDone: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const addVersion = useAddRuleVersion();
  const addRule = useAddRule();
  const saving = addVersion.isPending || addRule.isPending;
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
    const content: RuleContent & { changeNote: string } = {
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
    };
    const handlers = {
      onSuccess: (saved: StandardRule) => {
        void message.success(t(target.kind === 'rule' ? 'standards.newRule.saved' : 'standards.version.saved', { code: saved.code, version: saved.version }));
        onDone();
      },
      onError: (error: Error) => {
        if (error instanceof ApiError && error.id === 'CONFLICT') setConflict(error.message);
        else handleError(error);
      },
    };
    const from = toApiDate(values.effectiveFrom);
    if (target.kind === 'rule') addRule.mutate({ ...content, setCode: values.setCode, code: values.code.trim(), validFrom: from }, handlers);
    else addVersion.mutate({ code: target.rule.code, body: { ...content, effectiveFrom: from } }, handlers);
  }

  return (
    <Form<RuleFormValues> form={form} layout="vertical" initialValues={initialValues(target)} onFinish={handleFinish} disabled={saving}>
      {target.kind === 'version' ? (
        <Typography.Paragraph type="secondary">{t('standards.version.explanation', { from: formatDate(target.rule.validFrom) })}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('standards.newRule.explanation')}</Typography.Paragraph>
          <Form.Item name="setCode" label={t('standards.newRule.set')} rules={[{ required: true, message: t('standards.newRule.setRequired') }]}>
            <Select
              options={target.sets.map((set) => ({ value: set.code, label: `${language === 'vi' ? set.nameVi : set.nameEn} (${set.code})` }))}
              placeholder={t('standards.newRule.setPlaceholder')}
              data-testid="rule-set"
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('standards.newRule.code')}
            extra={t('standards.newRule.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('standards.newRule.codeRequired') },
              { pattern: RULE_CODE_PATTERN, message: t('standards.newRule.codeFormat') },
            ]}
          >
            <Input autoComplete="off" placeholder="tinh.bi_thu" data-testid="rule-code" />
          </Form.Item>
        </>
      )}
      {conflict && <Alert type="error" showIcon title={conflict} style={{ marginBottom: 16 }} data-testid="rule-conflict" />}
      <Flex gap={16} wrap>
        <Form.Item
          name="effectiveFrom"
          label={t('standards.version.effectiveFrom')}
          rules={[{ required: true, message: t('standards.version.effectiveFromRequired') }]}
        >
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
        <Form.Item
          name="minProfessional"
          label={t('compliance.people.professional')}
          style={{ minWidth: 200 }}
          getValueProps={(value) => ({ value: value ?? '' })}
        >
          <Select options={levelOptions(SCALES.professional)} data-testid="rule-min-professional" />
        </Form.Item>
        <Form.Item
          name="minPoliticalTheory"
          label={t('compliance.people.politicalTheory')}
          style={{ minWidth: 200 }}
          getValueProps={(value) => ({ value: value ?? '' })}
        >
          <Select options={levelOptions(SCALES.politicalTheory)} data-testid="rule-min-theory" />
        </Form.Item>
        <Form.Item
          name="minStateManagement"
          label={t('standards.rule.stateManagement')}
          style={{ minWidth: 200 }}
          getValueProps={(value) => ({ value: value ?? '' })}
        >
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
      <Form.Item
        name="legalBasis"
        label={t('standards.rule.basis')}
        rules={[{ required: true, whitespace: true, message: t('standards.version.basisRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="confirmed" label={t('standards.version.confirmed')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="note" label={t('standards.version.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="changeNote"
        label={t('standards.version.changeNote')}
        rules={[{ required: true, whitespace: true, message: t('standards.version.changeNoteRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('standards.version.changeNotePlaceholder')} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rule-save">
          {target.kind === 'rule' ? t('standards.newRule.save') : t('standards.version.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function RuleVersionDrawer({ open, target, onClose }: { open: boolean; target: RuleEditorTarget | null; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const title = !target ? '' : target.kind === 'rule' ? t('standards.newRule.title') : t('standards.version.title', { code: target.rule.code });
  return (
    <Drawer open={open} onClose={onClose} title={title} size={screens.md ? 640 : '100%'} destroyOnHidden>
      {target && <RuleForm target={target} onDone={onClose} />}
    </Drawer>
  );
}
